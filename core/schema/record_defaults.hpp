// What a record made on this device gets before the agent's first save without typing it:
// the owner (the signed-in user), the entity's default state and status, and — for an
// entity with an auto-numbered `ticketnumber` — the next number of this client's sequence.
// Pure: the user and the ticket number are the caller's. Client and tests share it.
#pragma once
#include <optional>
#include <string>

#include "core/base/record.hpp"
#include "core/schema/schema.hpp"

namespace casehub {

// True when `record` of `entity` has a ticket number attribute left empty: the caller
// then draws the next number of its sequence (and only then, so numbers are not skipped).
bool needs_ticket_number(const Record& record, const EntityDef& entity);

// Fills what the agent left empty: `ownerid` (user-owned entities, when `user_id` is not
// empty), `statecode` / `statuscode` (entities with a state model), `ticketnumber` (when
// `ticket_number` is given and the record needs one). Attributes already set are kept.
void apply_new_record_defaults(Record& record, const EntityDef& entity, const std::string& user_id,
                               const std::optional<std::string>& ticket_number);

}  // namespace casehub
