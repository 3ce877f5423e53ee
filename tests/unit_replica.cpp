// Replica: optimistic apply, outbox, rejections, rebase on pull, snapshot, and its saved form.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/apply/conflict.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/replica.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

struct World {
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {}, "Alex"};
    UserContext sam{"user-sam", "bu-1", {}, {}, "Sam"};
    ApplyEnv alex_env{registry, policy, alex};
    ApplyEnv sam_env{registry, policy, sam};
    SyncServerState server;
    std::uint64_t ids = 0;

    std::string next_id() { return make_uuid_v4(42, ++ids); }

    void sync(Replica& r, const UserContext& user, const ApplyEnv& env) {
        r.mark_durable_through(r.next_client_seq() - 1);  // the device stored every edit
        auto out = server.push(registry, policy, user, r.client_id(), r.push_batch(), 9000);
        REQUIRE(out);
        r.on_push_results(env, out->results);
        for (;;) {
            PullPage p = server.pull(policy, user, r.cursor(), 3);
            r.on_pull(env, p);
            if (!p.has_more) break;
        }
    }
};

const std::string case_id = make_uuid_v4(5, 5);

}  // namespace

TEST_CASE("a local change shows at once, waits in the outbox and leaves it once pulled", "[sync][replica]") {
    World w;
    Replica r("tablet-1");
    auto m = r.apply_local(w.alex_env, w.next_id(), "record.create",
                           record_create_args("incident", case_id, {{"title", "Offline"}}), 1234);
    REQUIRE(m);
    CHECK(m->client_seq == 1);
    CHECK(m->client_id == "tablet-1");
    CHECK(r.view().find("incident", case_id));
    CHECK_FALSE(r.confirmed().find("incident", case_id));
    CHECK(r.pending_count() == 1);
    CHECK(r.next_client_seq() == 2);

    SECTION("accepted but not yet pulled: still shown, no longer pushed") {
        r.mark_durable_through(m->client_seq);
        auto out = w.server.push(w.registry, w.policy, w.alex, "tablet-1", r.push_batch(), 9000);
        REQUIRE(out);
        r.on_push_results(w.alex_env, out->results);
        CHECK(r.pending_count() == 0);
        CHECK(r.push_batch().empty());
        CHECK(r.view().find("incident", case_id));
        r.on_pull(w.alex_env, w.server.pull(w.policy, w.alex, r.cursor(), 100));
        CHECK(r.outbox().empty());
        CHECK(r.view().dump() == w.server.store.dump());
    }
    SECTION("a change that fails locally is refused at once and not queued") {
        auto again = r.apply_local(w.alex_env, w.next_id(), "record.create",
                                   record_create_args("incident", case_id, {{"title", "dup"}}), 1);
        REQUIRE_FALSE(again);
        CHECK(again.error().code == "already_exists");
        CHECK(r.outbox().size() == 1);
        CHECK(r.next_client_seq() == 2);
    }
}

TEST_CASE("a mutation the server rejects leaves the view and is shown with its reason", "[sync][replica]") {
    World w;
    Replica alex("a"), sam("s");
    REQUIRE(alex.apply_local(w.alex_env, w.next_id(), "record.create",
                             record_create_args("incident", case_id, {{"title", "T"}}), 1));
    w.sync(alex, w.alex, w.alex_env);
    w.sync(sam, w.sam, w.sam_env);
    REQUIRE(sam.view().find("incident", case_id));

    REQUIRE(sam.apply_local(w.sam_env, w.next_id(), "record.delete", record_delete_args(sam.view(), "incident", case_id), 2));
    REQUIRE(alex.apply_local(w.alex_env, w.next_id(), "record.update",
                             record_update_args(alex.view(), "incident", case_id, {{"title", "Mine"}}), 3));
    w.sync(sam, w.sam, w.sam_env);
    w.sync(alex, w.alex, w.alex_env);

    REQUIRE(alex.rejections().size() == 1);
    CHECK(alex.rejections()[0].error.code == "deleted");
    CHECK(alex.rejections()[0].mutation.name == "record.update");
    CHECK(alex.outbox().empty());
    CHECK_FALSE(alex.view().find("incident", case_id));
    CHECK(alex.view().dump() == w.server.store.dump());
    alex.dismiss_rejection(alex.rejections()[0].mutation.id);
    CHECK(alex.rejections().empty());
}

