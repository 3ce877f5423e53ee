// ClientSync: the browser's sync loop — what it asks for and when (push, pull, snapshot,
// timer, backoff, online/resume/sign-in), against a real SyncServerState over JSON.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/sync/client_sync.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

// A client (replica + driver) and the server it talks to, with the HTTP layer replaced
// by JSON in and out of SyncServerState, as the server routes do.
struct Rig {
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {}, "Alex"};
    ApplyEnv env{registry, policy, alex};
    SyncServerState server;
    Replica replica{"tablet-1"};
    ClientSync sync;
    TimestampMs now = 1000000;
    std::uint64_t ids = 0;

    Rig() {
        sync.set_online(true, now);
        sync.set_signed_in(true, now);
    }

    std::string next_id() { return make_uuid_v4(7, ++ids); }

    std::string edit_title(const std::string& case_id, const std::string& title) {
        Json args = replica.view().find("incident", case_id)
                        ? record_update_args(replica.view(), "incident", case_id, {{"title", title}})
                        : record_create_args("incident", case_id, {{"title", title}});
        auto m = replica.apply_local(env, next_id(), replica.view().find("incident", case_id) ? "record.update"
                                                                                               : "record.create",
                                     args, now);
        REQUIRE(m);
        replica.mark_durable_through(m->client_seq);  // the device stored it
        sync.on_local_edit(now);
        return m->id;
    }

    // What the server routes would answer.
    SyncAnswer serve(const SyncRequest& req) {
        SyncAnswer a{req.id, 200, {}};
        if (req.kind == SyncRequestKind::push) {
            Json body = Json::parse(req.body);
            std::vector<Mutation> ms;
            for (const Json& m : body["mutations"]) ms.push_back(*mutation_from_json(m));
            auto out = server.push(registry, policy, alex, body["client_id"].get<std::string>(), ms, now);
            REQUIRE(out);
            Json results = Json::array();
            for (const auto& r : out->results) results.push_back(r);
            a.body = Json{{"results", results}}.dump();
        } else if (req.kind == SyncRequestKind::pull) {
            const auto q = req.path.find("cursor=");
            const std::int64_t cursor = std::stoll(req.path.substr(q + 7));
            const auto l = req.path.find("limit=");
            const std::size_t limit = std::stoul(req.path.substr(l + 6));
            a.body = Json(server.pull(policy, alex, cursor, limit)).dump();
        } else {
            a.body = Json(server.snapshot(policy, alex)).dump();
        }
        return a;
    }

    // Performs requests until the driver asks for nothing more; returns the kinds asked.
    std::vector<SyncRequestKind> run() {
        std::vector<SyncRequestKind> kinds;
        for (int guard = 0; guard < 100; ++guard) {
            auto req = sync.next_request(replica, now);
            if (!req) return kinds;
            kinds.push_back(req->kind);
            REQUIRE(sync.on_answer(replica, env, serve(*req), now));
        }
        FAIL("the sync loop never went quiet");
        return kinds;
    }
};

const std::string case_a = make_uuid_v4(1, 1);
const std::string case_b = make_uuid_v4(2, 2);

using K = SyncRequestKind;

}  // namespace

TEST_CASE("nothing is requested while offline or signed out, and everything is once back", "[sync][client_sync]") {
    Rig rig;
    SECTION("offline") {
        rig.sync.set_online(false, rig.now);
        rig.edit_title(case_a, "Offline");
        CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now));
        CHECK(rig.sync.state(rig.replica).pending == 1);
        CHECK_FALSE(rig.sync.state(rig.replica).online);
        rig.sync.set_online(true, rig.now);
        CHECK(rig.run() == std::vector<K>{K::push, K::snapshot});  // a first sync ends with a snapshot
    }
    SECTION("signed out") {
        rig.sync.set_signed_in(false, rig.now);
        rig.edit_title(case_a, "Later");
        CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now));
        rig.sync.set_signed_in(true, rig.now);
        CHECK(rig.run() == std::vector<K>{K::push, K::snapshot});
    }
    CHECK(rig.sync.state(rig.replica).pending == 0);
    CHECK(rig.replica.outbox().empty());
    CHECK(rig.server.store.find("incident", case_a));
    CHECK(rig.replica.view().dump() == rig.server.store.dump());
}

