// Replica: optimistic apply, outbox bookkeeping, pull and rebase, durability bookkeeping
// (every change also goes to the device journal), the old single-file shape and restore.
#include "core/sync/replica.hpp"

#include <algorithm>
#include <unordered_map>

namespace casehub {
namespace {

Status apply_on(const ApplyEnv& env, Store& store, const Mutation& m) {
    ApplyContext ctx(store, env.user, m.client_time, env.policy, m);
    return apply_mutation(env.registry, ctx);
}

}  // namespace

Replica::Replica(std::string client_id) : client_id_(std::move(client_id)) {
    journal_.set_next_client_seq(next_client_seq_);
    journal_.set_cursor(cursor_);
}

std::size_t Replica::not_durable_count() const {
    return static_cast<std::size_t>(std::count_if(outbox_.begin(), outbox_.end(), [&](const OutboxEntry& e) {
        return e.mutation.client_seq > durable_client_seq_;
    }));
}

void Replica::mark_durable_through(std::int64_t client_seq) {
    durable_client_seq_ = std::max(durable_client_seq_, std::min(client_seq, next_client_seq_ - 1));
}

DeviceJournal Replica::take_journal() {
    DeviceJournal out = std::move(journal_);
    journal_ = DeviceJournal{};
    return out;
}

void Replica::return_journal(DeviceJournal refused) {
    refused.merge_newer(std::move(journal_));
    journal_ = std::move(refused);
}

void Replica::journal_everything() {
    journal_.clear_records();
    journal_.clear_outbox();
    confirmed_.for_each_record([&](const Record& r) { journal_.put_record(r); });
    for (const OutboxEntry& e : outbox_) journal_.put_outbox(e);
    journal_.set_cursor(cursor_);
    journal_.set_next_client_seq(next_client_seq_);
    journal_.set_rejections(rejections_);
}

std::size_t Replica::pending_count() const {
    return static_cast<std::size_t>(
        std::count_if(outbox_.begin(), outbox_.end(), [](const OutboxEntry& e) { return e.accepted_seq == 0; }));
}

Result<Mutation> Replica::apply_local(const ApplyEnv& env, const std::string& id, const std::string& name,
                                      const Json& args, TimestampMs now) {
    Mutation m{id, client_id_, next_client_seq_, name, args, now};
    if (auto s = apply_on(env, view_, m); !s) return s.error();
    ++next_client_seq_;
    outbox_.push_back(OutboxEntry{m, 0});
    // The entry and the next number travel together, so a reload never numbers twice.
    journal_.put_outbox(outbox_.back());
    journal_.set_next_client_seq(next_client_seq_);
    return m;
}

std::vector<Mutation> Replica::push_batch(std::size_t max) const {
    std::vector<Mutation> out;
    for (const auto& e : outbox_) {
        if (out.size() >= max || e.mutation.client_seq > durable_client_seq_) break;
        if (e.accepted_seq == 0) out.push_back(e.mutation);
    }
    return out;
}

void Replica::on_push_results(const ApplyEnv& env, const std::vector<MutationResult>& results) {
    std::unordered_map<std::string, std::size_t> position;  // one pass, not a search per result
    for (std::size_t i = 0; i < outbox_.size(); ++i) position.emplace(outbox_[i].mutation.id, i);
    bool view_changed = false;
    std::vector<bool> rejected(outbox_.size(), false);
    for (const MutationResult& r : results) {
        auto p = position.find(r.mutation_id);
        if (p == position.end() || rejected[p->second]) continue;
        OutboxEntry& e = outbox_[p->second];
        if (r.status == MutationStatus::accepted) {
            e.accepted_seq = r.seq;
            journal_.put_outbox(e);
            // Already pulled (the reply came late): confirmed has it, stop re-applying it.
            view_changed = view_changed || r.seq <= cursor_;
        } else {
            rejections_.push_back(Rejection{e.mutation, r.error});
            journal_.delete_outbox(e.mutation.client_seq);
            journal_.set_rejections(rejections_);
            rejected[p->second] = true;
            view_changed = true;
        }
    }
    if (!view_changed) return;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < outbox_.size(); ++i) {
        if (rejected[i]) continue;
        if (kept != i) outbox_[kept] = std::move(outbox_[i]);
        ++kept;
    }
    outbox_.resize(kept);
    rebase(env);
}

void Replica::on_pull(const ApplyEnv& env, const PullPage& page) {
    if (page.resnapshot) return;
    // With nothing pending the view is the confirmed store: change both, skip the copy.
    const bool view_is_confirmed = outbox_.empty();
    for (const PullChange& c : page.changes) {
        if (c.op == PullOp::upsert && c.record)
            journal_.put_record(*c.record);
        else
            journal_.delete_record(c.entity, c.id);
        for (Store* s : {&confirmed_, &view_}) {
            if (s == &view_ && !view_is_confirmed) continue;
            if (c.op == PullOp::upsert && c.record)
                s->upsert(*c.record);
            else
                s->erase(c.entity, c.id);
        }
    }
    cursor_ = std::max(cursor_, page.cursor);
    journal_.set_cursor(cursor_);
    if (!view_is_confirmed) rebase(env);
}

