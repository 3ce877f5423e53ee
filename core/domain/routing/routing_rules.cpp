// Routing rules: choosing the rule item and carrying it out. The agent applying the rule
// needs Write on the case; the assignment itself is the organisation's configured rule,
// so it does not ask for the agent's Assign privilege (as routing does in Dataverse).
#include "core/domain/routing/routing_rules.hpp"

#include <algorithm>
#include <vector>

#include "core/domain/process/business_process.hpp"
#include "core/domain/queues/queue_operations.hpp"
#include "core/domain/routing/record_creation_rules.hpp"
#include "core/apply/record_mutations.hpp"

namespace casehub {
namespace {

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

Status apply_routing_mutation(ApplyContext& ctx, const Json& args) {
    if (!args.is_object()) return make_error("wrong_type", "case.apply_routing needs {\"id\": case id}.");
    for (auto it = args.begin(); it != args.end(); ++it)
        if (it.key() != "id")
            return make_error("unknown_field", "case.apply_routing has no argument \"" + it.key() + "\".", it.key());
    auto id = args.find("id");
    if (id == args.end() || !id->is_string() || id->get<std::string>().empty())
        return make_error("missing_field", "case.apply_routing needs \"id\" (the case id).", "id");
    const Record* incident = ctx.store().find("incident", id->get<std::string>());
    if (!incident) return make_error("not_found", "There is no case with id " + id->get<std::string>() + ".", "id");
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, *incident); !s) return s;
    if (int_attr(*incident, "statecode", 0) != 0)
        return make_error("read_only", string_attr(*incident, "ticketnumber") +
                                           " is closed; reactivate it before routing it.");
    auto outcome = apply_routing(ctx, incident->id);
    if (!outcome) return outcome.error();
    return {};
}

// Cases created with "Route Case" set are routed in the same mutation.
Status route_on_create(ApplyContext& ctx, const Record* before, const Record& record) {
    if (before) return {};
    const Json* route = record.get("routecase");
    if (!route || !route->is_boolean() || !route->get<bool>()) return {};
    if (!active_routing_rule_set(ctx.store())) return {};  // nothing configured: the case stays where it is
    auto outcome = apply_routing(ctx, record.id);
    if (!outcome) return outcome.error();
    return {};
}

}  // namespace

const Record* active_routing_rule_set(const Store& store) {
    const Record* best = nullptr;
    store.for_each("routingrule", [&](const Record& r) {
        if (int_attr(r, "statecode", 0) != 1) return;
        if (!best) {
            best = &r;
            return;
        }
        const std::string a = string_attr(r, "modifiedon"), b = string_attr(*best, "modifiedon");
        if (a > b || (a == b && r.id < best->id)) best = &r;
    });
    return best;
}

Result<Filter> routing_condition(const Record& rule_item) {
    const std::string name = string_attr(rule_item, "name");
    const std::string text = string_attr(rule_item, "conditionjson");
    if (text.empty()) return Filter{};  // no condition: matches every case (a catch-all item)
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return make_error("bad_condition", "The condition of rule item \"" + name + "\" is not a JSON object.",
                          "conditionjson");
    auto query = parse_query(Json{{"entity", "incident"}, {"filter", json}});
    if (!query) {
        Error e = query.error();
        e.message = "The condition of rule item \"" + name + "\": " + e.message;
        e.field = "conditionjson";
        return e;
    }
    return query->filter;
}

const Record* matching_rule_item(const Store& store, const Record& incident) {
    const Record* set = active_routing_rule_set(store);
    if (!set) return nullptr;
    std::vector<const Record*> items = store.referencing("routingruleitem", "routingruleid", set->id);
    std::sort(items.begin(), items.end(), [](const Record* a, const Record* b) {
        const int sa = int_attr(*a, "sequencenumber", 0), sb = int_attr(*b, "sequencenumber", 0);
        return sa != sb ? sa < sb : a->id < b->id;
    });
    for (const Record* item : items) {
        auto condition = routing_condition(*item);
        if (condition && matches(*condition, incident)) return item;
    }
    return nullptr;
}

Result<RoutingOutcome> apply_routing(ApplyContext& ctx, const std::string& incident_id) {
    const Record* found = ctx.store().find("incident", incident_id);
    if (!found) return make_error("not_found", "There is no case with id " + incident_id + ".");
    const Record* set = active_routing_rule_set(ctx.store());
    if (!set)
        return make_error("no_routing_rules",
                          "There is no active routing rule set; ask an administrator to activate one.");
    const Record incident = *found;
    RoutingOutcome outcome;
    const Record* item = matching_rule_item(ctx.store(), incident);
    if (!item) return outcome;
    outcome.rule_item_id = item->id;
    const std::string queue = lookup_id_of(*item, "routedqueueid");
    if (!queue.empty()) {
        auto queued = add_to_queue(ctx, queue, "incident", incident.id);
        if (!queued) return queued.error();
        outcome.queue_id = queue;
        outcome.queue_item_id = *queued;
        return outcome;
    }
    const Json* owner = item->get("assignobjectid");
    if (owner && owner->is_object()) {
        // The organisation's rule assigns the case: the agent routing it needs no Assign.
        if (auto s = assign_record(ctx, incident, *owner, SystemWork::routing_rule); !s) return s.error();
        outcome.owner = *owner;
        return outcome;
    }
    return make_error("bad_rule_item", "Rule item \"" + string_attr(*item, "name") +
                                           "\" routes nowhere; give it a queue or a user or team.");
}

void add_routing_mutations(MutationRegistry& registry) {
    registry.add("case.apply_routing", apply_routing_mutation);
    RecordTrigger route;
    route.entity = "incident";
    route.name = "incident.routing";
    route.after_save = route_on_create;
    registry.add_trigger(std::move(route));
}

void add_process_and_routing_mutations(MutationRegistry& registry) {
    add_business_process_mutations(registry);
    add_routing_mutations(registry);
    add_record_creation_mutations(registry);
}

}  // namespace casehub