TEST_CASE("pulled changes rebase pending work on top, and a conflict shows on both replicas", "[sync][replica]") {
    World w;
    Replica alex("a"), sam("s");
    REQUIRE(alex.apply_local(w.alex_env, w.next_id(), "record.create",
                             record_create_args("incident", case_id, {{"title", "T"}, {"prioritycode", 1}}), 1));
    w.sync(alex, w.alex, w.alex_env);
    w.sync(sam, w.sam, w.sam_env);

    // Both edit the title offline; Sam also edits the priority.
    REQUIRE(alex.apply_local(w.alex_env, w.next_id(), "record.update",
                             record_update_args(alex.view(), "incident", case_id, {{"title", "Alex"}}), 2));
    REQUIRE(sam.apply_local(w.sam_env, w.next_id(), "record.update",
                            record_update_args(sam.view(), "incident", case_id, {{"title", "Sam"}, {"prioritycode", 3}}), 3));
    w.sync(alex, w.alex, w.alex_env);
    // Sam pulls first without pushing: his pending edit is re-applied on Alex's title.
    sam.on_pull(w.sam_env, w.server.pull(w.policy, w.sam, sam.cursor(), 100));
    CHECK(sam.view().find("incident", case_id)->attributes["title"] == "Sam");
    CHECK(sam.pending_count() == 1);
    CHECK(conflicts_on(sam.view(), "incident", case_id).size() == 1);  // shown before the server decides

    w.sync(sam, w.sam, w.sam_env);
    w.sync(alex, w.alex, w.alex_env);
    CHECK(alex.view().dump() == w.server.store.dump());
    CHECK(sam.view().dump() == w.server.store.dump());
    auto conflicts = conflicts_on(alex.view(), "incident", case_id);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attributes["losingvalue"] == "\"Alex\"");

    SECTION("Alex restores his value through the outbox like any change") {
        REQUIRE(alex.apply_local(w.alex_env, w.next_id(), "conflict.restore", {{"id", conflicts[0].id}}, 4));
        CHECK(alex.view().find("incident", case_id)->attributes["title"] == "Alex");
        w.sync(alex, w.alex, w.alex_env);
        w.sync(sam, w.sam, w.sam_env);
        CHECK(sam.view().find("incident", case_id)->attributes["title"] == "Alex");
        CHECK(sam.view().find("incident", case_id)->attributes["prioritycode"] == 3);
        CHECK(sam.view().dump() == w.server.store.dump());
    }
}

TEST_CASE("a replica saved to JSON and loaded again has the same state and pending work", "[sync][replica]") {
    World w;
    Replica r("tablet-9");
    REQUIRE(r.apply_local(w.alex_env, w.next_id(), "record.create",
                          record_create_args("incident", case_id, {{"title", "T"}}), 1));
    w.sync(r, w.alex, w.alex_env);
    REQUIRE(r.apply_local(w.alex_env, w.next_id(), "record.update",
                          record_update_args(r.view(), "incident", case_id, {{"title", "U"}}), 2));
    REQUIRE(r.apply_local(w.alex_env, w.next_id(), "record.update",
                          record_update_args(r.view(), "incident", make_uuid_v4(1, 1), {{"title", "U"}}), 3)
                .error()
                .code == "not_found");

    const std::string text = r.to_json().dump();
    auto loaded = replica_from_json(w.alex_env, Json::parse(text));
    REQUIRE(loaded);
    CHECK(loaded->client_id() == "tablet-9");
    CHECK(loaded->cursor() == r.cursor());
    CHECK(loaded->next_client_seq() == r.next_client_seq());
    CHECK(loaded->outbox() == r.outbox());
    CHECK(loaded->confirmed() == r.confirmed());
    CHECK(loaded->view().dump() == r.view().dump());
    CHECK(loaded->to_json() == r.to_json());

    CHECK_FALSE(replica_from_json(w.alex_env, Json::object()));
    CHECK_FALSE(replica_from_json(w.alex_env, Json::array()));
}

TEST_CASE("a snapshot replaces the confirmed store and keeps pending work", "[sync][replica]") {
    World w;
    Replica r("t");
    w.server.seed({Record{"account", make_uuid_v4(3, 3), {{"name", "Contoso"}}}});
    REQUIRE(r.apply_local(w.alex_env, w.next_id(), "record.create",
                          record_create_args("incident", case_id, {{"title", "T"}}), 1));
    r.on_snapshot(w.alex_env, w.server.snapshot(w.policy, w.alex));
    CHECK(r.cursor() == 1);
    CHECK(r.view().find("account", make_uuid_v4(3, 3)));
    CHECK(r.view().find("incident", case_id));
    CHECK(r.pending_count() == 1);
}
