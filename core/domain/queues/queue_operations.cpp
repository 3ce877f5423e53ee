// Queue item operations with Dataverse semantics (AddToQueue, PickFromQueue,
// ReleaseToQueue, Route, RemoveFromQueue). Every write goes through the write path
// (write_path.hpp), so a refused step rolls the whole mutation back on the replica and on
// the server alike. Moving an item is checked here (check_take_over) and written as
// SystemWork::queue_item: the item belongs to its queue's owner, not to the agent.
#include "core/domain/queues/queue_operations.hpp"

#include <algorithm>

#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"
#include "core/schema/schema.hpp"

namespace casehub {
namespace {

bool is_active(const Record& record) {
    const Json* s = record.get("statecode");
    return !s || !s->is_number_integer() || s->get<int>() == 0;
}

// A user's full name or a team's name, for messages.
std::string principal_name(const ApplyContext& ctx, const std::string& entity, const std::string& id) {
    if (entity == "team")
        if (const Record* t = ctx.store().find("team", id)) {
            const std::string n = primary_name_of(casehub_schema(), *t);
            if (!n.empty()) return n;
        }
    return ctx.user_name(id);
}

std::string holder_name(const ApplyContext& ctx, const Record& item) {
    return principal_name(ctx, lookup_entity_of(item, "workerid"), worker_of(item));
}

std::string queue_name(const ApplyContext& ctx, const std::string& queue_id) {
    if (const Record* q = ctx.store().find("queue", queue_id)) {
        const std::string n = primary_name_of(casehub_schema(), *q);
        if (!n.empty()) return n;
    }
    return "the queue";
}

// The item, or why it cannot be worked: removed (by whom, when the server knows) or
// no longer active.
Result<Record> find_item(const ApplyContext& ctx, const std::string& item_id) {
    const Record* found = ctx.store().find("queueitem", item_id);
    if (!found) {
        if (ctx.history())
            if (const Tombstone* t = ctx.history()->tombstone("queueitem", item_id))
                return make_error("deleted", ctx.user_name(t->user_id) + " removed this item from the queue.");
        return make_error("not_found", "This queue item is no longer in any queue (it may have been removed).");
    }
    if (!is_active(*found))
        return make_error("inactive", "This item has left " + queue_name(ctx, lookup_id_of(*found, "queueid")) +
                                          "; it can no longer be worked from the queue.");
    return *found;
}

// Writes an item moved by pick/release/route, whose caller ran check_take_over.
Status save_item(ApplyContext& ctx, const Record& before, Record after) {
    WriteOptions moved;
    moved.system = SystemWork::queue_item;
    return update_record(ctx, before, std::move(after), moved);
}

// Changing where an item is or who works it: Write when nobody or the user works it;
// Assign when another agent does (the CSR Manager's privilege).
Status check_take_over(ApplyContext& ctx, const Record& item, const char* action) {
    const std::string worker = worker_of(item);
    if (worker.empty() || worker == ctx.user().user_id)
        return ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, item);
    if (ctx.policy().check(ctx.store(), ctx.user(), Privilege::Assign, item)) return {};
    return make_error("forbidden", holder_name(ctx, item) + " is working on this item; only a CSR Manager may " +
                                       action + " it.");
}

void clear_worker(Record& item) {
    item.attributes.erase("workerid");
    item.attributes.erase("workeridmodifiedon");
}

// Removes an item whose caller checked the agent may (its worker, or Assign; Delete otherwise).
Status delete_item(ApplyContext& ctx, const Record& item) {
    WriteOptions removed;
    removed.system = SystemWork::queue_item;
    return delete_record(ctx, item, removed);
}

}  // namespace

std::string worker_of(const Record& queueitem) { return lookup_id_of(queueitem, "workerid"); }