TEST_CASE("a replica that never synced starts with a snapshot, then pulls from its cursor", "[sync][client_sync]") {
    Rig rig;
    rig.server.seed({Record{"account", make_uuid_v4(9, 9), {{"name", "Contoso"}}}});
    CHECK(rig.run() == std::vector<K>{K::snapshot});
    CHECK(rig.replica.view().count("account") == 1);
    CHECK(rig.replica.cursor() == rig.server.seq);
    const SyncState s = rig.sync.state(rig.replica);
    CHECK(s.last_synced_at == rig.now);
    CHECK(s.last_error.empty());
    CHECK_FALSE(s.syncing);

    SECTION("a replica loaded with a cursor pulls instead") {
        ClientSync fresh;
        fresh.set_online(true, rig.now);
        fresh.set_signed_in(true, rig.now);
        auto req = fresh.next_request(rig.replica, rig.now);
        REQUIRE(req);
        CHECK(req->kind == K::pull);
        CHECK(req->path == "/api/sync/pull?cursor=" + std::to_string(rig.replica.cursor()) + "&limit=500");
    }
}

TEST_CASE("a local edit is pushed at once, then pulled, and only one request is in flight", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Printer on fire");
    auto push = rig.sync.next_request(rig.replica, rig.now);
    REQUIRE(push);
    CHECK(push->kind == K::push);
    CHECK(push->method == "POST");
    CHECK(push->path == "/api/sync/push");
    const Json body = Json::parse(push->body);
    CHECK(body["client_id"] == "tablet-1");
    CHECK(body["mutations"].size() == 1);
    CHECK(rig.sync.state(rig.replica).syncing);

    rig.edit_title(case_b, "Second");  // made while the push is in flight
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now));

    REQUIRE(rig.sync.on_answer(rig.replica, rig.env, rig.serve(*push), rig.now));
    CHECK(rig.run() == std::vector<K>{K::push, K::pull});
    CHECK(rig.replica.outbox().empty());
    CHECK(rig.server.store.find("incident", case_b));
    CHECK(rig.replica.view().dump() == rig.server.store.dump());
}

TEST_CASE("an online replica pulls on a timer to see other agents' changes", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.server.seed({Record{"incident", case_b, {{"title", "From someone else"}}}});
    rig.now += 14000;
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now));
    rig.now += 1000;
    CHECK(rig.run() == std::vector<K>{K::pull});
    CHECK(rig.replica.view().find("incident", case_b));
    CHECK(rig.sync.state(rig.replica).last_synced_at == rig.now);
    CHECK(rig.sync.next_wake_at() == rig.now + 15000);
}

TEST_CASE("a failed sync is retried with exponential backoff up to a minute", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Stalled");
    std::vector<TimestampMs> waits;
    for (int i = 0; i < 9; ++i) {
        auto req = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(req);
        REQUIRE(rig.sync.on_answer(rig.replica, rig.env, SyncAnswer{req->id, 0, ""}, rig.now));
        const SyncState s = rig.sync.state(rig.replica);
        CHECK(s.pending == 1);
        CHECK_FALSE(s.last_error.empty());
        waits.push_back(s.retry_at - rig.now);
        CHECK_FALSE(rig.sync.next_request(rig.replica, s.retry_at - 1));
        rig.now = s.retry_at;
    }
    CHECK(waits == std::vector<TimestampMs>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000});

    SECTION("the next success clears the error and the backoff") {
        CHECK(rig.run() == std::vector<K>{K::push, K::pull});
        CHECK(rig.sync.state(rig.replica).last_error.empty());
        CHECK(rig.sync.consecutive_failures() == 0);
        CHECK(rig.sync.state(rig.replica).pending == 0);
    }
    SECTION("a 500 with a JSON error keeps the server's message") {
        auto req = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(req);
        rig.sync.on_answer(rig.replica, rig.env,
                           SyncAnswer{req->id, 500, R"({"error":{"code":"storage","message":"Disk full"}})"}, rig.now);
        CHECK(rig.sync.state(rig.replica).last_error == "Disk full");
        CHECK(rig.sync.consecutive_failures() == 10);
    }
}

