// Routing rules: a routing rule set (`routingrule`, one active at a time) holds ordered
// rule items (`routingruleitem`); the first item whose condition matches a case routes it
// to a queue (queue_operations.hpp add_to_queue) or assigns it to a user or team
// (ownerid). Conditions are query Filters (query.hpp) on incident attributes — origin,
// priority, customer, product, subject, entitlement ... — stored as JSON in
// `conditionjson`. Applied by case.apply_routing and on create when incident.routecase
// is set. Pure core: runs inside the mutation's ApplyContext.
#pragma once
#include <optional>
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/store/query.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/store/store.hpp"

namespace casehub {

// What routing did to a case.
struct RoutingOutcome {
    std::string rule_item_id;   // the matching item; "" when none matched
    std::string queue_id;       // routed to this queue ("" when assigned or not routed)
    std::string queue_item_id;  // the queue item add_to_queue made or moved
    std::optional<Json> owner;  // assigned to this user/team lookup
    bool routed() const { return !rule_item_id.empty(); }
};

// The active routing rule set (statecode 1), or nullptr. Several active (imported data):
// the one modified last, then the smallest id, so every replica picks the same.
const Record* active_routing_rule_set(const Store& store);

// The item's condition. Errors: malformed JSON or an unknown operator (names the item).
Result<Filter> routing_condition(const Record& rule_item);

// The first item of the active set, by sequencenumber, whose condition matches `incident`;
// nullptr when there is no active set or nothing matches. Malformed items are skipped.
const Record* matching_rule_item(const Store& store, const Record& incident);

// Routes the stored case `incident_id` by the active rule set. No active set: Error
// "no_routing_rules". Nothing matched: success, outcome.routed() false, nothing changed.
Result<RoutingOutcome> apply_routing(ApplyContext& ctx, const std::string& incident_id);

// Registers case.apply_routing {id} and the trigger routing cases created with routecase.
void add_routing_mutations(MutationRegistry& registry);

// Everything of docs/routing.md in one call for make_sync_registry(): business process
// flows, routing rules and record creation rules (email.receive), in that order.
void add_process_and_routing_mutations(MutationRegistry& registry);

}  // namespace casehub
