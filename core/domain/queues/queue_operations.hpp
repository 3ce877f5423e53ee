// Queue item operations shared by the queue.* mutations and by other rules that move
// work into queues (routing rules, record creation rules). Run inside a mutation's
// ApplyContext, so they are all-or-nothing with it and deterministic (ids from
// ctx.derived_id). Dataverse semantics: see docs/queues.md.
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/result.hpp"

namespace casehub {

// Puts the record (`object_entity`, `object_id`: an incident or an activity) into queue
// `queue_id` and returns the queue item's id. By default a record is in one queue at a
// time: an existing active queue item of it is moved to this queue (its worker cleared)
// instead of a second one being made; a record already in this queue keeps its item.
// Errors: unknown queue or record, inactive queue, no privilege.
Result<std::string> add_to_queue(ApplyContext& ctx, const std::string& queue_id, const std::string& object_entity,
                                 const std::string& object_id);

// The user becomes the item's worker ("Worked By"). `to_own_queue` moves the item to the
// user's default queue (systemuser.queueid); `remove` takes it out of the queue (deletes
// the item). Picking an item the user already works is a no-op.
// Errors: "already_picked" naming the holder ("Alex Taylor is working on this item.")
// when another user or team works it; "not_found"/"deleted" when it is gone;
// "inactive" when it left the queue; "forbidden" without Write on the item.
struct PickOptions {
    bool remove = false;
    bool to_own_queue = false;
};
Status pick_queue_item(ApplyContext& ctx, const std::string& item_id, const PickOptions& options = {});

// Clears the worker and gives the item back to the queue's owner, so others can pick
// it. Releasing an item someone else works needs Assign on it (CSR Manager); the error
// names the holder.
Status release_queue_item(ApplyContext& ctx, const std::string& item_id);

// Moves the item to another queue: worker cleared, entered-on reset. Same privilege rule
// as release (Assign when another agent works it) plus AppendTo on the queue.
Status route_queue_item_to_queue(ApplyContext& ctx, const std::string& item_id, const std::string& queue_id);

// Routes the item to a user or team (`principal`: {"entity":"systemuser"|"team","id"}):
// they become its worker and the owner of the record in it (Assign on that record);
// `remove` then takes the item out of the queue.
Status route_queue_item_to_principal(ApplyContext& ctx, const std::string& item_id, const Json& principal,
                                     bool remove);

// Deletes the item (the record itself stays). Allowed to its worker, else needs Delete
// on the item.
Status remove_queue_item(ApplyContext& ctx, const std::string& item_id);

// Active queue items of a record, ordered by id (deterministic).
std::vector<const Record*> active_queue_items_of(const Store& store, const std::string& object_id);

// The id of the user or team working the item, empty when nobody does.
std::string worker_of(const Record& queueitem);

}  // namespace casehub
