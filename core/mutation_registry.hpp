// Applying mutations: the ApplyContext a handler works in (store, user, time, policy,
// undo log, touched records) and the MutationRegistry mapping names ("record.update",
// later "case.resolve") to handlers, so domain commands plug in without touching sync.
// The same code runs in the browser replica and on the server. Pure and deterministic.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mutation.hpp"
#include "core/record.hpp"
#include "core/result.hpp"
#include "core/security.hpp"
#include "core/store.hpp"
#include "core/sync_history.hpp"
#include "core/sync_policy.hpp"

namespace casehub {

// A record the mutation changed: its state before (nullopt: it did not exist).
struct TouchedRecord {
    std::string entity;
    std::string id;
    std::optional<Record> before;
};

// Everything a handler may use. Handlers read through store() and write only through
// put()/remove(), which keep an undo log so a failing mutation leaves the store as it was.
// They must be deterministic given (store, args, user, now): new ids come in the args or
// from derived_id().
class ApplyContext {
public:
    ApplyContext(Store& store, const UserContext& user, TimestampMs now, const Policy& policy,
                 const Mutation& mutation, const SyncHistory* history = nullptr);

    const Store& store() const { return store_; }
    const UserContext& user() const { return user_; }
    TimestampMs now() const { return now_; }
    const Policy& policy() const { return policy_; }
    const Mutation& mutation() const { return mutation_; }
    const SyncHistory* history() const { return history_; }  // nullptr on a replica

    // Writes (insert or replace) / removes a record, remembering its prior state once.
    void put(Record record);
    bool remove(const std::string& entity, const std::string& id);

    // A UUID that depends only on the mutation id and `salt` (records a handler makes on
    // its own, such as conflict records, get the same id on client and server).
    std::string derived_id(std::string_view salt) const;

    // The display name of a user for messages ("Alex Taylor"), else the id.
    std::string user_name(const std::string& user_id) const;

    // Records changed, in order of first change.
    const std::vector<TouchedRecord>& touched() const { return touched_; }
    // Puts every touched record back as it was.
    void rollback();

private:
    void remember(const std::string& entity, const std::string& id);

    Store& store_;
    const UserContext& user_;
    TimestampMs now_;
    const Policy& policy_;
    const Mutation& mutation_;
    const SyncHistory* history_;
    std::vector<TouchedRecord> touched_;
};

using MutationHandler = std::function<Status(ApplyContext& ctx, const Json& args)>;

class MutationRegistry {
public:
    // Adds or replaces the handler for `name`.
    void add(const std::string& name, MutationHandler handler);
    const MutationHandler* find(const std::string& name) const;
    std::vector<std::string> names() const;

private:
    std::map<std::string, MutationHandler> handlers_;
};

// The registry with the generic mutations: record.create/update/delete and conflict.restore.
MutationRegistry make_sync_registry();

// Runs the mutation's handler in `ctx`. All or nothing: on any error the store is rolled
// back. Error "unknown_mutation" when no handler has that name.
Status apply_mutation(const MutationRegistry& registry, ApplyContext& ctx);

// A 128-bit FNV-1a based UUID from text: stable across platforms, not secret.
std::string uuid_from_text(std::string_view text);

}  // namespace casehub
