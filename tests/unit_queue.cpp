// Queues: add to queue (one queue at a time unless the queue allows more), pick,
// release, route to a queue or a user, remove — with the real security roles, and the
// offline race of two agents picking the same item settled by sync.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/domain/queues/queue_mutations.hpp"
#include "core/domain/queues/queue_operations.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/replica.hpp"
#include "core/security/roles.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string bu_fr = make_uuid_v4(1, 1);
const std::string u_alex = make_uuid_v4(2, 1), u_leo = make_uuid_v4(2, 2), u_camille = make_uuid_v4(2, 3);
const std::string gold = make_uuid_v4(3, 1), silver = make_uuid_v4(3, 2), closed = make_uuid_v4(3, 3),
                  shared = make_uuid_v4(3, 4), alex_own = make_uuid_v4(3, 5);
const std::string account = make_uuid_v4(4, 1), case_1 = make_uuid_v4(5, 1), case_2 = make_uuid_v4(5, 2);

Json bu_ref() { return make_lookup("businessunit", bu_fr); }
Json user_ref(const std::string& id) { return make_lookup("systemuser", id); }

// Contoso France: Alex and Léo (CSRs), Camille (CSR Manager); queues Gold and Silver
// owned by Camille, an inactive one, one that lets records also sit in other queues,
// and Alex's own queue; two cases of Alex's.
Store make_org() {
    Store s;
    s.upsert(Record{"businessunit", bu_fr, {{"name", "Contoso France"}}});
    auto user = [&](const std::string& id, const char* name, const char* roles, const std::string& own_queue) {
        Json a = {{"domainname", name}, {"fullname", name}, {"businessunitid", bu_ref()}, {"securityroles", roles},
                  {"isdisabled", false}};
        if (!own_queue.empty()) a["queueid"] = make_lookup("queue", own_queue);
        s.upsert(Record{"systemuser", id, a});
    };
    user(u_alex, "Alex Taylor", role_customer_service_representative, alex_own);
    user(u_leo, "Léo Bernard", role_customer_service_representative, "");
    user(u_camille, "Camille Martin", role_csr_manager, "");
    auto queue = [&](const std::string& id, const char* name, int state, bool multiple) {
        s.upsert(Record{"queue", id,
                        {{"name", name}, {"queueviewtype", 0}, {"statecode", state}, {"statuscode", state == 0 ? 1 : 2},
                         {"casehub_allowmultiplequeues", multiple}, {"ownerid", user_ref(u_camille)},
                         {"owningbusinessunit", bu_ref()}}});
    };
    queue(gold, "Gold", 0, false);
    queue(silver, "Silver", 0, false);
    queue(closed, "Old Queue", 1, false);
    queue(shared, "Escalations", 0, true);
    queue(alex_own, "<Alex Taylor>", 0, false);
    s.upsert(Record{"account", account, {{"name", "Fabrikam"}, {"ownerid", user_ref(u_alex)}, {"owningbusinessunit", bu_ref()}}});
    for (const auto& [id, title] : {std::pair{case_1, "Printer jams"}, std::pair{case_2, "Invoice wrong"}})
        s.upsert(Record{"incident", id,
                        {{"title", title}, {"customerid", make_lookup("account", account)}, {"prioritycode", 1},
                         {"statecode", 0}, {"statuscode", 1}, {"ownerid", user_ref(u_alex)},
                         {"owningbusinessunit", bu_ref()}}});
    return s;
}

struct Fixture {
    Store store = make_org();
    SecurityPolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex = *user_context_for(store, u_alex);
    UserContext leo = *user_context_for(store, u_leo);
    UserContext camille = *user_context_for(store, u_camille);
    std::uint64_t counter = 0;

    Status run(const UserContext& user, const std::string& name, const Json& args, TimestampMs now = 1700000000000) {
        Mutation m{make_uuid_v4(9, ++counter), "c1", 1, name, args, now};
        ApplyContext ctx(store, user, now, policy, m);
        return apply_mutation(registry, ctx);
    }
    // Adds the case to a queue as Alex and returns the item id.
    std::string add(const std::string& queue, const std::string& case_id = case_1) {
        Mutation m{make_uuid_v4(9, ++counter), "c1", 1, "queue.add", Json::object(), 1700000000000};
        ApplyContext ctx(store, alex, 1700000000000, policy, m);
        auto id = add_to_queue(ctx, queue, "incident", case_id);
        REQUIRE(id);
        return *id;
    }
    const Record& item(const std::string& id) {
        const Record* r = store.find("queueitem", id);
        REQUIRE(r);
        return *r;
    }
};

}  // namespace

