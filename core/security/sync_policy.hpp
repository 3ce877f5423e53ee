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

class Policy {
public:
    virtual ~Policy() = default;

    // The record as it will be stored is valid (after), given what it was (before;
    // nullptr on create). Error names the attribute and says what is wrong.
    virtual Status validate(const Store& store, const Record& after, const Record* before) const = 0;

    // `record` with owner defaults filled in before it is created (ownerid = the user,
    // owningbusinessunit = their business unit) where the entity is user-owned.
    virtual Record prepare_create(const Store& store, Record record, const UserContext& user) const = 0;

    // Privilege checks (Error code "forbidden" with a sentence for the agent).
    virtual Status check(const Store& store, const UserContext& user, Privilege privilege,
                         const Record& record) const = 0;
    virtual Status check_create(const Store& store, const UserContext& user, const Record& record) const = 0;
    virtual Status check_update(const Store& store, const UserContext& user, const Record& current,
                                const Record& updated) const = 0;
    virtual Status check_delete(const Store& store, const UserContext& user, const Record& current) const = 0;

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
    Status check_create(const Store&, const UserContext&, const Record&) const override { return {}; }
    Status check_update(const Store&, const UserContext&, const Record&, const Record&) const override { return {}; }
    Status check_delete(const Store&, const UserContext&, const Record&) const override { return {}; }
    bool can_read(const Store&, const UserContext&, const Record&) const override { return true; }
};

}  // namespace casehub
