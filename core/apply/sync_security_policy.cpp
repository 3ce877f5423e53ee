// SecurityPolicy: validation.hpp + security.hpp behind the sync Policy interface.
#include "core/apply/sync_security_policy.hpp"

#include "core/apply/conflict.hpp"
#include "core/apply/validation.hpp"

namespace casehub {

SecurityPolicy::SecurityPolicy() : schema_(casehub_schema()) {}
SecurityPolicy::SecurityPolicy(const Schema& schema) : schema_(schema) {}

Status SecurityPolicy::validate(const Store& store, const Record& after, const Record* before) const {
    return validate_record(schema_, store, after, before);
}

Record SecurityPolicy::prepare_create(const Store& store, Record record, const UserContext& user) const {
    return with_default_owner(store, std::move(record), user);
}

Status SecurityPolicy::check(const Store& store, const UserContext& user, Privilege privilege,
                             const Record& record) const {
    return check_privilege(store, user, privilege, record);
}

Status SecurityPolicy::check_create(const Store& store, const UserContext& user, const Record& record) const {
    return casehub::check_create(store, user, record);
}

Status SecurityPolicy::check_update(const Store& store, const UserContext& user, const Record& current,
                                   const Record& updated) const {
    return casehub::check_update(store, user, current, updated);
}

Status SecurityPolicy::check_delete(const Store& store, const UserContext& user, const Record& current) const {
    return casehub::check_delete(store, user, current);
}

bool SecurityPolicy::can_read(const Store& store, const UserContext& user, const Record& record) const {
    if (record.entity != conflict_entity) return casehub::can_read(store, user, record);
    const Json* regarding = record.get("regardingobjectid");
    if (!regarding || !regarding->is_object()) return false;
    const std::string entity = regarding->value("entity", std::string());
    const std::string id = regarding->value("id", std::string());
    if (const Record* r = store.find(entity, id)) return casehub::can_read(store, user, *r);
    // The record is gone (deleted over an edit): judge by the owner it had.
    Record stand_in{entity, id, Json::object()};
    for (const char* a : {"ownerid", "owningbusinessunit"})
        if (const Json* v = record.get(a)) stand_in.attributes[a] = *v;
    return casehub::can_read(store, user, stand_in);
}

}  // namespace casehub
