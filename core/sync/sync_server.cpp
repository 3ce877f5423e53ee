// The server's sync state machine: dedupe, per-client sequence, apply, change log,
// filtered pull and snapshot.
#include "core/sync/sync_server.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/apply/conflict.hpp"

namespace casehub {
namespace {

const char* op_name(PullOp op) {
    switch (op) {
        case PullOp::upsert: return "upsert";
        case PullOp::remove: return "delete";
        case PullOp::drop: return "drop";
    }
    return "upsert";
}

// Records who wrote which field (and who deleted what) after an accepted mutation.
void update_history(SyncHistory& history, const Store& store, const ApplyContext& ctx, std::int64_t seq) {
    const FieldWriter me{ctx.mutation().id, ctx.user().user_id};
    for (const TouchedRecord& t : ctx.touched()) {
        const auto key = record_key(t.entity, t.id);
        const Record* after = store.find(t.entity, t.id);
        if (!after) {
            history.writers.erase(key);
            if (t.before) history.tombstones[key] = Tombstone{ctx.user().user_id, seq};
            continue;
        }
        history.tombstones.erase(key);
        auto& writers = history.writers[key];
        if (!t.before) writers.clear();
        for (auto it = after->attributes.begin(); it != after->attributes.end(); ++it)
            if (!t.before || !same_value(t.before->get(it.key()), &it.value())) writers[it.key()] = me;
        if (t.before)
            for (auto it = t.before->attributes.begin(); it != t.before->attributes.end(); ++it)
                if (!after->attributes.contains(it.key())) writers[it.key()] = me;
    }
}

}  // namespace

void to_json(Json& j, const PullChange& c) {
    j = Json{{"seq", c.seq}, {"op", op_name(c.op)}, {"entity", c.entity}, {"id", c.id}};
    if (c.op == PullOp::upsert && c.record) j["record"] = *c.record;
}

Result<PullChange> pull_change_from_json(const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "A change must be a JSON object.");
    PullChange c;
    auto seq = j.find("seq");
    auto op = j.find("op");
    auto entity = j.find("entity");
    auto id = j.find("id");
    if (seq == j.end() || !seq->is_number_integer() || op == j.end() || !op->is_string() || entity == j.end() ||
        !entity->is_string() || id == j.end() || !id->is_string())
        return make_error("wrong_type", "A change needs seq (integer), op, entity and id (strings).");
    c.seq = seq->get<std::int64_t>();
    c.entity = entity->get<std::string>();
    c.id = id->get<std::string>();
    const auto o = op->get<std::string>();
    if (o == "upsert") {
        c.op = PullOp::upsert;
        auto r = j.find("record");
        if (r == j.end() || !r->is_object() || !r->contains("attributes") || !(*r)["attributes"].is_object())
            return make_error("wrong_type", "An upsert change needs a record with attributes.");
        c.record = Record{c.entity, c.id, (*r)["attributes"]};
    } else if (o == "delete") {
        c.op = PullOp::remove;
    } else if (o == "drop") {
        c.op = PullOp::drop;
    } else {
        return make_error("wrong_type", "Unknown change op \"" + o + "\".");
    }
    return c;
}

void to_json(Json& j, const PullPage& p) {
    if (p.resnapshot) {
        j = Json{{"resnapshot", true}};
        return;
    }
    j = Json{{"changes", Json::array()}, {"cursor", p.cursor}, {"has_more", p.has_more}};
    for (const auto& c : p.changes) j["changes"].push_back(c);
}

Result<PullPage> pull_page_from_json(const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "A pull answer must be a JSON object.");
    PullPage p;
    if (auto r = j.find("resnapshot"); r != j.end() && r->is_boolean() && r->get<bool>()) {
        p.resnapshot = true;
        return p;
    }
    auto changes = j.find("changes");
    auto cursor = j.find("cursor");
    if (changes == j.end() || !changes->is_array() || cursor == j.end() || !cursor->is_number_integer())
        return make_error("wrong_type", "A pull answer needs changes (array) and cursor (integer).");
    for (const auto& c : *changes) {
        auto pc = pull_change_from_json(c);
        if (!pc) return pc.error();
        p.changes.push_back(std::move(*pc));
    }
    p.cursor = cursor->get<std::int64_t>();
    if (auto h = j.find("has_more"); h != j.end() && h->is_boolean()) p.has_more = h->get<bool>();
    return p;
}

void to_json(Json& j, const Snapshot& s) {
    j = Json{{"records", Json::array()}, {"cursor", s.cursor}};
    for (const auto& r : s.records) j["records"].push_back(r);
}