TEST_CASE("the online event, resume and Sync now retry at once instead of waiting out the backoff",
          "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Waiting");
    for (int i = 0; i < 6; ++i) {  // a long backoff (32 s)
        auto req = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(req);
        rig.sync.on_answer(rig.replica, rig.env, SyncAnswer{req->id, 0, ""}, rig.now);
        rig.now = rig.sync.state(rig.replica).retry_at;
    }
    rig.now -= 1;
    REQUIRE_FALSE(rig.sync.next_request(rig.replica, rig.now));

    SECTION("online") {
        rig.sync.set_online(false, rig.now);
        rig.sync.set_online(true, rig.now);
    }
    SECTION("resume") { rig.sync.on_resume(rig.now); }
    SECTION("sync now") { rig.sync.sync_now(rig.now); }
    CHECK(rig.run() == std::vector<K>{K::push, K::pull});
    CHECK(rig.sync.state(rig.replica).pending == 0);
}

TEST_CASE("a local edit shortens a long backoff to the shortest wait", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "One");
    for (int i = 0; i < 5; ++i) {
        auto req = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(req);
        rig.sync.on_answer(rig.replica, rig.env, SyncAnswer{req->id, 503, ""}, rig.now);
        if (i < 4) rig.now = rig.sync.state(rig.replica).retry_at;
    }
    CHECK(rig.sync.state(rig.replica).retry_at == rig.now + 16000);
    rig.edit_title(case_b, "Two");
    CHECK(rig.sync.state(rig.replica).retry_at == rig.now + 1000);
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now + 999));
    rig.now += 1000;
    CHECK(rig.run() == std::vector<K>{K::push, K::pull});
    CHECK(rig.replica.outbox().empty());
}

TEST_CASE("a 401 signs the client out but keeps the outbox, which is pushed after signing in",
          "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Kept across sign-in");
    auto req = rig.sync.next_request(rig.replica, rig.now);
    REQUIRE(req);
    rig.sync.on_answer(rig.replica, rig.env,
                       SyncAnswer{req->id, 401, R"({"error":{"code":"unauthorized","message":"Sign in again: your session expired."}})"},
                       rig.now);
    SyncState s = rig.sync.state(rig.replica);
    CHECK_FALSE(s.signed_in);
    CHECK(s.pending == 1);
    CHECK(s.last_error == "Sign in again: your session expired.");
    CHECK(rig.replica.view().find("incident", case_a));
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now + 600000));

    rig.sync.set_signed_in(true, rig.now);
    CHECK(rig.run() == std::vector<K>{K::push, K::pull});
    CHECK(rig.server.store.find("incident", case_a)->attributes["title"] == "Kept across sign-in");
    CHECK(rig.sync.state(rig.replica).last_error.empty());
}

TEST_CASE("a cursor the server no longer serves leads to a snapshot that keeps pending work", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Mine");
    rig.run();
    rig.server.seed({Record{"incident", case_b, {{"title", "Theirs"}}}});
    rig.server.trim_log(rig.server.seq);  // the replica's cursor is now below the log

    rig.sync.set_online(false, rig.now);
    const std::string pending = make_uuid_v4(3, 3);
    rig.edit_title(pending, "Pending while behind");
    rig.sync.set_online(true, rig.now);

    // The pending edit goes first; the pull then asks for a resnapshot.
    CHECK(rig.run() == std::vector<K>{K::push, K::pull, K::snapshot});
    CHECK(rig.replica.view().find("incident", case_b));
    CHECK(rig.replica.view().find("incident", pending));
    CHECK(rig.replica.view().dump() == rig.server.store.dump());
    CHECK(rig.replica.cursor() == rig.server.seq);

    SECTION("pending work made before the snapshot answer stays queued and is pushed after") {
        rig.server.seed({Record{"incident", make_uuid_v4(4, 4), {{"title", "More"}}}});
        rig.server.trim_log(rig.server.seq);
        rig.now += 15000;
        auto pull = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(pull);
        REQUIRE(pull->kind == K::pull);
        rig.sync.on_answer(rig.replica, rig.env, rig.serve(*pull), rig.now);
        auto snap = rig.sync.next_request(rig.replica, rig.now);
        REQUIRE(snap);
        REQUIRE(snap->kind == K::snapshot);
        const SyncAnswer answer = rig.serve(*snap);
        const std::string late = make_uuid_v4(5, 5);
        rig.edit_title(late, "Typed while the snapshot was on its way");
        rig.sync.on_answer(rig.replica, rig.env, answer, rig.now);
        CHECK(rig.replica.view().find("incident", late));
        CHECK(rig.sync.state(rig.replica).pending == 1);
        CHECK(rig.run() == std::vector<K>{K::push, K::pull});
        CHECK(rig.replica.view().dump() == rig.server.store.dump());
    }
}

