// queue.* handlers: argument checks, then the operations of queue_operations.hpp.
#include "core/domain/queues/queue_mutations.hpp"

#include <initializer_list>

#include "core/apply/mutation_args.hpp"
#include "core/domain/queues/queue_operations.hpp"

namespace casehub {
namespace {

Result<bool> flag(const std::string& mutation, const Json& args, const char* name) {
    auto it = args.find(name);
    if (it == args.end() || it->is_null()) return false;
    if (!it->is_boolean()) return make_error("wrong_type", mutation + ": \"" + name + "\" must be true or false.", name);
    return it->get<bool>();
}

Status queue_add(ApplyContext& ctx, const Json& args) {
    const std::string m = "queue.add";
    if (auto s = check_argument_names(m, args, {"queue", "entity", "id"}); !s) return s;
    auto queue = required_string(m, args, "queue");
    if (!queue) return queue.error();
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto item = add_to_queue(ctx, *queue, *entity, *id);
    if (!item) return item.error();
    return {};
}

Status queue_pick(ApplyContext& ctx, const Json& args) {
    const std::string m = "queue.pick";
    if (auto s = check_argument_names(m, args, {"id", "remove", "to_own_queue"}); !s) return s;
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto remove = flag(m, args, "remove");
    if (!remove) return remove.error();
    auto own = flag(m, args, "to_own_queue");
    if (!own) return own.error();
    return pick_queue_item(ctx, *id, PickOptions{*remove, *own});
}

Status queue_release(ApplyContext& ctx, const Json& args) {
    const std::string m = "queue.release";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    return release_queue_item(ctx, *id);
}

Status queue_route(ApplyContext& ctx, const Json& args) {
    const std::string m = "queue.route";
    if (auto s = check_argument_names(m, args, {"id", "queue", "to", "remove"}); !s) return s;
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto remove = flag(m, args, "remove");
    if (!remove) return remove.error();
    const bool has_queue = args.contains("queue") && !args["queue"].is_null();
    const bool has_to = args.contains("to") && !args["to"].is_null();
    if (has_queue == has_to)
        return make_error("missing_field", "queue.route needs either \"queue\" (a queue id) or \"to\" (a user or team).");
    if (has_queue) {
        auto queue = required_string(m, args, "queue");
        if (!queue) return queue.error();
        return route_queue_item_to_queue(ctx, *id, *queue);
    }
    return route_queue_item_to_principal(ctx, *id, args["to"], *remove);
}

Status queue_remove(ApplyContext& ctx, const Json& args) {
    const std::string m = "queue.remove";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    return remove_queue_item(ctx, *id);
}

}  // namespace

void add_queue_mutations(MutationRegistry& registry) {
    registry.add("queue.add", queue_add);
    registry.add("queue.pick", queue_pick);
    registry.add("queue.release", queue_release);
    registry.add("queue.route", queue_route);
    registry.add("queue.remove", queue_remove);
}

Json queue_add_args(const std::string& queue_id, const std::string& entity, const std::string& id) {
    return Json{{"queue", queue_id}, {"entity", entity}, {"id", id}};
}

Json queue_pick_args(const std::string& item_id, bool remove, bool to_own_queue) {
    Json args{{"id", item_id}};
    if (remove) args["remove"] = true;
    if (to_own_queue) args["to_own_queue"] = true;
    return args;
}

Json queue_release_args(const std::string& item_id) { return Json{{"id", item_id}}; }

Json queue_route_to_queue_args(const std::string& item_id, const std::string& queue_id) {
    return Json{{"id", item_id}, {"queue", queue_id}};
}

Json queue_route_to_principal_args(const std::string& item_id, const std::string& entity, const std::string& id,
                                   bool remove) {
    Json args{{"id", item_id}, {"to", make_lookup(entity, id)}};
    if (remove) args["remove"] = true;
    return args;
}

Json queue_remove_args(const std::string& item_id) { return Json{{"id", item_id}}; }

}  // namespace casehub
