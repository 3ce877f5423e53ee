// record.create / record.update / record.delete, the conflict rule and conflict.restore,
// all-or-nothing application, and the Mutation wire shape.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/apply/conflict.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string case_id = make_uuid_v4(1, 1);

struct Fixture {
    Store store;
    SyncHistory history;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {"Customer Service Representative"}, "Alex Taylor"};
    UserContext sam{"user-sam", "bu-1", {}, {"Customer Service Representative"}, "Sam Lee"};
    int counter = 100;

    Status run(const UserContext& user, const std::string& name, const Json& args, TimestampMs now = 1000,
               const SyncHistory* h = nullptr) {
        Mutation m{make_uuid_v4(7, static_cast<std::uint64_t>(++counter)), "c1", 1, name, args, now};
        ApplyContext ctx(store, user, now, policy, m, h);
        return apply_mutation(registry, ctx);
    }
};

// Fails every validation, to show that nothing is left behind.
class RefusingPolicy final : public Policy {
public:
    Status validate(const Store&, const Record&, const Record*) const override {
        return make_error("invalid", "title is required", "title");
    }
    Record prepare_create(const Store&, Record r, const UserContext&) const override { return r; }
    Status check(const Store&, const UserContext&, Privilege, const Record&) const override { return {}; }
    Status check_fields(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    Status check_write(const Store&, const UserContext&, const WriteRequest& write) const override {
        if (write.kind == WriteKind::remove) return make_error("forbidden", "Alex may not delete cases");
        return {};
    }
    bool can_read(const Store&, const UserContext&, const Record&) const override { return true; }
};

}  // namespace

TEST_CASE("record.create makes the record with the given fields and stamps who and when", "[mutation]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "Printer on fire"}}),
                  1700000000000));
    const Record* r = f.store.find("incident", case_id);
    REQUIRE(r);
    CHECK(r->attributes["title"] == "Printer on fire");
    CHECK(r->attributes["createdon"] == "2023-11-14T22:13:20Z");
    CHECK(r->attributes["modifiedby"] == make_lookup("systemuser", "user-alex"));

    SECTION("a second create with the same id is rejected") {
        auto s = f.run(f.sam, "record.create", record_create_args("incident", case_id, {{"title", "x"}}));
        REQUIRE_FALSE(s);
        CHECK(s.error().code == "already_exists");
        CHECK(f.store.find("incident", case_id)->attributes["title"] == "Printer on fire");
    }
    SECTION("an id that is not a UUID, a stamped field or an unknown argument is rejected with its name") {
        auto s1 = f.run(f.alex, "record.create", record_create_args("incident", "CAS-1", Json::object()));
        CHECK(s1.error().field == "id");
        auto s2 = f.run(f.alex, "record.create",
                        record_create_args("incident", make_uuid_v4(2, 2), {{"createdon", "2020-01-01"}}));
        CHECK(s2.error().code == "read_only");
        Json args = record_create_args("incident", make_uuid_v4(3, 3), Json::object());
        args["feilds"] = Json::object();
        auto s3 = f.run(f.alex, "record.create", args);
        CHECK(s3.error().code == "unknown_field");
        CHECK(s3.error().field == "feilds");
        CHECK(f.store.size() == 1);
    }
}