TEST_CASE("a pull page with more behind it is followed by the next page at once", "[sync][client_sync]") {
    SyncTiming timing;
    timing.pull_limit = 2;
    Rig rig;
    rig.sync = ClientSync(timing);
    rig.sync.set_online(true, rig.now);
    rig.sync.set_signed_in(true, rig.now);
    rig.run();
    std::vector<Record> records;
    for (std::uint64_t i = 0; i < 5; ++i) records.push_back(Record{"account", make_uuid_v4(20, i), {{"name", "A"}}});
    rig.server.seed(records);
    rig.sync.sync_now(rig.now);
    CHECK(rig.run() == std::vector<K>{K::pull, K::pull, K::pull});
    CHECK(rig.replica.view().count("account") == 5);
}

TEST_CASE("a request not answered in time counts as a failure and its late answer is ignored",
          "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "Slow network");
    auto req = rig.sync.next_request(rig.replica, rig.now);
    REQUIRE(req);
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now + 29999));
    rig.now += 30000;
    CHECK_FALSE(rig.sync.next_request(rig.replica, rig.now));  // failed, now backing off
    CHECK(rig.sync.consecutive_failures() == 1);
    CHECK_FALSE(rig.sync.on_answer(rig.replica, rig.env, rig.serve(*req), rig.now));  // applied on the server...
    CHECK(rig.sync.state(rig.replica).pending == 1);  // ...but the client does not know yet
    rig.now += 1000;
    CHECK(rig.run() == std::vector<K>{K::push, K::pull});  // the re-push is answered with the original result
    CHECK(rig.replica.outbox().empty());
    CHECK(rig.server.mutations.size() == 1);
}

TEST_CASE("a mutation the server rejects is counted for the agent to see", "[sync][client_sync]") {
    Rig rig;
    rig.edit_title(case_a, "Created");
    rig.run();
    rig.server.store.erase("incident", case_a);  // gone on the server meanwhile (an admin purge)
    rig.edit_title(case_a, "Edited offline");
    rig.run();
    const SyncState s = rig.sync.state(rig.replica);
    CHECK(s.pending == 0);
    CHECK(s.rejected == 1);
    REQUIRE(rig.replica.rejections().size() == 1);
    CHECK_FALSE(rig.replica.rejections()[0].error.message.empty());
}

TEST_CASE("answers that are not the expected shape are failures, not applied", "[sync][client_sync]") {
    Rig rig;
    rig.run();
    rig.edit_title(case_a, "X");
    auto req = rig.sync.next_request(rig.replica, rig.now);
    REQUIRE(req);
    SECTION("not JSON") { rig.sync.on_answer(rig.replica, rig.env, SyncAnswer{req->id, 200, "<html>"}, rig.now); }
    SECTION("no results") { rig.sync.on_answer(rig.replica, rig.env, SyncAnswer{req->id, 200, "{}"}, rig.now); }
    SECTION("results for other mutations") {
        rig.sync.on_answer(rig.replica, rig.env,
                           SyncAnswer{req->id, 200,
                                      R"({"results":[{"mutation_id":")" + make_uuid_v4(8, 8) +
                                          R"(","status":"accepted","seq":5}]})"},
                           rig.now);
    }
    CHECK(rig.sync.consecutive_failures() == 1);
    CHECK(rig.sync.state(rig.replica).pending == 1);
    CHECK_FALSE(rig.sync.state(rig.replica).last_error.empty());
}
