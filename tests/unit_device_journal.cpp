// The device journal and durability: an edit is written with its number before it is
// pushed, a reload before the write loses it (and its number is used again, never seen by
// the server), refused writes are tried again in order, writes cost the change not the
// replica, and the device's values restore the same replica page by page.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"
#include "core/sync/device_restore.hpp"
#include "core/sync/replica.hpp"
#include "core/sync/sync_server.hpp"
#include "device_image.hpp"

using namespace casehub;
using casehub::test::DeviceImage;
using casehub::test::write_to_device;

namespace {

struct World {
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {}, "Alex"};
    ApplyEnv env{registry, policy, alex};
    SyncServerState server;
    std::uint64_t ids = 0;

    std::string next_id() { return make_uuid_v4(77, ++ids); }

    Mutation create_case(Replica& r, const std::string& id, const std::string& title) {
        auto m = r.apply_local(env, next_id(), "record.create", record_create_args("incident", id, {{"title", title}}), 5);
        REQUIRE(m);
        return *m;
    }
    Mutation retitle(Replica& r, const std::string& id, const std::string& title) {
        auto m = r.apply_local(env, next_id(), "record.update",
                               record_update_args(r.view(), "incident", id, {{"title", title}}), 6);
        REQUIRE(m);
        return *m;
    }
    std::vector<MutationResult> push(Replica& r) {
        auto out = server.push(registry, policy, alex, r.client_id(), r.push_batch(), 9000);
        REQUIRE(out);
        r.on_push_results(env, out->results);
        return out->results;
    }
    void pull(Replica& r) {
        for (;;) {
            PullPage p = server.pull(policy, alex, r.cursor(), 50);
            r.on_pull(env, p);
            if (!p.has_more) break;
        }
    }
};

// A replica whose first load brought `accounts` accounts: enough records to need several pages.
Replica replica_with_accounts(World& w, const std::string& device, int accounts, int uuid_seed) {
    std::vector<Record> seed;
    for (int i = 0; i < accounts; ++i)
        seed.push_back(Record{"account", make_uuid_v4(uuid_seed, i), {{"name", "A" + std::to_string(i)}}});
    w.server.seed(seed);
    Replica r(device);
    r.on_snapshot(w.env, w.server.snapshot(w.policy, w.alex));
    return r;
}

std::string case_id(std::uint64_t n) { return make_uuid_v4(900, n); }

}  // namespace

TEST_CASE("an edit is pushed only once the device stored it with its number", "[sync][device]") {
    World w;
    DeviceImage device;
    Replica r("tablet-1");
    const Mutation m = w.create_case(r, case_id(1), "Pump");
    CHECK(r.view().find("incident", case_id(1)));
    CHECK(r.not_durable_count() == 1);
    CHECK(r.push_batch().empty());
    CHECK(r.journal().holds_new_work());

    write_to_device(r, device);
    CHECK(r.not_durable_count() == 0);
    CHECK(r.durable_client_seq() == m.client_seq);
    CHECK(device.outbox.count(m.client_seq) == 1);
    CHECK(device.meta["next_client_seq"] == 2);
    CHECK(device.meta["client_id"] == "tablet-1");
    REQUIRE(r.push_batch().size() == 1);

    SECTION("the next edit waits for its own write, the first is pushed alone") {
        w.retitle(r, case_id(1), "Pump 2");
        const auto batch = r.push_batch();
        REQUIRE(batch.size() == 1);
        CHECK(batch[0].id == m.id);
    }
    SECTION("accepted and pulled: the entry leaves the stored outbox too") {
        w.push(r);
        write_to_device(r, device);
        CHECK(device.outbox.count(m.client_seq) == 1);  // accepted, not yet pulled
        w.pull(r);
        write_to_device(r, device);
        CHECK(device.outbox.empty());
        CHECK(device.records.count(device_record_key("incident", case_id(1))) == 1);
        CHECK(device.meta["cursor"] == r.cursor());
    }
}