TEST_CASE("adding a case to a queue makes a queue item with its title, queue, priority and entry time", "[queue]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "queue.add", queue_add_args(gold, "incident", case_1)));
    auto items = active_queue_items_of(f.store, case_1);
    REQUIRE(items.size() == 1);
    const Record& qi = *items[0];
    CHECK(qi.attributes["title"] == "Printer jams");
    CHECK(qi.attributes["queueid"] == make_lookup("queue", gold));
    CHECK(qi.attributes["objectid"] == make_lookup("incident", case_1));
    CHECK(qi.attributes["priority"] == 1);
    CHECK(qi.attributes["enteredon"] == "2023-11-14T22:13:20Z");
    // The item belongs to the queue's owner, not to whoever added it, so the queue's team sees it.
    CHECK(qi.attributes["ownerid"] == f.store.find("queue", gold)->attributes["ownerid"]);
    CHECK(worker_of(qi).empty());

    SECTION("adding it to the same queue again keeps the one item") {
        REQUIRE(f.run(f.alex, "queue.add", queue_add_args(gold, "incident", case_1)));
        CHECK(f.store.count("queueitem") == 1);
    }
    SECTION("adding it to another queue moves it there, the worker cleared: one queue at a time") {
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(qi.id)));
        const std::string id = qi.id;
        REQUIRE(f.run(f.alex, "queue.add", queue_add_args(silver, "incident", case_1), 1700000060000));
        CHECK(f.store.count("queueitem") == 1);
        CHECK(f.item(id).attributes["queueid"] == make_lookup("queue", silver));
        CHECK(worker_of(f.item(id)).empty());
        CHECK(f.item(id).attributes["enteredon"] == "2023-11-14T22:14:20Z");
    }
    SECTION("a queue that allows records in other queues gets its own item, the first one stays") {
        REQUIRE(f.run(f.alex, "queue.add", queue_add_args(shared, "incident", case_1)));
        CHECK(f.store.count("queueitem") == 2);
        CHECK(active_queue_items_of(f.store, case_1).size() == 2);
    }
}

TEST_CASE("adding to an unknown or inactive queue, or a missing record, fails with a reason", "[queue]") {
    Fixture f;
    auto s1 = f.run(f.alex, "queue.add", queue_add_args(make_uuid_v4(8, 8), "incident", case_1));
    CHECK(s1.error().code == "not_found");
    auto s2 = f.run(f.alex, "queue.add", queue_add_args(closed, "incident", case_1));
    CHECK(s2.error().code == "inactive");
    CHECK(s2.error().message.find("Old Queue") != std::string::npos);
    auto s3 = f.run(f.alex, "queue.add", queue_add_args(gold, "incident", make_uuid_v4(8, 9)));
    CHECK(s3.error().code == "not_found");
    auto s4 = f.run(f.alex, "queue.add", Json{{"queue", gold}, {"entity", "incident"}});
    CHECK(s4.error().code == "missing_field");
    auto s5 = f.run(f.alex, "queue.pick", Json{{"id", "x"}, {"remvoe", true}});
    CHECK(s5.error().field == "remvoe");
    CHECK(f.store.count("queueitem") == 0);
}

TEST_CASE("picking makes the agent the worker; picking an item another agent picked is rejected with their name",
          "[queue]") {
    Fixture f;
    const std::string id = f.add(gold);
    REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id), 1700000120000));
    CHECK(f.item(id).attributes["workerid"] == user_ref(u_alex));
    CHECK(f.item(id).attributes["workeridmodifiedon"] == "2023-11-14T22:15:20Z");

    auto s = f.run(f.leo, "queue.pick", queue_pick_args(id));
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "already_picked");
    CHECK(s.error().message == "Alex Taylor is working on this item.");
    CHECK(f.item(id).attributes["workerid"] == user_ref(u_alex));

    SECTION("picking one's own item again changes nothing") {
        const Record before = f.item(id);
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id), 1700000999000));
        CHECK(f.item(id) == before);
    }
}

TEST_CASE("picking can take the item out of the queue or move it to the agent's own queue", "[queue]") {
    Fixture f;
    const std::string id = f.add(gold);
    SECTION("remove") {
        REQUIRE(f.run(f.leo, "queue.pick", queue_pick_args(id, true)));
        CHECK_FALSE(f.store.find("queueitem", id));
        CHECK(f.store.find("incident", case_1));
    }
    SECTION("to the agent's own queue") {
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id, false, true)));
        CHECK(f.item(id).attributes["queueid"] == make_lookup("queue", alex_own));
        CHECK(f.item(id).attributes["workerid"] == user_ref(u_alex));
    }
    SECTION("an agent without a queue of their own is told so, nothing changes") {
        auto s = f.run(f.leo, "queue.pick", queue_pick_args(id, false, true));
        CHECK(s.error().code == "no_own_queue");
        CHECK(worker_of(f.item(id)).empty());
    }
    SECTION("an item that is gone cannot be picked") {
        REQUIRE(f.run(f.alex, "queue.remove", queue_remove_args(id)));
        CHECK(f.run(f.leo, "queue.pick", queue_pick_args(id)).error().code == "not_found");
    }
}

