// Routing rules: the first matching rule item of the active set routes a case to a queue
// or assigns it, on create with "Route Case" and by case.apply_routing.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/domain/process/business_process.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/routing/routing_rules.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string rule_set = make_uuid_v4(4, 1);
const std::string gold_queue = make_uuid_v4(4, 2);
const std::string tier2_queue = make_uuid_v4(4, 3);
const std::string gold_entitlement = make_uuid_v4(4, 4);
const std::string customer = make_uuid_v4(4, 5);
const std::string camille = make_uuid_v4(4, 6);
const std::string bu_fr = make_uuid_v4(4, 7);

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {"Customer Service Representative"}, "Alex Taylor"};
    int counter = 0;

    Fixture() {
        store.upsert(Record{"account", customer, {{"name", "Contoso Pharmaceuticals"}}});
        store.upsert(Record{"queue", gold_queue, {{"name", "Gold"}, {"statecode", 0}, {"statuscode", 1}}});
        store.upsert(Record{"queue", tier2_queue, {{"name", "Tier 2 Support"}, {"statecode", 0}, {"statuscode", 1}}});
        store.upsert(Record{"systemuser", camille, {{"fullname", "Camille Martin"}, {"businessunitid", make_lookup("businessunit", bu_fr)}}});
        store.upsert(Record{"routingrule", rule_set, {{"name", "Contoso routing"}, {"statecode", 1}, {"statuscode", 2}}});
        item(1, "Gold entitlement", Json{{"type", "or"},
                                         {"conditions", Json::array({Json{{"attribute", "entitlementid"}, {"op", "eq"}, {"value", gold_entitlement}},
                                                                     Json{{"attribute", "prioritycode"}, {"op", "eq"}, {"value", 1}}})}},
             make_lookup("queue", gold_queue), Json());
        item(2, "Twitter to Camille", Json{{"conditions", Json::array({Json{{"attribute", "caseorigincode"}, {"op", "eq"}, {"value", 3986}}})}},
             Json(), make_lookup("systemuser", camille));
        item(3, "French problems", Json{{"conditions", Json::array({Json{{"attribute", "casetypecode"}, {"op", "eq"}, {"value", 2}},
                                                                    Json{{"attribute", "title"}, {"op", "contains"}, {"value", "imprimante"}}})}},
             make_lookup("queue", tier2_queue), Json());
    }

    void item(int seq, const char* name, const Json& condition, const Json& queue, const Json& owner) {
        Record r{"routingruleitem", make_uuid_v4(5, static_cast<std::uint64_t>(seq)),
                 {{"name", name}, {"routingruleid", make_lookup("routingrule", rule_set)}, {"sequencenumber", seq},
                  {"conditionjson", condition.dump()}}};
        if (!queue.is_null()) r.attributes["routedqueueid"] = queue;
        if (!owner.is_null()) r.attributes["assignobjectid"] = owner;
        store.upsert(r);
    }

    Status run(const std::string& name, const Json& args) {
        Mutation m{make_uuid_v4(9, static_cast<std::uint64_t>(++counter)), "c1", counter, name, args, 1700000000000};
        ApplyContext ctx(store, alex, 1700000000000, policy, m);
        return apply_mutation(registry, ctx);
    }

    std::string create_case(std::uint64_t n, Json fields) {
        const std::string id = make_uuid_v4(6, n);
        fields["customerid"] = make_lookup("account", customer);
        if (!fields.contains("title")) fields["title"] = "Case " + std::to_string(n);
        REQUIRE(run("record.create", record_create_args("incident", id, fields)));
        return id;
    }

    // The queues the case is in (active queue items).
    std::vector<std::string> queues_of(const std::string& case_id) const {
        std::vector<std::string> out;
        for (const Record* qi : store.referencing("queueitem", "objectid", case_id))
            if (qi->attributes.value("statecode", 0) == 0) out.push_back(qi->attributes["queueid"]["id"].get<std::string>());
        return out;
    }
};

}  // namespace

TEST_CASE("a case created with Route Case goes to the queue of the first matching rule item", "[routing]") {
    Fixture f;
    const std::string gold = f.create_case(1, {{"entitlementid", make_lookup("entitlement", gold_entitlement)}, {"routecase", true}});
    CHECK(f.queues_of(gold) == std::vector<std::string>{gold_queue});

    // High priority also matches item 1, before the French-problem item it would match too.
    const std::string urgent = f.create_case(2, {{"prioritycode", 1}, {"casetypecode", 2}, {"title", "Mon imprimante"}, {"routecase", true}});
    CHECK(f.queues_of(urgent) == std::vector<std::string>{gold_queue});

    const std::string french = f.create_case(3, {{"prioritycode", 2}, {"casetypecode", 2}, {"title", "L'IMPRIMANTE bourre"}, {"routecase", true}});
    CHECK(f.queues_of(french) == std::vector<std::string>{tier2_queue});

    SECTION("without Route Case the case stays where it is") {
        const std::string plain = f.create_case(4, {{"prioritycode", 1}});
        CHECK(f.queues_of(plain).empty());
    }
    SECTION("a case nothing matches is left alone") {
        const std::string none = f.create_case(5, {{"prioritycode", 3}, {"routecase", true}});
        CHECK(f.queues_of(none).empty());
    }
}