TEST_CASE("a reload before the write loses the edit, and its number is used again without a clash",
          "[sync][device]") {
    World w;
    DeviceImage device;
    Replica r("tablet-2");
    w.create_case(r, case_id(2), "Stored");
    write_to_device(r, device);
    const Mutation lost = w.retitle(r, case_id(2), "Typed just before the reload");
    CHECK(r.not_durable_count() == 1);

    auto reloaded = device.restore(w.env);
    REQUIRE(reloaded);
    CHECK(reloaded->next_client_seq() == lost.client_seq);
    CHECK(reloaded->view().find("incident", case_id(2))->attributes["title"] == "Stored");
    REQUIRE(reloaded->outbox().size() == 1);

    const Mutation again = w.retitle(*reloaded, case_id(2), "Typed again");
    CHECK(again.client_seq == lost.client_seq);
    write_to_device(*reloaded, device);
    for (const MutationResult& res : w.push(*reloaded)) CHECK(res.status == MutationStatus::accepted);
    CHECK(w.server.mutations.count(lost.id) == 0);
    w.pull(*reloaded);
    CHECK(w.server.store.find("incident", case_id(2))->attributes["title"] == "Typed again");
}

TEST_CASE("a write the device refused is tried again with what came after, in order", "[sync][device]") {
    World w;
    DeviceImage device;
    Replica r("tablet-3");
    w.create_case(r, case_id(3), "One");
    DeviceJournal refused = r.take_journal();  // quota exceeded
    w.retitle(r, case_id(3), "Two");
    r.return_journal(std::move(refused));
    CHECK(r.push_batch().empty());
    CHECK(r.not_durable_count() == 2);

    write_to_device(r, device);
    CHECK(device.outbox.size() == 2);
    CHECK(device.meta["next_client_seq"] == 3);
    CHECK(r.push_batch().size() == 2);
}

TEST_CASE("merging journals keeps the newest value of each key", "[sync][device]") {
    DeviceJournal older, newer;
    older.put_record(Record{"incident", "a", {{"title", "old"}}});
    older.put_record(Record{"incident", "b", {{"title", "kept"}}});
    older.put_outbox(OutboxEntry{Mutation{"m1", "c", 1, "x", Json::object(), 0}, 0});
    older.set_cursor(4);
    newer.delete_record("incident", "a");
    newer.delete_outbox(1);
    newer.set_cursor(9);
    older.merge_newer(std::move(newer));
    DeviceImage device;
    device.records["incident/a"] = "{}";
    device.outbox[1] = "{}";
    device.apply(older.to_batch_json("c"));
    CHECK(device.records.count("incident/a") == 0);
    CHECK(device.records.count("incident/b") == 1);
    CHECK(device.outbox.empty());
    CHECK(device.meta["cursor"] == 9);

    SECTION("a newer clear drops the older record changes") {
        DeviceJournal a, b;
        a.put_record(Record{"incident", "x", {}});
        b.clear_records();
        b.put_record(Record{"incident", "y", {}});
        a.merge_newer(std::move(b));
        DeviceImage d;
        d.records["incident/z"] = "{}";
        d.apply(a.to_batch_json("c"));
        CHECK(d.records.size() == 1);
        CHECK(d.records.count("incident/y") == 1);
    }
}

TEST_CASE("bytes written per edit do not grow with the replica", "[sync][device]") {
    auto bytes_for_one_edit = [](std::size_t cases) {
        World w;
        std::vector<Record> seed;
        for (std::size_t i = 0; i < cases; ++i)
            seed.push_back(Record{"incident", case_id(1000 + i), {{"title", "Case " + std::to_string(i)}}});
        w.server.seed(seed);
        DeviceImage device;
        Replica r("tablet-4");
        r.on_snapshot(w.env, w.server.snapshot(w.policy, w.alex));
        write_to_device(r, device);
        REQUIRE(device.records.size() == cases);
        const std::size_t before = device.bytes_written;
        w.retitle(r, case_id(1000 + cases / 2), "Edited");
        write_to_device(r, device);
        return device.bytes_written - before;
    };
    const std::size_t small = bytes_for_one_edit(100), large = bytes_for_one_edit(5000);
    CHECK(small > 0);
    CHECK(small < 2000);
    // Same edit, 50 times the records: within a few bytes (the record's digits differ).
    CHECK(large <= small + 16);
}