std::vector<const Record*> active_queue_items_of(const Store& store, const std::string& object_id) {
    std::vector<const Record*> items = store.referencing("queueitem", "objectid", object_id);
    items.erase(std::remove_if(items.begin(), items.end(), [](const Record* r) { return !is_active(*r); }),
                items.end());
    std::sort(items.begin(), items.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    return items;
}

Result<std::string> add_to_queue(ApplyContext& ctx, const std::string& queue_id, const std::string& object_entity,
                                 const std::string& object_id) {
    const Record* queue = ctx.store().find("queue", queue_id);
    if (!queue) return make_error("not_found", "There is no queue with id " + queue_id + " (it may have been deleted).");
    if (!is_active(*queue))
        return make_error("inactive", "The queue " + queue_name(ctx, queue_id) +
                                          " is inactive; choose an active queue or ask an administrator to activate it.");
    const Record* object = ctx.store().find(object_entity, object_id);
    if (!object)
        return make_error("not_found", "There is no " + object_entity + " with id " + object_id +
                                           " to put in a queue (it may have been deleted).");

    const std::vector<const Record*> items = active_queue_items_of(ctx.store(), object_id);
    for (const Record* item : items)
        if (lookup_id_of(*item, "queueid") == queue_id) return item->id;
    const Json* multiple = queue->get("casehub_allowmultiplequeues");
    const bool allow_multiple = multiple && multiple->is_boolean() && multiple->get<bool>();
    if (!allow_multiple && !items.empty()) {
        const std::string id = items.front()->id;
        if (auto s = route_queue_item_to_queue(ctx, id, queue_id); !s) return s.error();
        return id;
    }

    Record item{"queueitem", ctx.derived_id("queueitem:" + queue_id + ":" + object_id), Json::object()};
    const std::string title = primary_name_of(casehub_schema(), *object);
    if (!title.empty()) item.attributes["title"] = title.substr(0, 300);
    item.attributes["queueid"] = make_lookup("queue", queue_id);
    item.attributes["objectid"] = make_lookup(object_entity, object_id);
    item.attributes["enteredon"] = format_utc(ctx.now());
    if (const Json* p = object->get("prioritycode"); p && p->is_number_integer()) item.attributes["priority"] = *p;
    item.attributes["statecode"] = 0;
    item.attributes["statuscode"] = 1;
    // The agent must be able to create the item as their own, checked before it is given
    // to the queue's owner.
    const Record as_own = ctx.policy().prepare_create(ctx.store(), item, ctx.user());
    const WriteRequest create_own{WriteKind::create, nullptr, &as_own, {}, SystemWork::none, &ctx.mutation().name};
    if (auto s = ctx.policy().check_write(ctx.store(), ctx.user(), create_own); !s) return s.error();
    // Once the user may add it, the item belongs to its queue's owner (as when it is
    // routed), so the queue's team sees it whoever put it there: a mail gateway, a routing
    // rule, an agent of another business unit.
    if (const Json* owner = queue->get("ownerid"); owner && owner->is_object()) item.attributes["ownerid"] = *owner;
    const std::string id = item.id;
    WriteOptions queued;
    queued.system = SystemWork::queue_item;
    if (auto s = create_record(ctx, std::move(item), queued); !s) return s.error();
    return id;
}

Status pick_queue_item(ApplyContext& ctx, const std::string& item_id, const PickOptions& options) {
    auto found = find_item(ctx, item_id);
    if (!found) return found.error();
    const Record& before = *found;
    const std::string worker = worker_of(before);
    const std::string& me = ctx.user().user_id;
    // First to sync wins: the later pick is refused with the holder's name, so the agent
    // knows whom to talk to instead of silently taking the item over.
    // The privilege first: who works an item is told only to those who may change it.
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, before); !s) return s;
    if (!worker.empty() && worker != me)
        return make_error("already_picked", holder_name(ctx, before) + " is working on this item.", "workerid");
    if (options.remove) return delete_item(ctx, before);

    Record after = before;
    if (worker.empty()) {
        after.attributes["workerid"] = make_lookup("systemuser", me);
        after.attributes["workeridmodifiedon"] = format_utc(ctx.now());
    }
    if (options.to_own_queue) {
        const Record* user = ctx.store().find("systemuser", me);
        const std::string own = user ? lookup_id_of(*user, "queueid") : std::string();
        if (own.empty())
            return make_error("no_own_queue", ctx.user_name(me) + " has no queue of their own; pick the item without moving it.");
        if (lookup_id_of(before, "queueid") != own) {
            after.attributes["queueid"] = make_lookup("queue", own);
            after.attributes["enteredon"] = format_utc(ctx.now());
        }
    }
    if (after == before) return {};
    return save_item(ctx, before, std::move(after));
}

