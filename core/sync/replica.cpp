// Replica: optimistic apply, outbox bookkeeping, pull and rebase, persistence shape.
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
    return m;
}

std::vector<Mutation> Replica::push_batch(std::size_t max) const {
    std::vector<Mutation> out;
    for (const auto& e : outbox_) {
        if (out.size() >= max) break;
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
            // Already pulled (the reply came late): confirmed has it, stop re-applying it.
            view_changed = view_changed || r.seq <= cursor_;
        } else {
            rejections_.push_back(Rejection{e.mutation, r.error});
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
        for (Store* s : {&confirmed_, &view_}) {
            if (s == &view_ && !view_is_confirmed) continue;
            if (c.op == PullOp::upsert && c.record)
                s->upsert(*c.record);
            else
                s->erase(c.entity, c.id);
        }
    }
    cursor_ = std::max(cursor_, page.cursor);
    if (!view_is_confirmed) rebase(env);
}

void Replica::on_snapshot(const ApplyEnv& env, const Snapshot& snapshot) {
    Store fresh;
    for (const Record& r : snapshot.records) fresh.upsert(r);
    confirmed_ = std::move(fresh);
    cursor_ = snapshot.cursor;
    rebase(env);
}

void Replica::rebase(const ApplyEnv& env) {
    outbox_.erase(std::remove_if(outbox_.begin(), outbox_.end(),
                                 [&](const OutboxEntry& e) { return e.accepted_seq != 0 && e.accepted_seq <= cursor_; }),
                  outbox_.end());
    view_ = confirmed_;
    for (const OutboxEntry& e : outbox_) (void)apply_on(env, view_, e.mutation);  // failures stay queued
}

void Replica::dismiss_rejection(const std::string& mutation_id) {
    rejections_.erase(std::remove_if(rejections_.begin(), rejections_.end(),
                                     [&](const Rejection& r) { return r.mutation.id == mutation_id; }),
                      rejections_.end());
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
        if (!e.is_object() || !e.contains("mutation")) return make_error("wrong_type", "A saved outbox entry is malformed.");
        auto m = mutation_from_json(e["mutation"]);
        if (!m) return m.error();
        std::int64_t seq = 0;
        if (auto a = e.find("accepted_seq"); a != e.end() && a->is_number_integer()) seq = a->get<std::int64_t>();
        r.outbox_.push_back(OutboxEntry{std::move(*m), seq});
    }
    for (const Json& e : *rejections) {
        if (!e.is_object() || !e.contains("mutation")) return make_error("wrong_type", "A saved rejection is malformed.");
        auto m = mutation_from_json(e["mutation"]);
        if (!m) return m.error();
        r.rejections_.push_back(Rejection{std::move(*m), error_from_json(e.value("error", Json::object()))});
    }
    r.rebase(env);
    return r;
}

}  // namespace casehub