TEST_CASE("record.update merges fields and keeps a value someone else wrote in a conflict", "[mutation][conflict]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "record.create",
                  record_create_args("incident", case_id, {{"title", "Old"}, {"prioritycode", 2}, {"ownerid",
                                                           make_lookup("systemuser", "user-alex")}})));
    const Store seen_by_both = f.store;

    SECTION("fields not named are kept and null clears a field") {
        REQUIRE(f.run(f.alex, "record.update",
                      record_update_args(f.store, "incident", case_id, {{"prioritycode", nullptr}}), 2000));
        const Record* r = f.store.find("incident", case_id);
        CHECK(r->attributes["title"] == "Old");
        CHECK_FALSE(r->attributes.contains("prioritycode"));
        CHECK(r->attributes["modifiedon"] == format_utc(2000));
        CHECK(conflicts_on(f.store, "incident", case_id).empty());
    }
    SECTION("two agents editing different fields both keep their change and no conflict is made") {
        REQUIRE(f.run(f.alex, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "A"}})));
        REQUIRE(f.run(f.sam, "record.update",
                      record_update_args(seen_by_both, "incident", case_id, {{"prioritycode", 1}})));
        const Record* r = f.store.find("incident", case_id);
        CHECK(r->attributes["title"] == "A");
        CHECK(r->attributes["prioritycode"] == 1);
        CHECK(f.store.count(conflict_entity) == 0);
    }
    SECTION("the same field edited by two agents: the later one wins and the earlier value is kept") {
        REQUIRE(f.run(f.alex, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "A"}})));
        REQUIRE(f.run(f.sam, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "S"}})));
        CHECK(f.store.find("incident", case_id)->attributes["title"] == "S");
        auto conflicts = conflicts_on(f.store, "incident", case_id);
        REQUIRE(conflicts.size() == 1);
        const Json& c = conflicts[0].attributes;
        CHECK(c["attributename"] == "title");
        CHECK(c["losingvalue"] == "\"A\"");
        CHECK(c["winningvalue"] == "\"S\"");
        CHECK(c["winninguserid"] == make_lookup("systemuser", "user-sam"));
        CHECK(c["isresolved"] == false);
        CHECK(c["ownerid"] == make_lookup("systemuser", "user-alex"));  // visible to whoever sees the case

        SECTION("restoring puts the kept value back and marks the conflict resolved") {
            REQUIRE(f.run(f.alex, "conflict.restore", {{"id", conflicts[0].id}}));
            CHECK(f.store.find("incident", case_id)->attributes["title"] == "A");
            CHECK(f.store.find(conflict_entity, conflicts[0].id)->attributes["isresolved"] == true);
            CHECK(f.store.count(conflict_entity) == 1);  // no new conflict: the value was still S
            auto again = f.run(f.alex, "conflict.restore", {{"id", conflicts[0].id}});
            CHECK(again.error().code == "already_resolved");
        }
    }
    SECTION("two agents setting the same new value is not a conflict") {
        REQUIRE(f.run(f.alex, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "X"}})));
        REQUIRE(f.run(f.sam, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "X"}})));
        CHECK(f.store.count(conflict_entity) == 0);
    }
    SECTION("the server names the losing mutation and its author") {
        f.history.writers[record_key("incident", case_id)]["title"] = FieldWriter{"m-earlier", "user-alex"};
        REQUIRE(f.run(f.sam, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "S"}}),
                      3000, &f.history));
        // title was "Old" when both read it and is still "Old": no conflict yet.
        CHECK(f.store.count(conflict_entity) == 0);
        REQUIRE(f.run(f.alex, "record.update", record_update_args(seen_by_both, "incident", case_id, {{"title", "A"}}),
                      4000, &f.history));
        auto conflicts = conflicts_on(f.store, "incident", case_id);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].attributes["losingmutationid"] == "m-earlier");
        CHECK(conflicts[0].attributes["losinguserid"] == make_lookup("systemuser", "user-alex"));
    }
    SECTION("a stamped field cannot be updated") {
        auto s = f.run(f.alex, "record.update", record_update_args(f.store, "incident", case_id, {{"modifiedby", 1}}));
        CHECK(s.error().code == "read_only");
    }
}