Result<Snapshot> snapshot_from_json(const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "A snapshot must be a JSON object.");
    auto records = j.find("records");
    auto cursor = j.find("cursor");
    if (records == j.end() || !records->is_array() || cursor == j.end() || !cursor->is_number_integer())
        return make_error("wrong_type", "A snapshot needs records (array) and cursor (integer).");
    Snapshot s;
    s.cursor = cursor->get<std::int64_t>();
    for (const auto& r : *records) {
        if (!r.is_object() || !r.contains("entity") || !r["entity"].is_string() || !r.contains("id") ||
            !r["id"].is_string())
            return make_error("wrong_type", "Each snapshot record needs entity and id strings.");
        Record rec{r["entity"].get<std::string>(), r["id"].get<std::string>(), r.value("attributes", Json::object())};
        if (!rec.attributes.is_object()) return make_error("wrong_type", "Record attributes must be an object.");
        s.records.push_back(std::move(rec));
    }
    return s;
}

Result<PushOutcome> SyncServerState::push(const MutationRegistry& registry, const Policy& policy,
                                          const UserContext& user, const std::string& client_id,
                                          const std::vector<Mutation>& batch, TimestampMs now) {
    if (client_id.empty()) return make_error("bad_request", "The push has no client_id.", "client_id");
    if (user.user_id.empty()) return make_error("unauthorized", "Sign in to sync.");
    auto existing = clients.find(client_id);
    if (existing != clients.end() && existing->second.user_id != user.user_id)
        return make_error("client_in_use",
                          "This device's sync id belongs to another user; sign out and sign in again to get a new one.");

    // Gap check first, so a broken batch changes nothing.
    std::int64_t last = existing == clients.end() ? 0 : existing->second.last_seq;
    std::set<std::string> new_ids;
    for (const Mutation& m : batch) {
        if (mutations.count(m.id) || new_ids.count(m.id) || m.client_seq <= last) continue;
        if (m.client_seq != last + 1)
            return make_error("client_seq_gap", "Mutation " + m.id + " has client_seq " +
                                                    std::to_string(m.client_seq) + " but the server expected " +
                                                    std::to_string(last + 1) +
                                                    "; this device lost changes it had not sent. Nothing was applied.");
        last = m.client_seq;
        new_ids.insert(m.id);
    }

    PushOutcome out;
    out.client_id = client_id;
    ClientState& client = clients[client_id];
    client.user_id = user.user_id;
    for (const Mutation& m : batch) {
        if (auto seen = mutations.find(m.id); seen != mutations.end()) {
            out.results.push_back(seen->second.result);
            continue;
        }
        if (m.client_seq <= client.last_seq) {
            MutationResult r;
            r.mutation_id = m.id;
            r.status = MutationStatus::rejected;
            auto other = client.mutation_ids.find(m.client_seq);
            r.error = make_error("duplicate_client_seq",
                                 "This device numbered two different changes " + std::to_string(m.client_seq) +
                                     (other != client.mutation_ids.end() ? " (the first was " + other->second + ")"
                                                                         : std::string()) +
                                     "; this one was not applied. Make the change again.");
            out.results.push_back(r);
            continue;
        }
        Mutation applied = m;
        applied.client_id = client_id;
        ApplyContext ctx(store, user, now, policy, applied, &history);
        Status s = apply_mutation(registry, ctx);
        MutationResult r;
        r.mutation_id = m.id;
        if (s) {
            r.status = MutationStatus::accepted;
            r.seq = ++seq;
            for (const TouchedRecord& t : ctx.touched()) {
                const Record* after = store.find(t.entity, t.id);
                if (!after && !t.before) continue;          // made and removed again
                if (after && t.before && *after == *t.before) continue;  // no change
                ChangeEntry e{r.seq, t.entity, t.id, after ? std::optional<Record>(*after) : std::nullopt};
                log.push_back(e);
                out.changes.push_back(std::move(e));
            }
            update_history(history, store, ctx, r.seq);
        } else {
            r.status = MutationStatus::rejected;
            r.error = s.error();
        }
        // A rejected mutation is kept for its outcome, not its arguments: large ones are
        // replaced by their size, so refused pushes cannot fill memory and disk for good.
        Json kept_args = m.args;
        if (r.status == MutationStatus::rejected) {
            const std::size_t size = m.args.dump().size();
            if (size > max_kept_rejected_args_bytes) kept_args = Json{{"omitted_bytes", size}};
        }
        LoggedMutation logged{m.id, client_id, user.user_id, m.client_seq, m.name, std::move(kept_args), r};
        client.last_seq = m.client_seq;
        client.mutation_ids[m.client_seq] = m.id;
        mutations[m.id] = logged;
        out.logged.push_back(std::move(logged));
        out.results.push_back(std::move(r));
    }
    return out;
}

