// SyncServerState: at-most-once application, per-client gap-free sequence, poison
// mutations, client binding, paged and filtered pull, resnapshot.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/apply/conflict.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

struct Server {
    SyncServerState state;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {}, "Alex"};
    UserContext sam{"user-sam", "bu-1", {}, {}, "Sam"};

    Result<PushOutcome> push(const UserContext& u, const std::string& client, const std::vector<Mutation>& ms) {
        return state.push(registry, policy, u, client, ms, 5000);
    }
};

Mutation create(std::uint64_t n, std::int64_t client_seq, const std::string& title) {
    return Mutation{make_uuid_v4(100, n), "", client_seq, "record.create",
                    record_create_args("incident", make_uuid_v4(200, n), {{"title", title}}), 1};
}

// Hides incidents titled "secret" from everyone.
class SecretPolicy final : public Policy {
public:
    Status validate(const Store&, const Record&, const Record*) const override { return {}; }
    Record prepare_create(const Store&, Record r, const UserContext&) const override { return r; }
    Status check(const Store&, const UserContext&, Privilege, const Record&) const override { return {}; }
    Status check_fields(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    Status check_write(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    bool can_read(const Store&, const UserContext&, const Record& r) const override {
        return r.attributes.value("title", std::string()) != "secret";
    }
};

}  // namespace

TEST_CASE("a mutation pushed twice is applied once and answered with its original result", "[sync][server]") {
    Server s;
    auto first = s.push(s.alex, "c1", {create(1, 1, "A")});
    REQUIRE(first);
    REQUIRE(first->results.size() == 1);
    CHECK(first->results[0].status == MutationStatus::accepted);
    CHECK(first->results[0].seq == 1);
    CHECK(first->logged.size() == 1);
    CHECK(first->changes.size() == 1);

    SECTION("the same batch again (a lost reply) changes nothing") {
        const Json before = s.state.store.dump();
        auto again = s.push(s.alex, "c1", {create(1, 1, "A")});
        REQUIRE(again);
        CHECK(again->results == first->results);
        CHECK(again->logged.empty());
        CHECK(again->changes.empty());
        CHECK(s.state.seq == 1);
        CHECK(s.state.store.dump() == before);
    }
    SECTION("a retry followed by new mutations applies only the new ones") {
        auto next = s.push(s.alex, "c1", {create(1, 1, "A"), create(2, 2, "B")});
        REQUIRE(next);
        CHECK(next->results[0] == first->results[0]);
        CHECK(next->results[1].seq == 2);
        CHECK(s.state.store.count("incident") == 2);
        CHECK(s.state.clients["c1"].last_seq == 2);
    }
    SECTION("a different mutation reusing a client_seq is rejected and not applied") {
        auto other = s.push(s.alex, "c1", {create(9, 1, "Z")});
        REQUIRE(other);
        CHECK(other->results[0].status == MutationStatus::rejected);
        CHECK(other->results[0].error.code == "duplicate_client_seq");
        CHECK(s.state.store.count("incident") == 1);
    }
}

TEST_CASE("a rejected mutation is recorded, advances last_seq and does not block the ones behind it",
          "[sync][server]") {
    Server s;
    Mutation poison{make_uuid_v4(100, 50), "", 2, "record.update",
                    record_update_args(Store{}, "incident", make_uuid_v4(1, 2), {{"title", "x"}}), 1};
    auto out = s.push(s.alex, "c1", {create(1, 1, "A"), poison, create(3, 3, "C")});
    REQUIRE(out);
    CHECK(out->results[0].status == MutationStatus::accepted);
    CHECK(out->results[1].status == MutationStatus::rejected);
    CHECK(out->results[1].error.code == "not_found");
    CHECK(out->results[2].status == MutationStatus::accepted);
    CHECK(out->results[2].seq == 2);  // rejected mutations take no global seq
    CHECK(s.state.clients["c1"].last_seq == 3);
    CHECK(out->logged.size() == 3);

    auto retry = s.push(s.alex, "c1", {poison});
    REQUIRE(retry);
    CHECK(retry->results[0] == out->results[1]);  // the same rejection, not a new attempt
}

TEST_CASE("a client id is bound to its first user and gaps in client_seq are refused whole", "[sync][server]") {
    Server s;
    REQUIRE(s.push(s.alex, "c1", {create(1, 1, "A")}));
    auto stolen = s.push(s.sam, "c1", {create(2, 2, "B")});
    REQUIRE_FALSE(stolen);
    CHECK(stolen.error().code == "client_in_use");

    auto gap = s.push(s.alex, "c1", {create(2, 2, "B"), create(4, 4, "D")});
    REQUIRE_FALSE(gap);
    CHECK(gap.error().code == "client_seq_gap");
    CHECK(s.state.store.count("incident") == 1);  // B was not applied either
    CHECK(s.state.clients["c1"].last_seq == 1);

    CHECK(s.push(s.sam, "", {}).error().code == "bad_request");
}

TEST_CASE("deleting then updating says who deleted the record", "[sync][server]") {
    Server s;
    REQUIRE(s.push(s.alex, "c1", {create(1, 1, "A")}));
    const Store seen = s.state.store;
    Mutation del{make_uuid_v4(100, 2), "", 1, "record.delete", record_delete_args(seen, "incident", make_uuid_v4(200, 1)), 1};
    REQUIRE(s.push(s.sam, "c2", {del}));
    Mutation upd{make_uuid_v4(100, 3), "", 2, "record.update",
                 record_update_args(seen, "incident", make_uuid_v4(200, 1), {{"title", "B"}}), 1};
    auto out = s.push(s.alex, "c1", {upd});
    REQUIRE(out);
    CHECK(out->results[0].error.code == "deleted");
    CHECK(out->results[0].error.message.find("deleted by Sam") == std::string::npos);  // Sam is not a stored user
    CHECK(out->results[0].error.message.find("user-sam") != std::string::npos);
}

TEST_CASE("pull pages through changes after a cursor without splitting a mutation", "[sync][server]") {
    Server s;
    std::vector<Mutation> ms;
    for (std::uint64_t i = 1; i <= 5; ++i) ms.push_back(create(i, static_cast<std::int64_t>(i), "T"));
    REQUIRE(s.push(s.alex, "c1", ms));
    // A conflicting update changes two records (the case and its conflict) at one seq.
    const Store seen = s.state.store;
    Mutation a{make_uuid_v4(100, 10), "", 6, "record.update",
               record_update_args(seen, "incident", make_uuid_v4(200, 1), {{"title", "A"}}), 1};
    Mutation b{make_uuid_v4(100, 11), "", 1, "record.update",
               record_update_args(seen, "incident", make_uuid_v4(200, 1), {{"title", "B"}}), 1};
    REQUIRE(s.push(s.alex, "c1", {a}));
    REQUIRE(s.push(s.sam, "c2", {b}));
    REQUIRE(s.state.seq == 7);

    std::int64_t cursor = 0;
    std::vector<PullChange> all;
    int pages = 0;
    for (;;) {
        PullPage p = s.state.pull(s.policy, s.alex, cursor, 2);
        REQUIRE_FALSE(p.resnapshot);
        all.insert(all.end(), p.changes.begin(), p.changes.end());
        cursor = p.cursor;
        ++pages;
        if (!p.has_more) break;
    }
    CHECK(cursor == 7);
    CHECK(pages == 4);
    REQUIRE(all.size() == 8);
    CHECK(all[6].seq == 7);
    CHECK(all[7].seq == 7);
    CHECK(all[7].entity == conflict_entity);

    SECTION("nothing new: an empty page at the same cursor") {
        PullPage p = s.state.pull(s.policy, s.alex, 7, 100);
        CHECK(p.changes.empty());
        CHECK(p.cursor == 7);
        CHECK_FALSE(p.has_more);
    }
    SECTION("a cursor older than the kept log, or from another server, asks for a snapshot") {
        s.state.trim_log(3);
        CHECK(s.state.pull(s.policy, s.alex, 2, 10).resnapshot);
        CHECK_FALSE(s.state.pull(s.policy, s.alex, 3, 10).resnapshot);
        CHECK(s.state.pull(s.policy, s.alex, 99, 10).resnapshot);
        Snapshot snap = s.state.snapshot(s.policy, s.alex);
        CHECK(snap.cursor == 7);
        CHECK(snap.records.size() == 6);
    }
    SECTION("the wire shape round-trips") {
        PullPage p = s.state.pull(s.policy, s.alex, 0, 100);
        auto back = pull_page_from_json(Json(p));
        REQUIRE(back);
        CHECK(back->changes == p.changes);
        CHECK(back->cursor == p.cursor);
    }
}

TEST_CASE("pull tells a user to drop a record that left their sight and hides it from snapshots", "[sync][server]") {
    Server s;
    SecretPolicy secret;
    REQUIRE(s.push(s.alex, "c1", {create(1, 1, "open")}));
    Mutation hide{make_uuid_v4(100, 2), "", 2, "record.update",
                  record_update_args(s.state.store, "incident", make_uuid_v4(200, 1), {{"title", "secret"}}), 1};
    REQUIRE(s.push(s.alex, "c1", {hide}));
    PullPage p = s.state.pull(secret, s.sam, 0, 100);
    REQUIRE(p.changes.size() == 2);
    CHECK(p.changes[0].op == PullOp::upsert);
    CHECK(p.changes[1].op == PullOp::drop);
    CHECK_FALSE(p.changes[1].record);
    CHECK(s.state.snapshot(secret, s.sam).records.empty());
}

TEST_CASE("pull never names a record the user could not see: its changes and deletion are left out",
          "[sync][server][security]") {
    Server s;
    SecretPolicy secret;
    const std::string id = make_uuid_v4(200, 1);
    REQUIRE(s.push(s.alex, "c1", {create(1, 1, "secret")}));
    Mutation edit{make_uuid_v4(100, 2), "", 2, "record.update",
                  record_update_args(s.state.store, "incident", id, {{"description", "still hidden"}}), 1};
    REQUIRE(s.push(s.alex, "c1", {edit}));
    Mutation erase{make_uuid_v4(100, 3), "", 3, "record.delete", record_delete_args(s.state.store, "incident", id), 1};
    REQUIRE(s.push(s.alex, "c1", {erase}));
    REQUIRE(s.push(s.alex, "c1", {create(4, 4, "open")}));

    for (std::int64_t cursor = 0; cursor <= s.state.seq; ++cursor) {
        INFO("cursor " << cursor);
        PullPage p = s.state.pull(secret, s.sam, cursor, 100);
        for (const PullChange& c : p.changes) CHECK(c.id != id);
        CHECK(p.cursor == s.state.seq);  // the hidden changes are skipped, not waited for
    }
    PullPage all = s.state.pull(secret, s.sam, 0, 100);
    REQUIRE(all.changes.size() == 1);
    CHECK(all.changes[0].op == PullOp::upsert);

    SECTION("a record seen before it was hidden is dropped, and its deletion told") {
        Server t;
        REQUIRE(t.push(t.alex, "c1", {create(1, 1, "open")}));
        Mutation hide{make_uuid_v4(100, 2), "", 2, "record.update",
                      record_update_args(t.state.store, "incident", id, {{"title", "secret"}}), 1};
        REQUIRE(t.push(t.alex, "c1", {hide}));
        Mutation gone{make_uuid_v4(100, 3), "", 3, "record.delete", record_delete_args(t.state.store, "incident", id), 1};
        PullPage one = t.state.pull(secret, t.sam, 0, 100);
        REQUIRE(one.changes.size() == 2);
        CHECK(one.changes[1].op == PullOp::drop);
        REQUIRE(t.push(t.alex, "c1", {gone}));
        // The deletion follows a hidden state: whoever still held the record dropped it already.
        PullPage two = t.state.pull(secret, t.sam, one.cursor, 100);
        CHECK(two.changes.empty());
    }
}

TEST_CASE("the server remembers who wrote each field so a conflict names the overwritten change",
          "[sync][server][conflict]") {
    Server s;
    REQUIRE(s.push(s.alex, "c1", {create(1, 1, "T")}));
    const Store seen = s.state.store;
    Mutation a{make_uuid_v4(100, 2), "", 2, "record.update",
               record_update_args(seen, "incident", make_uuid_v4(200, 1), {{"title", "A"}}), 1};
    Mutation b{make_uuid_v4(100, 3), "", 1, "record.update",
               record_update_args(seen, "incident", make_uuid_v4(200, 1), {{"title", "B"}}), 1};
    REQUIRE(s.push(s.alex, "c1", {a}));
    REQUIRE(s.push(s.sam, "c2", {b}));
    auto conflicts = conflicts_on(s.state.store, "incident", make_uuid_v4(200, 1));
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attributes["losingmutationid"] == a.id);
    CHECK(conflicts[0].attributes["losinguserid"] == make_lookup("systemuser", "user-alex"));
    CHECK(conflicts[0].attributes["winningmutationid"] == b.id);
}
