// SecurityPolicy: the Policy the server (and the signed-in client) uses — schema
// validation from validation.hpp against casehub_schema(), the field rules of
// field_rules.hpp, owner defaults and privilege checks from security.hpp. Conflict records are readable by whoever may read the record
// they are about (or, once it is deleted, a record of that entity with the same owner).
#pragma once
#include "core/schema/schema.hpp"
#include "core/security/sync_policy.hpp"

namespace casehub {

class SecurityPolicy final : public Policy {
public:
    SecurityPolicy();                              // casehub_schema()
    explicit SecurityPolicy(const Schema& schema);  // must outlive the policy

    Status validate(const Store& store, const Record& after, const Record* before) const override;
    Record prepare_create(const Store& store, Record record, const UserContext& user) const override;
    Status check(const Store& store, const UserContext& user, Privilege privilege, const Record& record) const override;
    Status check_fields(const Store& store, const UserContext& user, const WriteRequest& write) const override;
    Status check_write(const Store& store, const UserContext& user, const WriteRequest& write) const override;
    bool can_read(const Store& store, const UserContext& user, const Record& record) const override;

private:
    const Schema& schema_;
};

}  // namespace casehub
