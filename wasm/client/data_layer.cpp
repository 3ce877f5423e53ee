// DataLayer: wiring core/client_sync + core/replica to the browser (device_store,
// idb_storage for the session, http_transport, network_status, random). Every change to
// the replica goes to its device journal; the journal is handed to the device store at
// once after an edit and at the end of every frame otherwise, one transaction each.
#include "core/app/app_registry.hpp"
#include "wasm/client/data_layer.hpp"

#include <algorithm>
#include <cstdio>

#include <emscripten/emscripten.h>

#include "core/sync/device_messages.hpp"
#include "core/sync/device_restore.hpp"
#include "wasm/client/local_database.hpp"
#include "wasm/platform/device_store.hpp"
#include "wasm/platform/http_transport.hpp"
#include "wasm/platform/idb_storage.hpp"
#include "wasm/platform/network_status.hpp"
#include "wasm/platform/random.hpp"

namespace casehub::client {
namespace {

const Store& empty_store() {
    static const Store store;
    return store;
}

const std::vector<Rejection>& no_rejections() {
    static const std::vector<Rejection> none;
    return none;
}

constexpr TimestampMs kDeviceRetryMinMs = 2000;
constexpr TimestampMs kDeviceRetryMaxMs = 30000;
// Record pages handed to the replica per frame stop after this. The shell is drawn from
// the first page on; edits wait for the last, so loading fast beats smooth frames here.
constexpr double kRestoreBudgetMs = 40.0;
// A journal bigger than this many records (a first snapshot of 100k cases) is written in
// pages, one transaction each, a few at a time: one batch of it all would need several
// hundred MB of text in wasm memory and abort the page.
constexpr std::size_t kRecordsPerBatch = 5000;
constexpr std::size_t kBatchesInFlight = 3;

}  // namespace

DataLayer::DataLayer() : registry_(make_sync_registry()) {}

void DataLayer::start() {
    if (started_) return;
    started_ = true;
    platform::mount_local_storage();
    platform::install_network_listeners();
    platform::install_page_hide_listener();
}

bool DataLayer::has_session() const { return have_session_ && session_.is_live(now_) && replica_.has_value(); }

const Store& DataLayer::view() const { return replica_ ? replica_->view() : empty_store(); }

SyncState DataLayer::state() const {
    SyncState s = replica_ ? sync_.state(*replica_) : SyncState{};
    s.online = online_;
    s.signed_in = has_session();
    s.storage_error = storage_error_;
    if (device_phase_ == DevicePhase::memory_only) s.durable_client_seq = 0;  // kept in this tab only
    return s;
}

const std::vector<Rejection>& DataLayer::rejections() const {
    return replica_ ? replica_->rejections() : no_rejections();
}

void DataLayer::dismiss_rejection(const std::string& mutation_id) {
    if (!replica_) return;
    replica_->dismiss_rejection(mutation_id);
}

Result<Mutation> DataLayer::submit(const std::string& name, const Json& args) {
    if (!has_session()) return make_error("signed_out", "Sign in to make changes.");
    if (device_phase_ == DevicePhase::opening || device_phase_ == DevicePhase::restoring)
        return make_error("loading", device_loading_message(restored_, stored_total_));
    auto m = replica_->apply_local(env(), platform::random_uuid(), name, args, now_);
    if (!m) return m;
    write_new_work();  // its own transaction, started before anything else can happen to the page
    sync_.on_local_edit(now_);
    return m;
}

bool DataLayer::is_durable(std::int64_t client_seq) const {
    return replica_ && device_phase_ != DevicePhase::memory_only && client_seq <= replica_->durable_client_seq();
}

void DataLayer::sign_in(const std::string& username, const std::string& password) {
    if (login_request_ != 0) return;
    sign_in_error_.clear();
    if (!online_) {
        sign_in_error_ = "You are offline. Signing in needs the network once; your saved work is kept.";
        return;
    }
    login_request_ = next_http_id_++;
    platform::send_http({login_request_, "POST", "/api/auth/login",
                         Json{{"username", username}, {"password", password}}.dump(), "", 20000});
}

void DataLayer::sign_out() {
    if (have_session_ && !session_.token.empty())
        platform::send_http({next_http_id_++, "POST", "/api/auth/logout", "{}", session_.token, 10000});
    flush_device();
    platform::close_device_store();  // after its queued writes
    forget_session();
    have_session_ = false;
    session_ = ClientSession{};
    replica_.reset();
    replica_user_.clear();
    device_phase_ = DevicePhase::closed;
    device_writes_.clear();
    storage_error_.clear();
    sync_ = ClientSync{};
    sync_.set_online(online_, now_);
}

void DataLayer::sync_now() {
    sync_.sync_now(now_);
    device_retry_at_ = 0;  // the agent asked: try the device again too
}

bool DataLayer::is_saved() const {
    return device_phase_ != DevicePhase::memory_only && storage_error_.empty() && device_writes_.empty() &&
           (!replica_ || replica_->journal().empty());
}

bool DataLayer::may_write_device() {
    if (!replica_ || replica_->journal().empty()) return false;
    if (device_phase_ == DevicePhase::memory_only) {
        // Nothing can be stored: the work counts as made in this tab and is pushed from here.
        (void)replica_->take_journal();
        replica_->mark_durable_through(replica_->next_client_seq() - 1);
        return false;
    }
    if (device_phase_ == DevicePhase::opening) return false;  // the store is not open yet
    return storage_error_.empty() || now_ >= device_retry_at_;
}

void DataLayer::write_device_batch(DeviceJournal batch) {
    const std::uint64_t ticket = platform::write_device_batch(batch.to_batch_json(replica_->client_id()));
    device_writes_.emplace(ticket, std::move(batch));
}

void DataLayer::write_new_work() {
    if (!may_write_device() || !replica_->journal().holds_new_work()) return;
    write_device_batch(replica_->take_new_work());
}

void DataLayer::write_journal(std::size_t max_in_flight) {
    if (!may_write_device()) return;
    write_new_work();
    while (!replica_->journal().empty() && device_writes_.size() < max_in_flight)
        write_device_batch(replica_->take_journal_page(kRecordsPerBatch));
}

void DataLayer::flush_device() { write_journal(SIZE_MAX); }

bool DataLayer::load_bench_snapshot(std::vector<Record> records) {
    if (!replica_ || device_phase_ != DevicePhase::ready) return false;
    replica_->on_snapshot(env(), Snapshot{std::move(records), replica_->cursor()});
    write_journal(kBatchesInFlight);
    return true;
}

void DataLayer::on_device_failure(const std::string& name, const std::string& message, TimestampMs now) {
    ++device_failures_;
    TimestampMs delay = kDeviceRetryMinMs;
    for (int i = 1; i < device_failures_ && delay < kDeviceRetryMaxMs; ++i) delay *= 2;
    device_retry_at_ = now + std::min(delay, kDeviceRetryMaxMs);
    storage_error_ = device_write_refused_message(name, message);
    std::printf("casehub: device store refused a write (%s: %s); retrying in %lld ms\n", name.c_str(),
                message.c_str(), static_cast<long long>(device_retry_at_ - now));
}

void DataLayer::finish_loading(TimestampMs now) {
    loading_ = false;
    if (platform::local_storage_was_evicted())
        storage_notice_ = device_cleared_message();
    if (std::string err = platform::local_storage_error(); !err.empty()) storage_notice_ = err;
    platform::request_persistent_storage();
    if (auto s = load_session()) {
        session_ = std::move(*s);
        have_session_ = true;
        open_replica_for(session_.user.user_id, now);
        sync_.set_signed_in(session_.is_live(now), now);
    }
}

void DataLayer::open_replica_for(const std::string& user_id, TimestampMs now) {
    if (replica_user_ == user_id && device_phase_ != DevicePhase::closed) return;
    replica_.reset();
    replica_user_ = user_id;
    device_writes_.clear();
    import_pending_ = false;
    storage_error_.clear();
    device_failures_ = 0;
    restored_ = stored_total_ = 0;
    device_phase_ = DevicePhase::opening;
    platform::open_device_store(user_id);
    sync_ = ClientSync{};
    sync_.set_online(online_, now);
}

// The head arrived: the replica exists from here on (records follow). Nothing stored yet:
// import the earlier single-file replica if there is one, else start a new one.
void DataLayer::start_replica(const std::string& head_json, TimestampMs now) {
    (void)now;
    const Json head = Json::parse(head_json, nullptr, false);
    std::vector<std::string> outbox;
    if (!head.is_discarded() && head.contains("outbox") && head["outbox"].is_array())
        for (const Json& e : head["outbox"])
            if (e.is_string()) outbox.push_back(e.get<std::string>());
    const Json meta = head.is_discarded() ? Json() : head.value("meta", Json::object());
    stored_total_ = head.is_discarded() ? 0 : head.value("recordCount", std::size_t{0});
    auto restored = replica_from_device(meta, outbox);
    if (restored) {
        replica_ = std::move(*restored);
        device_phase_ = DevicePhase::restoring;
        if (!stored_records_complete(meta)) {
            // A first load was cut off: the records are loaded again by the next sync.
            replica_->finish_restore(env());
            stored_total_ = 0;
            device_phase_ = DevicePhase::ready;
        }
        return;
    }
    if (restored.error().code != "not_found") storage_notice_ = restored.error().message;
    auto old = load_file_replica(env(), replica_user_);
    if (old) {
        replica_ = std::move(*old);
        replica_->journal_everything();
        import_pending_ = true;
        write_journal(kBatchesInFlight);
    } else {
        if (old.error().code != "not_found") storage_notice_ = old.error().message;
        replica_ = Replica(platform::random_uuid());
        // Stored work that could not be read is replaced whole, not mixed with new work.
        if (restored.error().code != "not_found") replica_->journal_everything();
        write_journal(kBatchesInFlight);
    }
    stored_total_ = 0;
    device_phase_ = DevicePhase::ready;
}

void DataLayer::tick_device(TimestampMs now) {
    if (device_phase_ == DevicePhase::opening) {
        if (std::string err = platform::device_store_open_error(); !err.empty()) {
            storage_error_ = device_open_refused_message(err);
            device_phase_ = DevicePhase::memory_only;
            replica_ = Replica(platform::random_uuid());  // a new client: it never numbers like a stored one
            (void)replica_->take_journal();
            std::printf("casehub: no device store (%s); working in memory\n", err.c_str());
            return;
        }
        if (std::string err = platform::device_store_read_error(); !err.empty()) {
            storage_error_ = device_unreadable_message(err);
            return;
        }
        if (auto head = platform::take_device_head()) start_replica(*head, now);
        return;
    }
    if (device_phase_ == DevicePhase::restoring) {
        const double started = emscripten_get_now();
        while (emscripten_get_now() - started < kRestoreBudgetMs) {
            auto page = platform::take_device_record_page();
            if (!page) break;
            auto records = records_from_device(Json::parse(*page, nullptr, false));
            if (!records) {
                storage_notice_ = records.error().message;
                continue;
            }
            restored_ += records->size();
            replica_->add_restored_records(std::move(*records));
        }
        if (std::string err = platform::device_store_read_error(); !err.empty())
            storage_error_ = device_unreadable_message(err);
        if (platform::device_records_done()) {
            replica_->finish_restore(env());
            device_phase_ = DevicePhase::ready;
        }
    }
    if (device_phase_ == DevicePhase::closed) return;
    if (device_phase_ == DevicePhase::memory_only) {
        write_journal(kBatchesInFlight);  // nothing to write to: only the bookkeeping
        return;
    }

    // Outcomes of earlier writes, in order: stored work counts as made; a refusal puts the
    // refused batches (and those failed behind it) back under what was journaled since.
    std::optional<DeviceJournal> refused;
    std::string refused_name, refused_message;
    for (platform::DeviceWriteResult& r : platform::take_device_results()) {
        auto it = device_writes_.find(r.ticket);
        if (it == device_writes_.end()) continue;  // written for a replica no longer open
        if (r.ok) {
            if (replica_) replica_->mark_durable_through(it->second.newest_outbox_seq());
            if (!refused) {
                storage_error_.clear();
                device_failures_ = 0;
            }
        } else {
            if (refused)
                refused->merge_newer(std::move(it->second));
            else
                refused = std::move(it->second);
            if (refused_name.empty()) {
                refused_name = r.error_name;
                refused_message = r.error_message;
            }
        }
        device_writes_.erase(it);
    }
    if (refused) {
        // Later writes may still be queued behind the refusal: they fail too and join it.
        for (auto& [ticket, j] : device_writes_) refused->merge_newer(std::move(j));
        device_writes_.clear();
        if (replica_) replica_->return_journal(std::move(*refused));
        on_device_failure(refused_name, refused_message, now);
        platform::unblock_device_writes();
    }
    // The old replica file goes once everything it held is stored (it may take pages).
    if (import_pending_ && device_writes_.empty() && replica_ && replica_->journal().empty() && storage_error_.empty()) {
        remove_file_replica(replica_user_);
        import_pending_ = false;
    }
    write_journal(kBatchesInFlight);  // this frame's pulls and bookkeeping: one batch, or pages of a big one
}

void DataLayer::on_login_answer(int status, const std::string& body, TimestampMs now) {
    login_request_ = 0;
    if (status != 200) {
        sign_in_error_ = status == 0 ? "The server could not be reached. Check the network and try again."
                                     : answer_error_message(SyncAnswer{0, status, body});
        return;
    }
    const Json j = Json::parse(body, nullptr, false);
    auto s = j.is_discarded() ? Result<ClientSession>(make_error("bad_answer", "The sign-in answer is not JSON."))
                              : session_from_login_answer(j);
    if (!s) {
        sign_in_error_ = s.error().message;
        return;
    }
    session_ = std::move(*s);
    have_session_ = true;
    (void)save_session(session_);
    open_replica_for(session_.user.user_id, now);
    sync_.set_signed_in(true, now);
}

void DataLayer::tick(TimestampMs now) {
    now_ = now;
    if (!started_) return;
    if (loading_) {
        if (!platform::is_local_storage_ready()) return;
        finish_loading(now);
    }

    const platform::NetworkEvents net = platform::poll_network_events();
    online_ = net.online;
    sync_.set_online(net.online, now);
    if (net.resumed) sync_.on_resume(now);

    for (platform::HttpAnswer& a : platform::take_http_answers()) {
        if (a.id == login_request_) {
            on_login_answer(a.status, a.body, now);
            continue;
        }
        if (!replica_) continue;
        if (sync_.on_answer(*replica_, env(), SyncAnswer{a.id, a.status, std::move(a.body)}, now)) {
            if (!sync_.is_signed_in() && !session_.token.empty()) {
                // The server no longer accepts the token: sign in again; the work is kept.
                sign_in_error_ = sync_.state(*replica_).last_error;
                session_.token.clear();
                (void)save_session(session_);
            }
        }
    }

    const bool syncs = device_phase_ == DevicePhase::ready || device_phase_ == DevicePhase::memory_only;
    if (replica_ && syncs && have_session_ && session_.is_live(now)) {
        if (auto req = sync_.next_request(*replica_, now))
            platform::send_http({req->id, req->method, req->path, req->body, session_.token, 30000});
    }
    tick_device(now);
}

DataLayer& data_layer() {
    static DataLayer layer;
    return layer;
}

}  // namespace casehub::client

extern "C" {
// web/device_store.js' page-hide listener (platform::install_page_hide_listener) calls this.
EMSCRIPTEN_KEEPALIVE void casehub_on_page_hide() { casehub::client::data_layer().flush_device(); }
}
