// Policy: what the sync layer asks before it changes or shows a record — is the record
// valid (schema), may this user create/change/delete/read it (security roles). The real
// one (sync_security_policy.hpp) wraps validation.hpp and security.hpp; tests may use
// PermissivePolicy. Pure interface: no I/O.
#pragma once
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/security/security.hpp"
#include "core/store/store.hpp"

namespace casehub {

enum class WriteKind {
    create,  // a new record
    update,  // a change of a stored record (fields, state, owner)
    remove,  // a deletion
};

// The named opt-outs from the agent's privilege check: work the system does itself, whose
// mutation has checked what the agent needs before (or needs nothing from the agent).
// Field rules do not apply to them either; validation and stamps still do. Every use is
// spelled `SystemWork::<name>` at its call site, so review sees each one.
enum class SystemWork {
    none,               // an agent's change: field rules and privileges against the current state
    sla_engine,         // sla.evaluate's warning/failure actions (flags, set fields, notification emails)
    sla_timer,          // SLA timers started and moved inside the case's own write (the incident trigger);
                        // not validated on their own: they point at a case that is not stored yet
    conflict_record,    // the syncconflict records sync keeps when a later change wins
    queue_item,         // queue.pick/release/route after their own take-over check (Write, or Assign on
                        // another agent's item); the item goes back to its queue's owner
    routing_rule,       // the organisation's routing rule assigns a case (the agent needs Write only)
    case_reactivation,  // reactivating a case cancels its resolution (the agent may not edit those)
    entitlement_terms,  // resolving/reactivating a case moves its entitlement's remaining terms
    knowledge_counter,  // article views and ratings: Read on the article suffices, no stamp
    process_instance,   // business process instances of a record the agent may Write
    mail_gateway,       // email.mark_failed hands an unsendable message back (Completed -> Open)
};

// "none", "sla_engine", ... (for messages, spies and docs).
const char* to_string(SystemWork work);

// What a write may change besides plain fields (see FieldGuard in schema.hpp). Domain
// mutations name theirs at the call site: case.resolve may change state, case.assign the owner.
struct FieldRights {
    bool state = false;   // statecode/statuscode to another state (named state mutations)
    bool owner = false;   // ownerid (assign; the privilege check asks for Assign)
    bool kept_copy = false;  // a record re-created from a kept copy (conflict.restore): every
                             // field as it was, stamps and system-kept fields included
};

// One write as the write path hands it to the Policy.
struct WriteRequest {
    WriteKind kind = WriteKind::update;
    const Record* before = nullptr;  // the stored record; nullptr on create
    const Record* after = nullptr;   // as it will be stored; nullptr on remove
    FieldRights rights;
    SystemWork system = SystemWork::none;
    const std::string* mutation = nullptr;  // the mutation's name ("record.update"), for messages
};

class Policy {
public:
    virtual ~Policy() = default;

    // The record as it will be stored is valid (after), given what it was (before;
    // nullptr on create). Error names the attribute and says what is wrong.
    virtual Status validate(const Store& store, const Record& after, const Record* before) const = 0;

    // `record` with owner defaults filled in before it is created (ownerid = the user,
    // owningbusinessunit = their business unit) where the entity is user-owned.
    virtual Record prepare_create(const Store& store, Record record, const UserContext& user) const = 0;

    // One privilege on one record (Error code "forbidden" with a sentence for the agent):
    // what a mutation checks before it starts (Write on the case it resolves).
    virtual Status check(const Store& store, const UserContext& user, Privilege privilege,
                         const Record& record) const = 0;

    // The field rules for the change the mutation asks for (`after` before the record
    // triggers ran): guarded attributes (FieldGuard) only with the matching right, unique
    // numbers unique. Errors "read_only" or "duplicate" name the field and say what to do.
    virtual Status check_fields(const Store& store, const UserContext& user, const WriteRequest& write) const = 0;

    // The privileges for the write as it will be stored (after triggers): Create/Write/
    // Delete, Assign when the owner changes, Append/AppendTo for new links; a named
    // SystemWork replaces them with what that work needs. Error "forbidden".
    virtual Status check_write(const Store& store, const UserContext& user, const WriteRequest& write) const = 0;

    // May the user see the record (pull, snapshot)?
    virtual bool can_read(const Store& store, const UserContext& user, const Record& record) const = 0;
};

// Lets everything through: for tests of sync mechanics and for the client when the
// schema is not loaded. Never used by the server outside tests.
class PermissivePolicy final : public Policy {
public:
    Status validate(const Store&, const Record&, const Record*) const override { return {}; }
    Record prepare_create(const Store&, Record record, const UserContext&) const override { return record; }
    Status check(const Store&, const UserContext&, Privilege, const Record&) const override { return {}; }
    Status check_fields(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    Status check_write(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    bool can_read(const Store&, const UserContext&, const Record&) const override { return true; }
};

}  // namespace casehub