Status release_queue_item(ApplyContext& ctx, const std::string& item_id) {
    auto found = find_item(ctx, item_id);
    if (!found) return found.error();
    const Record& before = *found;
    // Checked before anything is answered, so an item outside the agent's scope is refused
    // even when releasing it would change nothing.
    if (auto s = check_take_over(ctx, before, "release"); !s) return s;
    if (worker_of(before).empty()) return {};  // nobody works it: already available
    Record after = before;
    clear_worker(after);
    // Back to the queue's owner (ReleaseToQueue), so the queue's agents can pick it.
    if (const Record* queue = ctx.store().find("queue", lookup_id_of(before, "queueid")))
        if (const Json* owner = queue->get("ownerid")) after.attributes["ownerid"] = *owner;
    return save_item(ctx, before, std::move(after));
}

Status route_queue_item_to_queue(ApplyContext& ctx, const std::string& item_id, const std::string& queue_id) {
    auto found = find_item(ctx, item_id);
    if (!found) return found.error();
    const Record& before = *found;
    const Record* queue = ctx.store().find("queue", queue_id);
    if (!queue) return make_error("not_found", "There is no queue with id " + queue_id + " (it may have been deleted).");
    if (!is_active(*queue))
        return make_error("inactive", "The queue " + queue_name(ctx, queue_id) + " is inactive; choose an active queue.");
    if (auto s = check_take_over(ctx, before, "route"); !s) return s;
    if (lookup_id_of(before, "queueid") == queue_id) return {};  // already there
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::AppendTo, *queue); !s) return s;
    Record after = before;
    after.attributes["queueid"] = make_lookup("queue", queue_id);
    after.attributes["enteredon"] = format_utc(ctx.now());
    clear_worker(after);
    return save_item(ctx, before, std::move(after));
}

Status route_queue_item_to_principal(ApplyContext& ctx, const std::string& item_id, const Json& principal,
                                     bool remove) {
    auto found = find_item(ctx, item_id);
    if (!found) return found.error();
    const Record& before = *found;
    const std::string entity = principal.is_object() ? principal.value("entity", std::string()) : std::string();
    const std::string id = principal.is_object() ? principal.value("id", std::string()) : std::string();
    if (entity != "systemuser" && entity != "team")
        return make_error("invalid_lookup", "Route an item to a user or a team.", "to");
    const Record* target = ctx.store().find(entity, id);
    if (!target) return make_error("not_found", "There is no such " + std::string(entity == "team" ? "team" : "user") +
                                                    " to route the item to.", "to");
    if (auto s = check_take_over(ctx, before, "route"); !s) return s;

    // The record in the item goes to them too, by Assign (the agent needs the privilege).
    const std::string object_entity = lookup_entity_of(before, "objectid");
    if (const Record* object = ctx.store().find(object_entity, lookup_id_of(before, "objectid")))
        if (auto s = assign_record(ctx, *object, make_lookup(entity, id)); !s) return s;
    if (remove) return delete_item(ctx, before);
    Record after = before;
    after.attributes["workerid"] = make_lookup(entity, id);
    after.attributes["workeridmodifiedon"] = format_utc(ctx.now());
    return save_item(ctx, before, std::move(after));
}

Status remove_queue_item(ApplyContext& ctx, const std::string& item_id) {
    const Record* found = ctx.store().find("queueitem", item_id);
    if (!found) return {};  // already out of the queue: what the agent wanted
    const Record before = *found;
    const std::string worker = worker_of(before);
    if (worker == ctx.user().user_id) return delete_item(ctx, before);
    // Someone else's work in progress: taking it away needs Assign (CSR Managers), as releasing it does.
    if (!worker.empty() && !ctx.policy().check(ctx.store(), ctx.user(), Privilege::Assign, before))
        return make_error("forbidden",
                          holder_name(ctx, before) + " is working on this item; only they or a CSR Manager may remove it.");
    return delete_record(ctx, before);
}

}  // namespace casehub
