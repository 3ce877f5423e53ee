// DataLayer: wiring core/client_sync + core/replica to the browser (idb_storage,
// http_transport, network_status, random). Every change to the replica is written to
// the local file system in the same frame and flushed to IndexedDB ~200 ms later.
#include "core/app/app_registry.hpp"
#include "wasm/client/data_layer.hpp"

#include <tuple>

#include "wasm/client/local_database.hpp"
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

}  // namespace

DataLayer::DataLayer() : registry_(make_sync_registry()) {}

void DataLayer::start() {
    if (started_) return;
    started_ = true;
    platform::mount_local_storage();
    platform::install_network_listeners();
}

bool DataLayer::has_session() const { return have_session_ && session_.is_live(now_) && replica_.has_value(); }

const Store& DataLayer::view() const { return replica_ ? replica_->view() : empty_store(); }

SyncState DataLayer::state() const {
    SyncState s = replica_ ? sync_.state(*replica_) : SyncState{};
    s.online = online_;
    s.signed_in = has_session();
    return s;
}

const std::vector<Rejection>& DataLayer::rejections() const {
    return replica_ ? replica_->rejections() : no_rejections();
}

void DataLayer::dismiss_rejection(const std::string& mutation_id) {
    if (!replica_) return;
    replica_->dismiss_rejection(mutation_id);
    persist();
}

Result<Mutation> DataLayer::submit(const std::string& name, const Json& args) {
    if (!has_session()) return make_error("signed_out", "Sign in to make changes.");
    auto m = replica_->apply_local(env(), platform::random_uuid(), name, args, now_);
    if (!m) return m;
    persist();  // written before anything else can happen to the page
    sync_.on_local_edit(now_);
    return m;
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
    if (replica_) persist();
    forget_session();
    have_session_ = false;
    session_ = ClientSession{};
    replica_.reset();
    replica_user_.clear();
    sync_ = ClientSync{};
    sync_.set_online(online_, now_);
}

void DataLayer::sync_now() { sync_.sync_now(now_); }

bool DataLayer::is_saved() const { return !dirty_ && platform::is_local_storage_flushed(); }

void DataLayer::persist() {
    if (!replica_ || replica_user_.empty()) return;
    dirty_ = !save_replica(replica_user_, *replica_);
}

void DataLayer::finish_loading(TimestampMs now) {
    loading_ = false;
    if (platform::local_storage_was_evicted())
        storage_notice_ = "This browser cleared CaseHub's local data since your last visit; changes not synced "
                          "before then could not be kept.";
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
    if (replica_ && replica_user_ == user_id) return;
    auto loaded = load_replica(env(), user_id);
    if (loaded) {
        replica_ = std::move(*loaded);
    } else {
        if (loaded.error().code != "not_found") storage_notice_ = loaded.error().message;
        replica_ = Replica(platform::random_uuid());
    }
    replica_user_ = user_id;
    sync_ = ClientSync{};
    sync_.set_online(online_, now);
    persist();
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
        // What the answer may change; an empty pull every 15 s need not rewrite the file.
        const auto before = std::make_tuple(replica_->cursor(), replica_->outbox().size(), replica_->pending_count(),
                                            replica_->rejections().size());
        if (sync_.on_answer(*replica_, env(), SyncAnswer{a.id, a.status, std::move(a.body)}, now)) {
            if (before != std::make_tuple(replica_->cursor(), replica_->outbox().size(), replica_->pending_count(),
                                          replica_->rejections().size()))
                persist();
            if (!sync_.is_signed_in() && !session_.token.empty()) {
                // The server no longer accepts the token: sign in again; the work is kept.
                sign_in_error_ = sync_.state(*replica_).last_error;
                session_.token.clear();
                (void)save_session(session_);
            }
        }
    }

    if (replica_ && have_session_ && session_.is_live(now)) {
        if (auto req = sync_.next_request(*replica_, now))
            platform::send_http({req->id, req->method, req->path, req->body, session_.token, 30000});
    }
    if (dirty_) persist();  // a failed write is tried again next frame
}

DataLayer& data_layer() {
    static DataLayer layer;
    return layer;
}

}  // namespace casehub::client
