// Case lifecycle with Dataverse semantics, as mutations and incident record triggers:
//   case.resolve    {id, subject, statuscode?, timespent?, description?}  writes an incidentresolution
//   case.cancel     {id, statuscode?}           case.reactivate {id}
//   case.set_status {id, statuscode}            (a status reason within the case's current state)
//   case.assign     {id, ownerid: {entity: systemuser|team, id}}
//   case.follow     {id}                        case.unfollow {id}   (the user's postfollow)
//   case.merge      {id, merge: [ids]}          the merged cases become Canceled/Merged and
//                                               their activities, notes and child cases move to id
// Triggers on incident: a resolved or canceled case is read-only until reactivated; a child
// case inherits customer and product from its parent. Every incident write goes through
// ApplyContext::before_save/after_save so other rules (entitlements, SLAs) see it.
// Pure core: no I/O, time and ids from the ApplyContext.
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Case statecode / statuscode values (Dataverse incident).
namespace case_state {
inline constexpr int active = 0;
inline constexpr int resolved = 1;
inline constexpr int canceled = 2;
}  // namespace case_state
namespace case_status {
inline constexpr int in_progress = 1;
inline constexpr int problem_solved = 5;
inline constexpr int information_provided = 1000;
inline constexpr int canceled = 6;
inline constexpr int merged = 2000;
}  // namespace case_status

// Registers the case.* mutations and the incident triggers (read-only when closed,
// parent/child inheritance).
void add_case_lifecycle(MutationRegistry& registry);

// True when the case is resolved or canceled (statecode != 0): its fields cannot be edited.
bool is_case_closed(const Record& incident);

// The active child cases of a case (parentcaseid pointing at it, statecode 0).
std::vector<const Record*> active_child_cases(const Store& store, const std::string& case_id);

// True when `user_id` follows the record (has a postfollow regarding it).
bool is_following(const Store& store, const std::string& user_id, const std::string& entity, const std::string& id);

// Argument builders for the client.
Json case_resolve_args(const std::string& id, const std::string& subject, int statuscode, int timespent_minutes,
                       const std::string& description = {});
Json case_merge_args(const std::string& surviving_id, const std::vector<std::string>& merged_ids);

}  // namespace casehub