namespace {

std::string record_key(const ChangeEntry& e) { return e.entity + '\x1f' + e.id; }

}  // namespace

PullPage SyncServerState::pull(const Policy& policy, const UserContext& user, std::int64_t cursor,
                               std::size_t limit) const {
    PullPage page;
    if (cursor < log_floor || cursor > seq) {
        page.resnapshot = true;
        return page;
    }
    if (limit == 0) limit = 1;
    const auto first = std::upper_bound(log.begin(), log.end(), cursor,
                                        [](std::int64_t c, const ChangeEntry& e) { return c < e.seq; });
    auto last = first;
    std::int64_t reached = cursor;
    std::size_t taken = 0;
    while (last != log.end() && taken < limit) {
        const std::int64_t group = last->seq;
        for (; last != log.end() && last->seq == group; ++last) ++taken;
        reached = group;
    }

    // A deletion or a change that takes a record out of the user's sight is told only to
    // those who could read it just before (its previous logged state), so a pull never
    // names a record the user was never allowed to see. The previous states are found by
    // one backward scan, done only when the page has such changes.
    std::vector<bool> readable_now;
    readable_now.reserve(static_cast<std::size_t>(last - first));
    std::unordered_map<std::string, const ChangeEntry*> previous;  // key -> latest earlier entry
    for (auto it = first; it != last; ++it) {
        readable_now.push_back(it->record && policy.can_read(store, user, *it->record));
        if (!readable_now.back()) previous.emplace(record_key(*it), nullptr);
    }
    std::size_t unknown = previous.size();
    for (auto it = first; unknown > 0 && it != log.begin();) {
        --it;
        auto p = previous.find(record_key(*it));
        if (p != previous.end() && !p->second) {
            p->second = &*it;
            --unknown;
        }
    }
    // With no earlier entry the record was made within the page's range, or (after
    // trim_log) its history is gone: then nothing is said, rather than risk naming it.
    const auto was_readable = [&](const ChangeEntry* before) {
        return before && before->record && policy.can_read(store, user, *before->record);
    };

    std::size_t i = 0;
    for (auto it = first; it != last; ++it, ++i) {
        PullChange c{it->seq, PullOp::upsert, it->entity, it->id, std::nullopt};
        auto p = previous.find(record_key(*it));
        const bool readable_before = p != previous.end() && was_readable(p->second);
        if (p != previous.end()) p->second = &*it;
        if (readable_now[i]) c.record = it->record;
        else if (!readable_before) continue;
        else c.op = it->record ? PullOp::drop : PullOp::remove;
        page.changes.push_back(std::move(c));
    }
    page.has_more = last != log.end();
    page.cursor = page.has_more ? reached : seq;
    return page;
}

Snapshot SyncServerState::snapshot(const Policy& policy, const UserContext& user) const {
    Snapshot s;
    s.cursor = seq;
    store.for_each_record([&](const Record& r) {
        if (policy.can_read(store, user, r)) s.records.push_back(r);
    });
    return s;
}

std::vector<ChangeEntry> SyncServerState::seed(const std::vector<Record>& records) {
    std::vector<ChangeEntry> out;
    for (const Record& r : records) {
        store.upsert(r);
        ChangeEntry e{++seq, r.entity, r.id, r};
        log.push_back(e);
        out.push_back(std::move(e));
    }
    return out;
}

void SyncServerState::trim_log(std::int64_t floor) {
    if (floor <= log_floor) return;
    floor = std::min(floor, seq);
    log.erase(log.begin(), std::upper_bound(log.begin(), log.end(), floor,
                                            [](std::int64_t f, const ChangeEntry& e) { return f < e.seq; }));
    log_floor = floor;
}

void SyncServerState::restore_logged(LoggedMutation logged) {
    ClientState& client = clients[logged.client_id];
    if (client.user_id.empty()) client.user_id = logged.user_id;
    client.last_seq = std::max(client.last_seq, logged.client_seq);
    client.mutation_ids[logged.client_seq] = logged.id;
    const std::string id = logged.id;
    mutations[id] = std::move(logged);
}

}  // namespace casehub
