// Field rules: which attributes a write may change, read from the schema's FieldGuard
// data (schema.hpp) and the FieldRights the mutation names. Asked by SecurityPolicy::
// check_fields for every write of the write path (write_path.hpp). Pure.
#pragma once
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/security/sync_policy.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Ok when the change `write` asks for (before -> after, as the mutation built it, before
// stamps and triggers) respects the field rules:
//   stamped       never given by the caller (the write path itself refuses that);
//   state         statecode, resolvedon and a statuscode of another state only with
//                 rights.state; a new record starts in its entity's default state;
//   owner         ownerid changes only with rights.owner (assign);
//   owner_business_unit  never set directly (the write path derives it from the owner);
//   unique_number set on create only, and unique among the entity's records;
//   sla, system   only by the SLA engine / the domain rule's record trigger.
// rights.kept_copy (a record re-created by conflict.restore) lets every field through.
// Named SystemWork skips the rules (its mutation is system work, reviewed by name) except
// uniqueness. Errors: "read_only" naming the field and the command to use instead,
// "already_exists" for a number already taken.
Status check_field_rules(const Schema& schema, const Store& store, const WriteRequest& write);

}  // namespace casehub
