// The generic record mutations every entity gets:
//   record.create {entity, id, fields}
//   record.update {entity, id, fields, base}   base: {attr: value the agent saw before editing}
//   record.delete {entity, id, base}           base: the attributes the agent saw
//   record.assign {entity, id, ownerid}        the one way to change an owner (Assign privilege)
// with the conflict rule of conflict.hpp; field rules, stamps, triggers, validation and
// privileges come from the write path (write_path.hpp).
#pragma once
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/apply/write_path.hpp"
#include "core/base/record.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Registers record.create, record.update, record.delete and record.assign.
void add_record_mutations(MutationRegistry& registry);

// Gives `current` to `owner` ({"entity":"systemuser"|"team","id"}) through the write path
// with the owner right; owningbusinessunit follows. The privilege check asks for Assign on
// the record now and as the new owner would hold it, unless `system` names the work that
// assigns it (the organisation's routing rule). Errors: "missing_field" (no user or
// team), "not_found", "invalid" (a disabled user), "forbidden".
Status assign_record(ApplyContext& ctx, const Record& current, const Json& owner,
                     SystemWork system = SystemWork::none);

// Argument builders for the client: update/delete take their `base` from what the
// agent sees now (`view`), which is what the conflict rule compares against.
Json record_create_args(const std::string& entity, const std::string& id, const Json& fields);
Json record_update_args(const Store& view, const std::string& entity, const std::string& id, const Json& fields);
Json record_assign_args(const std::string& entity, const std::string& id, const Json& owner);
Json record_delete_args(const Store& view, const std::string& entity, const std::string& id);

}  // namespace casehub
