// State model: the statecode/statuscode pairs and state transitions each entity allows,
// read from the schema (EntityDef::states, statuses, transitions) as data.
// Pure checks, used by validation and by domain services (resolve, cancel, reactivate).
#pragma once
#include <optional>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"

namespace casehub {

// The state/status a record is in; nullopt parts when the record has none.
struct StatePair {
    int state = 0;
    int status = 0;
};

// Checks that `status` is a status reason of `state` for this entity.
// Fails with "invalid_state" (unknown statecode) or "invalid_status".
Status check_state_pair(const EntityDef& entity, int state, int status);

// Checks moving from `from` to `to`: the target pair must be valid and the change of
// statecode allowed (same statecode = status change, always allowed). `from` nullopt
// means a new record, which may start in any valid pair.
// Fails with "invalid_state", "invalid_status" or "invalid_transition".
Status check_state_transition(const EntityDef& entity, std::optional<StatePair> from, StatePair to);

// The same for records (before == nullptr for create). Missing statecode/statuscode in
// `after` fall back to the entity's defaults (create) or the previous values (update).
Status check_state_transition(const EntityDef& entity, const Record* before, const Record& after);

// The statuscode a record gets when it enters `state` without one: the first listed.
std::optional<int> default_status_for(const EntityDef& entity, int state);

// Fills statecode/statuscode with the entity's defaults when absent (for creates).
void apply_default_state(const EntityDef& entity, Record& record);

}  // namespace casehub