TEST_CASE("a rule item with a user assigns the case to that user and their business unit", "[routing]") {
    Fixture f;
    const std::string tweet = f.create_case(1, {{"caseorigincode", 3986}, {"routecase", true}});
    const Record* c = f.store.find("incident", tweet);
    CHECK(c->attributes["ownerid"] == make_lookup("systemuser", camille));
    CHECK(c->attributes["owningbusinessunit"] == make_lookup("businessunit", bu_fr));
    CHECK(f.queues_of(tweet).empty());
}

TEST_CASE("Apply Routing Rule routes an existing case and moves it between queues", "[routing]") {
    Fixture f;
    const std::string id = f.create_case(1, {{"prioritycode", 2}});
    CHECK(f.queues_of(id).empty());
    REQUIRE(f.run("record.update", record_update_args(f.store, "incident", id, {{"prioritycode", 1}})));
    REQUIRE(f.run("case.apply_routing", Json{{"id", id}}));
    CHECK(f.queues_of(id) == std::vector<std::string>{gold_queue});

    // Now a French problem: routing again moves its one queue item to Tier 2.
    REQUIRE(f.run("record.update", record_update_args(f.store, "incident", id,
                                                      {{"prioritycode", 2}, {"casetypecode", 2}, {"title", "imprimante"}})));
    REQUIRE(f.run("case.apply_routing", Json{{"id", id}}));
    CHECK(f.queues_of(id) == std::vector<std::string>{tier2_queue});

    SECTION("unknown case, bad arguments, closed case") {
        CHECK(f.run("case.apply_routing", Json{{"id", make_uuid_v4(6, 99)}}).error().code == "not_found");
        CHECK(f.run("case.apply_routing", Json{{"id", id}, {"queue", "x"}}).error().code == "unknown_field");
        CHECK(f.run("case.apply_routing", Json::object()).error().code == "missing_field");
        Record closed = *f.store.find("incident", id);
        closed.attributes["statecode"] = 1;
        f.store.upsert(closed);
        CHECK(f.run("case.apply_routing", Json{{"id", id}}).error().code == "read_only");
    }
}

TEST_CASE("only the active rule set routes; none active is a clear error for the command", "[routing]") {
    Fixture f;
    const std::string id = f.create_case(1, {{"prioritycode", 1}});
    Record draft = *f.store.find("routingrule", rule_set);
    draft.attributes["statecode"] = 0;
    draft.attributes["statuscode"] = 1;
    f.store.upsert(draft);
    CHECK_FALSE(active_routing_rule_set(f.store));
    auto s = f.run("case.apply_routing", Json{{"id", id}});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "no_routing_rules");
    // Created with Route Case while nothing is configured: created, not routed, not refused.
    const std::string routed = f.create_case(2, {{"prioritycode", 1}, {"routecase", true}});
    CHECK(f.queues_of(routed).empty());
}

TEST_CASE("a malformed condition is reported with its item and skipped when matching", "[routing]") {
    Fixture f;
    Record bad{"routingruleitem", make_uuid_v4(5, 50),
               {{"name", "Broken"}, {"routingruleid", make_lookup("routingrule", rule_set)}, {"sequencenumber", 0},
                {"conditionjson", "{\"conditions\":[{\"attribute\":\"prioritycode\",\"op\":\"near\",\"value\":1}]}"},
                {"routedqueueid", make_lookup("queue", tier2_queue)}}};
    f.store.upsert(bad);
    auto c = routing_condition(bad);
    REQUIRE_FALSE(c);
    CHECK(c.error().field == "conditionjson");
    CHECK(c.error().message.find("Broken") != std::string::npos);
    const std::string id = f.create_case(1, {{"prioritycode", 1}, {"routecase", true}});
    CHECK(f.queues_of(id) == std::vector<std::string>{gold_queue});
}

TEST_CASE("the demo organisation routes Gold and urgent cases to Gold and starts the process on open cases", "[routing]") {
    Store demo;
    generate_demo_data(DemoOptions{11, 200, 1'790'000'000'000, 200}, demo);
    const Record* set = active_routing_rule_set(demo);
    REQUIRE(set);
    CHECK(demo.referencing("routingruleitem", "routingruleid", set->id).size() == 5);
    CHECK(demo.count("convertrule") == 2);
    CHECK(processes_for(demo, "incident").size() == 1);
    std::size_t open = 0, with_run = 0;
    demo.for_each("incident", [&](const Record& c) {
        if (c.attributes.value("statecode", 0) != 0) return;
        ++open;
        if (active_process_instance(demo, "incident", c.id)) ++with_run;
        // Every demo item condition parses, and an urgent case goes to Gold.
        Record urgent = c;
        urgent.attributes["prioritycode"] = 1;
        urgent.attributes.erase("entitlementid");
        const Record* item = matching_rule_item(demo, urgent);
        REQUIRE(item);
        const Record* queue = demo.find("queue", item->attributes["routedqueueid"]["id"].get<std::string>());
        CHECK(queue->attributes["name"] == "Gold");
    });
    CHECK(open > 0);
    CHECK(with_run == open);
}