TEST_CASE("the device's values restore the same replica, records page by page", "[sync][device]") {
    World w;
    std::vector<Record> seed;
    for (int i = 0; i < 30; ++i) seed.push_back(Record{"account", make_uuid_v4(31, i), {{"name", "A" + std::to_string(i)}}});
    w.server.seed(seed);
    DeviceImage device;
    Replica r("tablet-5");
    r.on_snapshot(w.env, w.server.snapshot(w.policy, w.alex));
    w.create_case(r, case_id(5), "Pending");
    write_to_device(r, device);
    auto out = w.server.push(w.registry, w.policy, w.alex, r.client_id(), r.push_batch(), 1);
    REQUIRE(out);
    r.on_push_results(w.env, out->results);  // accepted, not pulled
    w.retitle(r, case_id(5), "Pending, edited");
    write_to_device(r, device);

    auto restored = device.restore(w.env, 4);
    REQUIRE(restored);
    CHECK(restored->client_id() == "tablet-5");
    CHECK(restored->cursor() == r.cursor());
    CHECK(restored->next_client_seq() == r.next_client_seq());
    CHECK(restored->outbox() == r.outbox());
    CHECK(restored->confirmed() == r.confirmed());
    CHECK(restored->view().dump() == r.view().dump());
    CHECK(restored->durable_client_seq() == r.next_client_seq() - 1);
    CHECK(restored->journal().empty());

    SECTION("records shown while loading, the outbox on top once finished") {
        auto start = replica_from_device(device.meta, {device.outbox.begin()->second, device.outbox.rbegin()->second});
        REQUIRE(start);
        CHECK(start->view().size() == 0);
        start->add_restored_records({seed[0]});
        CHECK(start->view().find("account", seed[0].id));
        start->finish_restore(w.env);
        CHECK(start->view().find("incident", case_id(5)));
    }
}

TEST_CASE("stored values that cannot be read are reported, nothing stored is not an error", "[sync][device]") {
    CHECK(replica_from_device(Json::object(), {}).error().code == "not_found");
    auto bad_outbox = replica_from_device(Json{{"client_id", "c"}}, {"{not json"});
    REQUIRE_FALSE(bad_outbox);
    CHECK(bad_outbox.error().code == "corrupt");
    CHECK(bad_outbox.error().message.find("could not be read") != std::string::npos);
    CHECK_FALSE(replica_from_device(Json{{"client_id", 5}}, {}));
    CHECK_FALSE(replica_from_device(Json{{"client_id", "c"}, {"rejections", "[1]"}}, {}));
    CHECK(records_from_device(Json::array({Json{{"entity", "account"}}})).error().code == "corrupt");
    CHECK_FALSE(records_from_device(Json::object()));
    auto ok = replica_from_device(Json{{"client_id", "c"}, {"next_client_seq", 7}}, {});
    REQUIRE(ok);
    CHECK(ok->next_client_seq() == 7);
    CHECK(ok->durable_client_seq() == 6);
}

TEST_CASE("a replica kept the old way (one JSON file) moves to the device whole", "[sync][device]") {
    World w;
    Replica old("tablet-6");
    old.on_snapshot(w.env, Snapshot{{Record{"account", make_uuid_v4(6, 1), {{"name", "Contoso"}}}}, 3});
    w.create_case(old, case_id(6), "Offline work");
    auto loaded = replica_from_json(w.env, Json::parse(old.to_json().dump()));
    REQUIRE(loaded);
    CHECK(loaded->journal().empty());
    CHECK(loaded->push_batch().size() == 1);  // it was on the device already
    loaded->journal_everything();
    DeviceImage device;
    device.records["incident/stale"] = "{}";
    write_to_device(*loaded, device);
    auto restored = device.restore(w.env);
    REQUIRE(restored);
    CHECK(restored->view().dump() == old.view().dump());
    CHECK(restored->outbox() == old.outbox());
    CHECK(restored->next_client_seq() == old.next_client_seq());
    CHECK(restored->cursor() == 3);
}