TEST_CASE("releasing clears the worker and gives the item back to the queue owner; another's item needs a manager",
          "[queue]") {
    Fixture f;
    const std::string id = f.add(gold);
    REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id)));

    auto s = f.run(f.leo, "queue.release", queue_release_args(id));
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "forbidden");
    CHECK(s.error().message.find("Alex Taylor is working on this item") != std::string::npos);
    CHECK(worker_of(f.item(id)) == u_alex);

    SECTION("the holder releases") {
        REQUIRE(f.run(f.alex, "queue.release", queue_release_args(id)));
        CHECK(worker_of(f.item(id)).empty());
        CHECK_FALSE(f.item(id).get("workeridmodifiedon"));
        CHECK(f.item(id).attributes["ownerid"] == user_ref(u_camille));
        // Now anyone of the queue may pick it.
        REQUIRE(f.run(f.leo, "queue.pick", queue_pick_args(id)));
        CHECK(worker_of(f.item(id)) == u_leo);
    }
    SECTION("a CSR Manager releases someone else's item") {
        REQUIRE(f.run(f.camille, "queue.release", queue_release_args(id)));
        CHECK(worker_of(f.item(id)).empty());
    }
}

TEST_CASE("an agent of another business unit is refused every move of an item, even one that would change nothing",
          "[queue][security]") {
    Fixture f;
    const std::string bu_id = make_uuid_v4(1, 2);
    const std::string u_dewi = make_uuid_v4(2, 4);
    f.store.upsert(Record{"businessunit", bu_id, {{"name", "Contoso Indonesia"}}});
    f.store.upsert(Record{"systemuser", u_dewi,
                          {{"domainname", "dewi"}, {"fullname", "Dewi Lestari"},
                           {"businessunitid", make_lookup("businessunit", bu_id)},
                           {"securityroles", role_customer_service_representative}, {"isdisabled", false}}});
    const UserContext dewi = *user_context_for(f.store, u_dewi);
    const std::string id = f.add(gold);  // free: nobody works it
    const Record before = f.item(id);

    // Releasing a free item, or routing it to the queue it is in, changes nothing; the
    // answer must still be the refusal, not "accepted", for an item outside her scope.
    for (const Json& args : {queue_release_args(id), queue_route_to_queue_args(id, gold)}) {
        const std::string name = args.contains("queue") ? "queue.route" : "queue.release";
        INFO(name);
        auto s = f.run(dewi, name, args);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == "forbidden");
    }
    SECTION("picking an item someone picked is refused without naming who works it") {
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id)));
        auto s = f.run(dewi, "queue.pick", queue_pick_args(id));
        REQUIRE_FALSE(s);
        CHECK(s.error().code == "forbidden");
        CHECK(s.error().message.find("Alex Taylor") == std::string::npos);
    }
    CHECK(f.item(id).attributes["queueid"] == before.attributes["queueid"]);
}

TEST_CASE("routing moves an item to another queue or gives it and its record to a user", "[queue]") {
    Fixture f;
    const std::string id = f.add(gold);
    SECTION("to another queue: worker cleared, entered again") {
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id)));
        REQUIRE(f.run(f.alex, "queue.route", queue_route_to_queue_args(id, silver), 1700000300000));
        CHECK(f.item(id).attributes["queueid"] == make_lookup("queue", silver));
        CHECK(worker_of(f.item(id)).empty());
        CHECK(f.item(id).attributes["enteredon"] == "2023-11-14T22:18:20Z");
    }
    SECTION("an item another agent works cannot be routed by a CSR, but by a manager") {
        REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id)));
        auto s = f.run(f.leo, "queue.route", queue_route_to_queue_args(id, silver));
        CHECK(s.error().code == "forbidden");
        CHECK(f.item(id).attributes["queueid"] == make_lookup("queue", gold));
        REQUIRE(f.run(f.camille, "queue.route", queue_route_to_queue_args(id, silver)));
    }
    SECTION("to an inactive queue is refused") {
        CHECK(f.run(f.alex, "queue.route", queue_route_to_queue_args(id, closed)).error().code == "inactive");
    }
    SECTION("to a user: they work it and own the case") {
        REQUIRE(f.run(f.camille, "queue.route", queue_route_to_principal_args(id, "systemuser", u_leo, false)));
        CHECK(worker_of(f.item(id)) == u_leo);
        CHECK(f.store.find("incident", case_1)->attributes["ownerid"] == user_ref(u_leo));
    }
    SECTION("to a user, removed from the queue") {
        REQUIRE(f.run(f.camille, "queue.route", queue_route_to_principal_args(id, "systemuser", u_leo, true)));
        CHECK_FALSE(f.store.find("queueitem", id));
        CHECK(f.store.find("incident", case_1)->attributes["ownerid"] == user_ref(u_leo));
    }
    SECTION("a CSR may not give away a case: nothing changes") {
        auto s = f.run(f.leo, "queue.route", queue_route_to_principal_args(id, "systemuser", u_leo, false));
        CHECK(s.error().code == "forbidden");
        CHECK(worker_of(f.item(id)).empty());
        CHECK(f.store.find("incident", case_1)->attributes["ownerid"] == user_ref(u_alex));
    }
    SECTION("needs exactly one of queue and to") {
        CHECK(f.run(f.alex, "queue.route", Json{{"id", id}}).error().code == "missing_field");
    }
}

