// The queue mutations, each on one queue item or record so that one conflicting item
// never takes others down with it (the UI sends one per selected row):
//   queue.add     {queue, entity, id}              put a case or activity into a queue
//   queue.pick    {id, remove?, to_own_queue?}     the user works the item
//   queue.release {id}                             back to the queue, worker cleared
//   queue.route   {id, queue} | {id, to, remove?}  to another queue, or to a user/team
//   queue.remove  {id}                             take the item out of its queue
// Rules in queue_operations.hpp; semantics in docs/queues.md.
#pragma once
#include <string>

#include "core/apply/mutation_registry.hpp"

namespace casehub {

// Registers queue.add, queue.pick, queue.release, queue.route and queue.remove.
void add_queue_mutations(MutationRegistry& registry);

// Argument builders for the client.
Json queue_add_args(const std::string& queue_id, const std::string& entity, const std::string& id);
Json queue_pick_args(const std::string& item_id, bool remove = false, bool to_own_queue = false);
Json queue_release_args(const std::string& item_id);
Json queue_route_to_queue_args(const std::string& item_id, const std::string& queue_id);
Json queue_route_to_principal_args(const std::string& item_id, const std::string& entity, const std::string& id,
                                   bool remove);
Json queue_remove_args(const std::string& item_id);

}  // namespace casehub