TEST_CASE("a snapshot too big for one transaction is written in pages with a completeness marker",
          "[sync][device]") {
    World w;
    Replica r = replica_with_accounts(w, "tablet-7", 25, 41);
    const Mutation made = w.create_case(r, case_id(7), "Made during the first load");

    SECTION("pages carry at most the page's records; the cursor and 'complete' come with the last") {
        DeviceJournal j = r.take_journal();
        std::vector<Json> pages;
        while (!j.empty()) pages.push_back(Json::parse(j.take_page(10).to_batch_json(r.client_id())));
        REQUIRE(pages.size() == 3);
        CHECK(pages[0]["clear_records"] == true);
        CHECK(pages[0]["put_records"].size() == 10);
        CHECK(pages[0]["put_outbox"].size() == 1);  // the agent's work goes first, with its number
        CHECK(pages[0]["meta"]["next_client_seq"] == made.client_seq + 1);
        CHECK(pages[0]["meta"]["records_complete"] == false);
        CHECK_FALSE(pages[0]["meta"].contains("cursor"));
        CHECK(pages[1]["clear_records"] == false);
        CHECK(pages[1]["put_records"].size() == 10);
        CHECK(pages[1]["meta"]["records_complete"] == false);
        CHECK_FALSE(pages[1]["meta"].contains("cursor"));
        CHECK(pages[2]["put_records"].size() == 5);
        CHECK(pages[2]["meta"]["records_complete"] == true);
        CHECK(pages[2]["meta"]["cursor"] == r.cursor());
    }

    SECTION("written whole, it restores as one transaction would") {
        DeviceImage device;
        CHECK(write_pages_to_device(r, device, 10) == 3);
        auto restored = device.restore(w.env);
        REQUIRE(restored);
        CHECK(restored->confirmed() == r.confirmed());
        CHECK(restored->cursor() == r.cursor());
        CHECK(restored->outbox() == r.outbox());
    }

    SECTION("cut off after two pages, the next start loads the records again and keeps the work") {
        DeviceImage device;
        CHECK(write_pages_to_device(r, device, 10, 2) == 2);
        CHECK(device.records.size() == 20);
        CHECK_FALSE(stored_records_complete(device.meta));
        auto restored = device.restore(w.env);
        REQUIRE(restored);
        CHECK(restored->cursor() == 0);
        CHECK(restored->confirmed().size() == 0);
        CHECK(restored->outbox().size() == 1);
        CHECK(restored->view().find("incident", case_id(7)));
        // Its journal clears the partial records; the sync from cursor 0 brings them all.
        w.pull(*restored);
        CHECK(restored->confirmed() == r.confirmed());
        write_pages_to_device(*restored, device, 10);
        CHECK(stored_records_complete(device.meta));
        CHECK(device.records.size() == 25);
        auto again = device.restore(w.env);
        REQUIRE(again);
        CHECK(again->confirmed() == r.confirmed());
        CHECK(again->cursor() == r.cursor());
    }

    SECTION("a refused page is written again with the rest, and the series still ends complete") {
        DeviceImage device;
        DeviceJournal j = r.take_journal();
        device.apply(j.take_page(10).to_batch_json(r.client_id()));
        DeviceJournal refused = j.take_page(10);  // the device said no
        refused.merge_newer(std::move(j));
        CHECK_FALSE(stored_records_complete(device.meta));
        while (!refused.empty()) device.apply(refused.take_page(10).to_batch_json(r.client_id()));
        CHECK(stored_records_complete(device.meta));
        CHECK(device.records.size() == 25);
        CHECK(device.meta["cursor"] == r.cursor());
    }

    SECTION("a pull page small enough for one batch writes no marker") {
        DeviceImage device;
        write_pages_to_device(r, device, 100);
        w.server.seed({Record{"account", make_uuid_v4(42, 1), {{"name", "Later"}}}});
        w.pull(r);
        const Json batch = Json::parse(r.take_journal().take_page(100).to_batch_json(r.client_id()));
        CHECK_FALSE(batch["meta"].contains("records_complete"));
        CHECK(batch["meta"].contains("cursor"));
    }
}

TEST_CASE("an edit's own batch holds only the new work, never a page of records", "[sync][device]") {
    World w;
    Replica r = replica_with_accounts(w, "tablet-8", 30, 43);
    const Mutation m = w.create_case(r, case_id(8), "Urgent");
    DeviceJournal rest = r.take_journal();
    DeviceJournal edit = rest.take_new_work();
    CHECK(edit.holds_new_work());
    CHECK(edit.newest_outbox_seq() == m.client_seq);
    CHECK(edit.record_change_count() == 0);
    const Json batch = Json::parse(edit.to_batch_json(r.client_id()));
    CHECK(batch["strict"] == true);
    CHECK(batch["put_outbox"].size() == 1);
    CHECK(batch["meta"]["next_client_seq"] == m.client_seq + 1);
    CHECK_FALSE(batch["meta"].contains("cursor"));
    CHECK_FALSE(rest.holds_new_work());
    CHECK(rest.record_change_count() == 30);
}
