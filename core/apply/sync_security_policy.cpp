// SecurityPolicy: validation.hpp + security.hpp behind the sync Policy interface.
#include "core/apply/sync_security_policy.hpp"

#include "core/apply/conflict.hpp"
#include "core/apply/field_rules.hpp"
#include "core/apply/validation.hpp"

namespace casehub {

SecurityPolicy::SecurityPolicy() : schema_(casehub_schema()) {}
SecurityPolicy::SecurityPolicy(const Schema& schema) : schema_(schema) {}

Status SecurityPolicy::validate(const Store& store, const Record& after, const Record* before) const {
    // Conflict records are sync's own bookkeeping, outside the schema (see conflict.hpp).
    if (after.entity == conflict_entity) return {};
    return validate_record(schema_, store, after, before);
}

Record SecurityPolicy::prepare_create(const Store& store, Record record, const UserContext& user) const {
    return with_default_owner(store, std::move(record), user);
}

Status SecurityPolicy::check(const Store& store, const UserContext& user, Privilege privilege,
                             const Record& record) const {
    return check_privilege(store, user, privilege, record);
}

Status SecurityPolicy::check_fields(const Store& store, const UserContext&, const WriteRequest& write) const {
    return check_field_rules(schema_, store, write);
}

Status SecurityPolicy::check_write(const Store& store, const UserContext& user, const WriteRequest& write) const {
    switch (write.system) {
        case SystemWork::none: break;
        // Views and ratings: whoever may read the article.
        case SystemWork::knowledge_counter: return casehub::check_privilege(store, user, Privilege::Read, *write.before);
        // The rest checked what the agent needs before writing (see SystemWork).
        default: return {};
    }
    switch (write.kind) {
        case WriteKind::create: return casehub::check_create(store, user, *write.after);
        case WriteKind::update: return casehub::check_update(store, user, *write.before, *write.after);
        case WriteKind::remove: return casehub::check_delete(store, user, *write.before);
    }
    return {};
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
