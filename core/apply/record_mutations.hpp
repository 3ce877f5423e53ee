// The generic record mutations every entity gets:
//   record.create {entity, id, fields}
//   record.update {entity, id, fields, base}   base: {attr: value the agent saw before editing}
//   record.delete {entity, id, base}           base: the attributes the agent saw
// with the conflict rule of conflict.hpp, schema validation and privilege checks through
// the Policy, and createdon/createdby/modifiedon/modifiedby stamped from the context.
#pragma once
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Registers record.create, record.update and record.delete.
void add_record_mutations(MutationRegistry& registry);

// True for the attributes the mutation layer maintains (createdon, createdby,
// modifiedon, modifiedby); callers may not set them.
bool is_stamped_attribute(const std::string& attribute);

// Sets modifiedon/modifiedby (and createdon/createdby when `created`) from the context.
void stamp_record(const ApplyContext& ctx, Record& record, bool created);

// Argument builders for the client: update/delete take their `base` from what the
// agent sees now (`view`), which is what the conflict rule compares against.
Json record_create_args(const std::string& entity, const std::string& id, const Json& fields);
Json record_update_args(const Store& view, const std::string& entity, const std::string& id, const Json& fields);
Json record_delete_args(const Store& view, const std::string& entity, const std::string& id);

}  // namespace casehub
