// Demo queue setup on top of the demo organisation: each agent's own private queue
// ("<Alex Taylor>", systemuser.queueid) and queue memberships (the French agents work
// the French queues, the Indonesian agents the Indonesian ones). Pure and deterministic.
#pragma once
#include "core/demo/demo_data.hpp"

namespace casehub {

// Called by generate_demo_data after the organisation and cases exist. Ids derive from
// the seed, so running it twice upserts the same records.
void add_demo_queues(const DemoOptions& options, Store& store);

}  // namespace casehub