void Replica::on_snapshot(const ApplyEnv& env, const Snapshot& snapshot) {
    Store fresh;
    journal_.clear_records();
    for (const Record& r : snapshot.records) {
        fresh.upsert(r);
        journal_.put_record(r);
    }
    confirmed_ = std::move(fresh);
    cursor_ = snapshot.cursor;
    journal_.set_cursor(cursor_);
    rebase(env);
}

void Replica::drop_confirmed_from_outbox() {
    outbox_.erase(std::remove_if(outbox_.begin(), outbox_.end(),
                                 [&](const OutboxEntry& e) {
                                     const bool confirmed = e.accepted_seq != 0 && e.accepted_seq <= cursor_;
                                     if (confirmed) journal_.delete_outbox(e.mutation.client_seq);
                                     return confirmed;
                                 }),
                  outbox_.end());
}

void Replica::rebase(const ApplyEnv& env) {
    drop_confirmed_from_outbox();
    view_ = confirmed_;
    for (const OutboxEntry& e : outbox_) (void)apply_on(env, view_, e.mutation);  // failures stay queued
}

void Replica::dismiss_rejection(const std::string& mutation_id) {
    rejections_.erase(std::remove_if(rejections_.begin(), rejections_.end(),
                                     [&](const Rejection& r) { return r.mutation.id == mutation_id; }),
                      rejections_.end());
    journal_.set_rejections(rejections_);
}

Replica Replica::restore(std::string client_id, std::int64_t next_client_seq, std::int64_t cursor,
                         std::vector<OutboxEntry> outbox, std::vector<Rejection> rejections) {
    Replica r;
    r.client_id_ = std::move(client_id);
    std::sort(outbox.begin(), outbox.end(), [](const OutboxEntry& a, const OutboxEntry& b) {
        return a.mutation.client_seq < b.mutation.client_seq;
    });
    // The stored number is written with each entry; never below what the entries used.
    std::int64_t next = std::max<std::int64_t>(next_client_seq, 1);
    if (!outbox.empty()) next = std::max(next, outbox.back().mutation.client_seq + 1);
    r.next_client_seq_ = next;
    r.durable_client_seq_ = next - 1;
    r.cursor_ = cursor;
    r.outbox_ = std::move(outbox);
    r.rejections_ = std::move(rejections);
    r.restoring_ = true;
    return r;
}

void Replica::add_restored_records(std::vector<Record> records) {
    for (Record& rec : records) confirmed_.upsert(std::move(rec));
}

void Replica::discard_stored_records() {
    confirmed_ = Store{};
    view_ = Store{};
    cursor_ = 0;
    journal_.clear_records();
    journal_.set_cursor(cursor_);
}

void Replica::finish_restore(const ApplyEnv& env) {
    restoring_ = false;
    rebase(env);
    // Dropping entries the cursor already covers is bookkeeping the device may redo; what
    // restore read is stored, so nothing else needs writing.
}

Json Replica::to_json() const {
    Json j{{"client_id", client_id_},
           {"next_client_seq", next_client_seq_},
           {"cursor", cursor_},
           {"confirmed", Json::array()},
           {"outbox", Json::array()},
           {"rejections", Json::array()}};
    confirmed_.for_each_record([&](const Record& r) { j["confirmed"].push_back(r); });
    for (const auto& e : outbox_) j["outbox"].push_back(Json{{"mutation", e.mutation}, {"accepted_seq", e.accepted_seq}});
    for (const auto& r : rejections_)
        j["rejections"].push_back(Json{{"mutation", r.mutation}, {"error", error_to_json(r.error)}});
    return j;
}

Result<Replica> replica_from_json(const ApplyEnv& env, const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "The saved replica is not a JSON object.");
    auto client_id = j.find("client_id");
    auto next = j.find("next_client_seq");
    auto cursor = j.find("cursor");
    auto confirmed = j.find("confirmed");
    auto outbox = j.find("outbox");
    auto rejections = j.find("rejections");
    if (client_id == j.end() || !client_id->is_string() || next == j.end() || !next->is_number_integer() ||
        cursor == j.end() || !cursor->is_number_integer() || confirmed == j.end() || !confirmed->is_array() ||
        outbox == j.end() || !outbox->is_array() || rejections == j.end() || !rejections->is_array())
        return make_error("wrong_type",
                          "The saved replica is incomplete (client_id, next_client_seq, cursor, confirmed, outbox, "
                          "rejections).");
    Replica r(client_id->get<std::string>());
    r.next_client_seq_ = next->get<std::int64_t>();
    r.cursor_ = cursor->get<std::int64_t>();
    Snapshot snap;
    Json wrapped{{"records", *confirmed}, {"cursor", r.cursor_}};
    auto s = snapshot_from_json(wrapped);
    if (!s) return s.error();
    for (const Record& rec : s->records) r.confirmed_.upsert(rec);
    for (const Json& e : *outbox) {
        auto entry = outbox_entry_from_json(e);
        if (!entry) return entry.error();
        r.outbox_.push_back(std::move(*entry));
    }
    auto rejected = rejections_from_json(*rejections);
    if (!rejected) return rejected.error();
    r.rejections_ = std::move(*rejected);
    // What the file held was on the device: durable (it is journaled again only to move it).
    r.durable_client_seq_ = r.next_client_seq_ - 1;
    r.rebase(env);
    r.journal_ = DeviceJournal{};
    return r;
}

}  // namespace casehub
