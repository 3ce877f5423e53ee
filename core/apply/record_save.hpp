// Writing a record from a domain mutation the way record.create / record.update do:
// owner defaults, stamps, the entity's record triggers (before_save / after_save),
// schema validation and privilege checks, then the write. Domain mutations (case.resolve,
// activity.complete ...) use these so every rule sees their writes. Pure core.
#pragma once
#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"

namespace casehub {

// Creates `record` (owner defaults filled by the policy). Fails with the first trigger,
// validation or privilege error; the caller's mutation is then rolled back.
Status save_new_record(ApplyContext& ctx, Record record);

// Replaces `before` (a copy of the stored record) with `after`. Same failures.
Status save_changed_record(ApplyContext& ctx, const Record& before, Record after);

}  // namespace casehub