TEST_CASE("updating or deleting a deleted record is rejected and says who deleted it", "[mutation]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "T"}})));
    const Store before = f.store;
    REQUIRE(f.run(f.sam, "record.delete", record_delete_args(f.store, "incident", case_id)));
    CHECK_FALSE(f.store.find("incident", case_id));
    f.history.tombstones[record_key("incident", case_id)] = Tombstone{"user-sam", 5};

    auto u = f.run(f.alex, "record.update", record_update_args(before, "incident", case_id, {{"title", "U"}}), 1,
                   &f.history);
    REQUIRE_FALSE(u);
    CHECK(u.error().code == "deleted");
    CHECK(u.error().message == "This incident was deleted by user-sam; your change to it was not applied.");
    auto d = f.run(f.alex, "record.delete", record_delete_args(before, "incident", case_id), 1, &f.history);
    CHECK(d.error().code == "deleted");
    auto without_history = f.run(f.alex, "record.update", record_update_args(before, "incident", case_id, {{"a", 1}}));
    CHECK(without_history.error().code == "not_found");
}

TEST_CASE("deleting a record someone else edited deletes it and keeps the edited record as a conflict",
          "[mutation][conflict]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "T"}})));
    const Store seen_by_sam = f.store;
    REQUIRE(f.run(f.alex, "record.update", record_update_args(f.store, "incident", case_id, {{"title", "Edited"}})));
    REQUIRE(f.run(f.sam, "record.delete", record_delete_args(seen_by_sam, "incident", case_id)));
    CHECK_FALSE(f.store.find("incident", case_id));
    auto conflicts = conflicts_on(f.store, "incident", case_id);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attributes["attributename"] == "");
    const Json kept = Json::parse(conflicts[0].attributes["losingvalue"].get<std::string>());
    CHECK(kept["title"] == "Edited");

    SECTION("restoring re-creates the record as it was") {
        REQUIRE(f.run(f.alex, "conflict.restore", {{"id", conflicts[0].id}}));
        REQUIRE(f.store.find("incident", case_id));
        CHECK(f.store.find("incident", case_id)->attributes["title"] == "Edited");
    }
    SECTION("a delete by someone who saw the latest state keeps no conflict") {
        Fixture g;
        REQUIRE(g.run(g.alex, "record.create", record_create_args("incident", case_id, {{"title", "T"}})));
        REQUIRE(g.run(g.sam, "record.delete", record_delete_args(g.store, "incident", case_id)));
        CHECK(g.store.size() == 0);
    }
}

TEST_CASE("a mutation that fails leaves the store exactly as it was", "[mutation]") {
    Fixture f;
    REQUIRE(f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "T"}})));
    const Json before = f.store.dump();

    SECTION("a handler that wrote records and then failed is rolled back") {
        f.registry.add("test.half", [](ApplyContext& ctx, const Json&) -> Status {
            if (auto s = create_record(ctx, Record{"incident", make_uuid_v4(9, 9), {{"title", "half"}}}); !s) return s;
            if (auto s = delete_record(ctx, *ctx.store().find("incident", case_id)); !s) return s;
            return make_error("invalid", "second step failed");
        });
        auto s = f.run(f.alex, "test.half", Json::object());
        CHECK(s.error().message == "second step failed");
        CHECK(f.store.dump() == before);
    }
    SECTION("validation and privilege errors come back with the policy's message") {
        RefusingPolicy refusing;
        Mutation m{make_uuid_v4(8, 8), "c1", 1, "record.update",
                   record_update_args(f.store, "incident", case_id, {{"title", ""}}), 1};
        ApplyContext ctx(f.store, f.alex, 1, refusing, m);
        auto s = apply_mutation(f.registry, ctx);
        CHECK(s.error().field == "title");
        Mutation d{make_uuid_v4(8, 9), "c1", 2, "record.delete", record_delete_args(f.store, "incident", case_id), 1};
        ApplyContext ctx2(f.store, f.alex, 1, refusing, d);
        CHECK(apply_mutation(f.registry, ctx2).error().code == "forbidden");
        CHECK(f.store.dump() == before);
    }
    SECTION("an unknown mutation name is rejected") {
        auto s = f.run(f.alex, "case.teleport", Json::object());
        CHECK(s.error().code == "unknown_mutation");
    }
}

