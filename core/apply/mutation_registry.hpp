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

#include "core/apply/mutation.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/security/security.hpp"
#include "core/store/store.hpp"
#include "core/apply/sync_history.hpp"
#include "core/security/sync_policy.hpp"

namespace casehub {

// A record the mutation changed: its state before (nullopt: it did not exist).
struct TouchedRecord {
    std::string entity;
    std::string id;
    std::optional<Record> before;
};

// Everything a handler may use. Handlers read through store() and write only through the
// write path (write_path.hpp), the one caller of put()/remove(), which keep an undo log so
// a failing mutation leaves the store as it was. Handlers must be deterministic given
// (store, args, user, now): new ids come in the args or from derived_id().
class MutationRegistry;
struct WriteOptions;
class ApplyContext;
Status write_record(ApplyContext& ctx, WriteKind kind, const Record* before, Record after,
                    const WriteOptions& options);

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

    // A UUID that depends only on the mutation id and `salt` (records a handler makes on
    // its own, such as conflict records, get the same id on client and server).
    std::string derived_id(std::string_view salt) const;

    // The display name of a user for messages ("Alex Taylor"), else the id.
    std::string user_name(const std::string& user_id) const;

    // The registry running this mutation (set by apply_mutation), so a handler can run the
    // record triggers or another registered mutation's logic. nullptr outside apply_mutation.
    const MutationRegistry* registry() const { return registry_; }
    void set_registry(const MutationRegistry* registry) { registry_ = registry; }

    // Records changed, in order of first change.
    const std::vector<TouchedRecord>& touched() const { return touched_; }
    // Puts every touched record back as it was.
    void rollback();

private:
    friend Status write_record(ApplyContext& ctx, WriteKind kind, const Record* before, Record after,
                               const WriteOptions& options);

    // Writes (insert or replace) / removes a record, remembering its prior state once.
    void put(Record record);
    bool remove(const std::string& entity, const std::string& id);

    // Runs the record triggers of `record.entity` (see RecordTrigger) around a write.
    // No registry: nothing to run, success.
    Status before_save(const Record* before, Record& record);
    Status after_save(const Record* before, const Record& record);

    void remember(const std::string& entity, const std::string& id);

    Store& store_;
    const UserContext& user_;
    TimestampMs now_;
    const Policy& policy_;
    const Mutation& mutation_;
    const SyncHistory* history_;
    const MutationRegistry* registry_ = nullptr;
    std::vector<TouchedRecord> touched_;
};

using MutationHandler = std::function<Status(ApplyContext& ctx, const Json& args)>;

// A business rule that runs inside every write of one entity's records (the write path
// runs it for record.* and every domain mutation alike), so
// behaviour such as a case picking its entitlement or starting its SLA timers happens in
// the same all-or-nothing mutation on the replica and on the server alike.
//   before_save: may change the record about to be written, or refuse it with an error.
//   after_save:  may write related records through the write path (the record is in the store).
// `before` is the stored record before this write, nullptr on create. Either may be empty.
struct RecordTrigger {
    std::string entity;  // the entity whose writes it watches
    std::string name;    // for tests and messages ("incident.entitlement")
    std::function<Status(ApplyContext& ctx, const Record* before, Record& record)> before_save;
    std::function<Status(ApplyContext& ctx, const Record* before, const Record& record)> after_save;
};

class MutationRegistry {
public:
    // Adds or replaces the handler for `name`.
    void add(const std::string& name, MutationHandler handler);
    const MutationHandler* find(const std::string& name) const;
    std::vector<std::string> names() const;

    // Adds a trigger; triggers of one entity run in the order they were added.
    void add_trigger(RecordTrigger trigger);
    std::vector<const RecordTrigger*> triggers_for(const std::string& entity) const;

private:
    std::map<std::string, MutationHandler> handlers_;
    std::vector<RecordTrigger> triggers_;
};

// Runs the mutation's handler in `ctx`. All or nothing: on any error the store is rolled
// back. Error "unknown_mutation" when no handler has that name.
Status apply_mutation(const MutationRegistry& registry, ApplyContext& ctx);

// A 128-bit FNV-1a based UUID from text: stable across platforms, not secret.
std::string uuid_from_text(std::string_view text);

}  // namespace casehub