TEST_CASE("removing takes the item out of the queue; only its worker, its owner or a manager may", "[queue]") {
    Fixture f;
    const std::string id = f.add(gold);
    REQUIRE(f.run(f.leo, "queue.pick", queue_pick_args(id)));
    // Alex added the item, but it belongs to the queue's owner and Leo is working on it.
    auto s = f.run(f.alex, "queue.remove", queue_remove_args(id));
    REQUIRE_FALSE(s);
    CHECK(s.error().message.find("is working on this item") != std::string::npos);
    REQUIRE(f.run(f.leo, "queue.remove", queue_remove_args(id)));  // the worker may
    CHECK_FALSE(f.store.find("queueitem", id));

    const std::string id2 = f.add(gold, case_2);
    REQUIRE(f.run(f.alex, "queue.pick", queue_pick_args(id2)));
    auto s2 = f.run(f.leo, "queue.remove", queue_remove_args(id2));
    REQUIRE_FALSE(s2);
    CHECK(s2.error().message.find("Alex Taylor is working on this item") != std::string::npos);
    REQUIRE(f.run(f.camille, "queue.remove", queue_remove_args(id2)));
    CHECK(f.store.count("queueitem") == 0);
}

TEST_CASE("two agents pick the same item offline: the first to sync holds it, the other is told who does",
          "[queue][sync]") {
    Fixture f;
    SyncServerState server;
    std::vector<Record> seed;
    f.store.for_each_record([&](const Record& r) { seed.push_back(r); });
    server.seed(seed);
    const ApplyEnv alex_env{f.registry, f.policy, f.alex}, leo_env{f.registry, f.policy, f.leo};
    Replica alex("alex-tablet"), leo("leo-tablet");
    std::uint64_t ids = 0;
    auto next_id = [&] { return make_uuid_v4(11, ++ids); };
    auto sync = [&](Replica& r, const UserContext& user, const ApplyEnv& env) {
        if (r.cursor() == 0) r.on_snapshot(env, server.snapshot(f.policy, user));
        r.mark_durable_through(r.next_client_seq() - 1);  // the device stored every edit
        auto out = server.push(f.registry, f.policy, user, r.client_id(), r.push_batch(), 1700000000000);
        REQUIRE(out);
        r.on_push_results(env, out->results);
        for (;;) {
            PullPage p = server.pull(f.policy, user, r.cursor(), 100);
            r.on_pull(env, p);
            if (!p.has_more) break;
        }
    };
    sync(alex, f.alex, alex_env);
    REQUIRE(alex.apply_local(alex_env, next_id(), "queue.add", queue_add_args(gold, "incident", case_1), 1));
    sync(alex, f.alex, alex_env);
    sync(leo, f.leo, leo_env);
    const std::string item = active_queue_items_of(leo.view(), case_1).at(0)->id;

    // Both offline: each sees the item as theirs.
    REQUIRE(alex.apply_local(alex_env, next_id(), "queue.pick", queue_pick_args(item), 2));
    REQUIRE(leo.apply_local(leo_env, next_id(), "queue.pick", queue_pick_args(item), 3));
    REQUIRE(leo.apply_local(leo_env, next_id(), "record.update",
                            record_update_args(leo.view(), "incident", case_2, {{"title", "Invoice wrong (called)"}}), 4));
    CHECK(worker_of(*leo.view().find("queueitem", item)) == u_leo);

    sync(alex, f.alex, alex_env);
    sync(leo, f.leo, leo_env);

    CHECK(worker_of(*server.store.find("queueitem", item)) == u_alex);
    REQUIRE(leo.rejections().size() == 1);
    CHECK(leo.rejections()[0].mutation.name == "queue.pick");
    CHECK(leo.rejections()[0].error.message == "Alex Taylor is working on this item.");
    // Léo's view shows the holder, and his other offline edit was not lost.
    CHECK(worker_of(*leo.view().find("queueitem", item)) == u_alex);
    CHECK(server.store.find("incident", case_2)->attributes["title"] == "Invoice wrong (called)");
    CHECK(leo.outbox().empty());
}