TEST_CASE("mutations and results round-trip through JSON and bad JSON is an error that names the field",
          "[mutation]") {
    Mutation m{make_uuid_v4(4, 4), "client-1", 3, "record.update", {{"entity", "incident"}}, 1700000000000};
    Json j = m;
    auto back = mutation_from_json(j);
    REQUIRE(back);
    CHECK(*back == m);

    MutationResult ok{m.id, MutationStatus::accepted, 42, {}};
    MutationResult no{m.id, MutationStatus::rejected, 0, make_error("forbidden", "no", "title")};
    CHECK(*mutation_result_from_json(Json(ok)) == ok);
    CHECK(*mutation_result_from_json(Json(no)) == no);

    Json bad = j;
    bad["client_seq"] = "3";
    CHECK(mutation_from_json(bad).error().field == "client_seq");
    bad = j;
    bad["extra"] = 1;
    CHECK(mutation_from_json(bad).error().code == "unknown_field");
    bad = j;
    bad["id"] = "not-a-uuid";
    CHECK(mutation_from_json(bad).error().field == "id");
    bad = j;
    bad.erase("name");
    CHECK(mutation_from_json(bad).error().code == "missing_field");
    CHECK_FALSE(mutation_from_json(Json::array()));
}

TEST_CASE("derived ids depend only on the mutation id and the salt", "[mutation]") {
    CHECK(uuid_from_text("a") == uuid_from_text("a"));
    CHECK(uuid_from_text("a") != uuid_from_text("b"));
    CHECK(is_uuid(uuid_from_text("")));
}

TEST_CASE("record triggers change the record before it is saved and write related records after", "[mutation]") {
    Fixture f;
    std::vector<std::string> seen;
    f.registry.add_trigger({"incident", "test.defaults",
                            [&](ApplyContext&, const Record* before, Record& r) -> Status {
                                seen.push_back(before ? "update" : "create");
                                if (!r.get("prioritycode")) r.attributes["prioritycode"] = 2;
                                return {};
                            },
                            [&](ApplyContext& ctx, const Record*, const Record& r) -> Status {
                                Record note{"annotation", ctx.derived_id("note"), Json::object()};
                                note.attributes["subject"] = "about " + r.attributes["title"].get<std::string>();
                                return create_record(ctx, note);
                            }});
    REQUIRE(f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "Printer"}})));
    CHECK(f.store.find("incident", case_id)->attributes["prioritycode"] == 2);
    CHECK(f.store.count("annotation") == 1);
    REQUIRE(f.run(f.alex, "record.update", record_update_args(f.store, "incident", case_id, {{"title", "Fax"}})));
    CHECK(seen == std::vector<std::string>{"create", "update"});
    CHECK(f.store.count("annotation") == 2);
    CHECK(f.store.count("account") == 0);
}

TEST_CASE("a trigger that refuses a write rolls back the whole mutation", "[mutation]") {
    Fixture f;
    f.registry.add_trigger({"incident", "test.after_refuses", nullptr,
                            [](ApplyContext& ctx, const Record*, const Record&) -> Status {
                                if (auto s = create_record(ctx, Record{"annotation", ctx.derived_id("n"), Json::object()}); !s)
                                    return s;
                                return make_error("forbidden", "No cases on Sundays.");
                            }});
    auto s = f.run(f.alex, "record.create", record_create_args("incident", case_id, {{"title", "Printer"}}));
    REQUIRE_FALSE(s);
    CHECK(s.error().message == "No cases on Sundays.");
    CHECK(f.store.count("incident") == 0);
    CHECK(f.store.count("annotation") == 0);
    // Triggers of other entities do not run.
    REQUIRE(f.run(f.alex, "record.create", record_create_args("account", make_uuid_v4(2, 2), {{"name", "Contoso"}})));
}
