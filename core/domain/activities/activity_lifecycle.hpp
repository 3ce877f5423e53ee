// Activity lifecycle (email, task, phonecall, appointment, socialactivity) as mutations:
//   activity.complete {entity, id, statuscode?, actualdurationminutes?}  Mark Complete
//   activity.cancel   {entity, id}                                        Cancel
//   email.send        {id}   a draft goes to the outbox: Completed / Pending Send; the mail
//                            gateway on the server later marks it Sent
// States and status reasons come from the schema's state models. Writes go through the
// write path (write_path.hpp) and its record triggers, so SLA rules see a first response
// being sent.
// Pure core.
#pragma once
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"

namespace casehub {

namespace email_status {
inline constexpr int draft = 1;
inline constexpr int failed = 8;
inline constexpr int pending_send = 6;
inline constexpr int sent = 3;
}  // namespace email_status

// Registers activity.complete, activity.cancel and email.send.
void add_activity_lifecycle(MutationRegistry& registry);

// True when `entity` is one of activity_entities().
bool is_activity_entity(const std::string& entity);

// True for an open activity (Open, or an appointment that is Scheduled): it can still be
// completed, canceled or edited.
bool is_activity_open(const Record& activity);

// True when an open activity's due date (scheduledend) is before `now`.
bool is_activity_overdue(const Record& activity, TimestampMs now);

}  // namespace casehub
