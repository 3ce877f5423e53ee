// Case lifecycle: resolve (with its incidentresolution), cancel, reactivate, status
// reasons, assign, follow/unfollow, merge, parent/child cases, read-only closed cases.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"
#include "core/apply/validation.hpp"

using namespace casehub;

namespace {

const std::string kCase = make_uuid_v4(10, 1);
const std::string kOther = make_uuid_v4(10, 2);
const std::string kThird = make_uuid_v4(10, 3);
const std::string kAccount = make_uuid_v4(11, 1);
const std::string kOtherAccount = make_uuid_v4(11, 2);
const std::string kProduct = make_uuid_v4(12, 1);
const std::string kAlex = make_uuid_v4(13, 1);
const std::string kSam = make_uuid_v4(13, 2);
const std::string kGoldTeam = make_uuid_v4(13, 3);
const std::string kBu1 = make_uuid_v4(13, 4);
const std::string kBu2 = make_uuid_v4(13, 5);

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{kAlex, kBu1, {}, {"Customer Service Representative"}, "Alex Taylor"};
    int counter = 0;

    Fixture() {
        store.upsert(Record{"account", kAccount, {{"name", "Contoso"}}});
        store.upsert(Record{"account", kOtherAccount, {{"name", "Fabrikam"}}});
        store.upsert(Record{"product", kProduct, {{"name", "Printer"}}});
        store.upsert(Record{"businessunit", kBu1, {{"name", "Contoso France"}}});
        store.upsert(Record{"businessunit", kBu2, {{"name", "Contoso Indonesia"}}});
        store.upsert(Record{"systemuser", kAlex, {{"fullname", "Alex Taylor"}, {"domainname", "alex"}, {"businessunitid", make_lookup("businessunit", kBu1)}}});
        store.upsert(Record{"systemuser", kSam, {{"fullname", "Sam Lee"}, {"businessunitid", make_lookup("businessunit", kBu2)}}});
        store.upsert(Record{"team", kGoldTeam, {{"name", "Gold"}, {"businessunitid", make_lookup("businessunit", kBu1)}}});
        add_case(kCase, "CAS-01001", kAccount);
        add_case(kOther, "CAS-01002", kAccount);
        add_case(kThird, "CAS-01003", kOtherAccount);
    }
    void add_case(const std::string& id, const std::string& number, const std::string& account) {
        store.upsert(Record{"incident", id,
                            {{"title", "Case " + number}, {"ticketnumber", number},
                             {"customerid", make_lookup("account", account)}, {"statecode", 0}, {"statuscode", 1},
                             {"ownerid", make_lookup("systemuser", kAlex)}}});
    }
    Status run(const std::string& name, const Json& args, TimestampMs now = 1700000000000) {
        Mutation m{make_uuid_v4(7, static_cast<std::uint64_t>(++counter)), "c1", 1, name, args, now};
        ApplyContext ctx(store, alex, now, policy, m);
        return apply_mutation(registry, ctx);
    }
    const Record& incident(const std::string& id) const { return *store.find("incident", id); }
    int state(const std::string& id) const { return incident(id).attributes["statecode"].get<int>(); }
    int status(const std::string& id) const { return incident(id).attributes["statuscode"].get<int>(); }
    std::vector<const Record*> resolutions(const std::string& id) const {
        return store.referencing("incidentresolution", "incidentid", id);
    }
};

}  // namespace

TEST_CASE("resolving a case closes it as Problem Solved and records the resolution with the time spent", "[case]") {
    Fixture f;
    REQUIRE(f.run("case.resolve", case_resolve_args(kCase, "Replaced the toner", case_status::problem_solved, 45)));
    CHECK(f.state(kCase) == case_state::resolved);
    CHECK(f.status(kCase) == case_status::problem_solved);
    CHECK(f.incident(kCase).attributes["resolvedon"] == "2023-11-14T22:13:20Z");
    const auto res = f.resolutions(kCase);
    REQUIRE(res.size() == 1);
    CHECK(res[0]->attributes["subject"] == "Replaced the toner");
    CHECK(res[0]->attributes["timespent"] == 45);
    CHECK(res[0]->attributes["statecode"] == 1);
    CHECK(res[0]->attributes["createdby"] == make_lookup("systemuser", kAlex));

    SECTION("the resolution is a valid record of the schema") {
        const Status valid = validate_record(casehub_schema(), f.store, *res[0], nullptr);
        INFO((valid ? std::string() : valid.error().message));
        CHECK(valid);
    }
    SECTION("Information Provided is the other resolution type") {
        REQUIRE(f.run("case.resolve", case_resolve_args(kOther, "Sent the manual", case_status::information_provided, 0)));
        CHECK(f.status(kOther) == case_status::information_provided);
    }
    SECTION("resolving it again says it is already resolved") {
        auto s = f.run("case.resolve", case_resolve_args(kCase, "Again", case_status::problem_solved, 0));
        REQUIRE_FALSE(s);
        CHECK(s.error().message == "CAS-01001 is already resolved.");
        CHECK(f.resolutions(kCase).size() == 1);
    }
}

TEST_CASE("a case is not resolved without a resolution or with a status reason of another state", "[case]") {
    Fixture f;
    auto blank = f.run("case.resolve", case_resolve_args(kCase, "   ", case_status::problem_solved, 10));
    REQUIRE_FALSE(blank);
    CHECK(blank.error().field == "subject");
    auto wrong = f.run("case.resolve", case_resolve_args(kCase, "Done", 2, 10));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().field == "statuscode");
    auto negative = f.run("case.resolve", case_resolve_args(kCase, "Done", case_status::problem_solved, -5));
    CHECK(negative.error().field == "timespent");
    CHECK(f.state(kCase) == case_state::active);
    CHECK(f.resolutions(kCase).empty());
}

TEST_CASE("a case with active child cases cannot be resolved until they are closed", "[case]") {
    Fixture f;
    REQUIRE(f.run("record.update", record_update_args(f.store, "incident", kOther, {{"parentcaseid", make_lookup("incident", kCase)}})));
    auto s = f.run("case.resolve", case_resolve_args(kCase, "Fixed", case_status::problem_solved, 5));
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "active_child_cases");
    CHECK(s.error().message ==
          "CAS-01001 has 1 active child case (CAS-01002); resolve or cancel them before resolving the parent case.");
    CHECK(f.state(kCase) == case_state::active);
    CHECK(f.resolutions(kCase).empty());  // nothing left behind

    REQUIRE(f.run("case.resolve", case_resolve_args(kOther, "Fixed", case_status::problem_solved, 5)));
    CHECK(f.run("case.resolve", case_resolve_args(kCase, "Fixed", case_status::problem_solved, 5)));
}

TEST_CASE("a resolved or canceled case is read-only until it is reactivated", "[case]") {
    Fixture f;
    REQUIRE(f.run("case.resolve", case_resolve_args(kCase, "Fixed", case_status::problem_solved, 5)));
    auto edit = f.run("record.update", record_update_args(f.store, "incident", kCase, {{"title", "Changed"}}));
    REQUIRE_FALSE(edit);
    CHECK(edit.error().code == "read_only");
    CHECK(edit.error().message == "CAS-01001 is resolved; reactivate it before editing.");
    CHECK(f.incident(kCase).attributes["title"] == "Case CAS-01001");

    SECTION("a closed case may still be assigned") {
        CHECK(f.run("case.assign", {{"id", kCase}, {"ownerid", make_lookup("team", kGoldTeam)}}));
    }
    SECTION("reactivating reopens it In Progress, cancels its resolution and allows edits again") {
        REQUIRE(f.run("case.reactivate", {{"id", kCase}}));
        CHECK(f.state(kCase) == case_state::active);
        CHECK(f.status(kCase) == case_status::in_progress);
        CHECK_FALSE(f.incident(kCase).get("resolvedon"));
        CHECK(f.resolutions(kCase)[0]->attributes["statecode"] == 2);
        CHECK(f.run("record.update", record_update_args(f.store, "incident", kCase, {{"title", "Changed"}})));
    }
    SECTION("a canceled case says it is canceled") {
        REQUIRE(f.run("case.cancel", {{"id", kOther}}));
        CHECK(f.state(kOther) == case_state::canceled);
        CHECK(f.status(kOther) == case_status::canceled);
        auto s = f.run("case.set_status", {{"id", kOther}, {"statuscode", 6}});
        CHECK(s.error().message == "CAS-01002 is canceled; reactivate it before editing.");
        auto r = f.run("case.resolve", case_resolve_args(kOther, "x", case_status::problem_solved, 0));
        CHECK(r.error().message == "CAS-01002 is already canceled; reactivate it before resolving it.");
    }
}

TEST_CASE("only case.resolve moves a case to Resolved, so every resolution is recorded", "[case]") {
    Fixture f;
    auto s = f.run("record.update", record_update_args(f.store, "incident", kCase, {{"statecode", 1}, {"statuscode", 5}}));
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "use_resolve");
    CHECK(f.state(kCase) == case_state::active);
}

TEST_CASE("reactivate only reopens closed cases, and never a merged one", "[case]") {
    Fixture f;
    CHECK(f.run("case.reactivate", {{"id", kCase}}).error().message == "CAS-01001 is already active.");
    REQUIRE(f.run("case.merge", case_merge_args(kCase, {kOther})));
    auto s = f.run("case.reactivate", {{"id", kOther}});
    REQUIRE_FALSE(s);
    CHECK(s.error().message == "CAS-01002 was merged into CAS-01001; work on the case it was merged into instead.");
}

TEST_CASE("the status reason changes only within the case's state", "[case]") {
    Fixture f;
    REQUIRE(f.run("case.set_status", {{"id", kCase}, {"statuscode", 2}}));  // On Hold
    CHECK(f.status(kCase) == 2);
    auto s = f.run("case.set_status", {{"id", kCase}, {"statuscode", 5}});
    REQUIRE_FALSE(s);
    CHECK(s.error().field == "statuscode");
    CHECK(s.error().message ==
          "Problem Solved is not a status reason of an active case; use Resolve Case, Cancel Case or Reactivate to "
          "change its state.");
    CHECK(f.run("case.set_status", {{"id", kCase}, {"statuscode", 77}}).error().field == "statuscode");
}

TEST_CASE("a case is assigned to a user or a team, taking the owner's business unit", "[case]") {
    Fixture f;
    REQUIRE(f.run("case.assign", {{"id", kCase}, {"ownerid", make_lookup("systemuser", kSam)}}));
    CHECK(f.incident(kCase).attributes["ownerid"] == make_lookup("systemuser", kSam));
    CHECK(f.incident(kCase).attributes["owningbusinessunit"] == make_lookup("businessunit", kBu2));
    REQUIRE(f.run("case.assign", {{"id", kCase}, {"ownerid", make_lookup("team", kGoldTeam)}}));
    CHECK(f.incident(kCase).attributes["ownerid"] == make_lookup("team", kGoldTeam));
    CHECK(f.run("case.assign", {{"id", kCase}, {"ownerid", make_lookup("account", kAccount)}}).error().field == "ownerid");
    CHECK(f.run("case.assign", {{"id", kCase}, {"ownerid", make_lookup("systemuser", "nobody")}}).error().code ==
          "not_found");
}

TEST_CASE("following a case makes one postfollow for the agent; unfollowing removes it", "[case]") {
    Fixture f;
    REQUIRE(f.run("case.follow", {{"id", kCase}}));
    REQUIRE(f.run("case.follow", {{"id", kCase}}));  // twice: still one follow
    CHECK(f.store.count("postfollow") == 1);
    CHECK(is_following(f.store, kAlex, "incident", kCase));
    CHECK_FALSE(is_following(f.store, kSam, "incident", kCase));
    REQUIRE(f.run("case.unfollow", {{"id", kCase}}));
    CHECK(f.store.count("postfollow") == 0);
    CHECK_FALSE(is_following(f.store, kAlex, "incident", kCase));
}

TEST_CASE("merging moves activities, notes and child cases to the surviving case and cancels the merged one as Merged",
          "[case]") {
    Fixture f;
    const std::string task = make_uuid_v4(20, 1), note = make_uuid_v4(20, 2), child = make_uuid_v4(20, 3);
    f.store.upsert(Record{"task", task, {{"subject", "Call back"}, {"regardingobjectid", make_lookup("incident", kOther)}, {"statecode", 1}, {"statuscode", 5}}});
    f.store.upsert(Record{"annotation", note, {{"notetext", "Serial 42"}, {"objectid", make_lookup("incident", kOther)}}});
    f.add_case(child, "CAS-01009", kAccount);
    f.store.upsert([&] {
        Record r = f.incident(child);
        r.attributes["parentcaseid"] = make_lookup("incident", kOther);
        return r;
    }());

    REQUIRE(f.run("case.merge", case_merge_args(kCase, {kOther})));
    CHECK(f.state(kOther) == case_state::canceled);
    CHECK(f.status(kOther) == case_status::merged);
    CHECK(f.incident(kOther).attributes["masterid"] == make_lookup("incident", kCase));
    CHECK(f.store.find("task", task)->attributes["regardingobjectid"] == make_lookup("incident", kCase));
    CHECK(f.store.find("annotation", note)->attributes["objectid"] == make_lookup("incident", kCase));
    CHECK(f.incident(child).attributes["parentcaseid"] == make_lookup("incident", kCase));
    CHECK(f.state(kCase) == case_state::active);

    SECTION("cases of another customer are not merged, and nothing moves") {
        auto s = f.run("case.merge", case_merge_args(kCase, {kThird}));
        REQUIRE_FALSE(s);
        CHECK(s.error().message == "CAS-01003 is for another customer than CAS-01001; only cases of the same customer can be merged.");
        CHECK(f.state(kThird) == case_state::active);
    }
    SECTION("a closed case is neither merged nor merged into") {
        CHECK(f.run("case.merge", case_merge_args(kCase, {kOther})).error().code == "invalid_state");
        CHECK(f.run("case.merge", case_merge_args(kOther, {kCase})).error().code == "invalid_state");
    }
    SECTION("merging a case into itself alone is refused") {
        CHECK(f.run("case.merge", case_merge_args(kCase, {kCase})).error().field == "merge");
    }
}

TEST_CASE("a child case inherits customer and product from its parent and stays one level deep", "[case]") {
    Fixture f;
    f.store.upsert([&] {
        Record r = f.incident(kCase);
        r.attributes["productid"] = make_lookup("product", kProduct);
        return r;
    }());
    const std::string child = make_uuid_v4(30, 1);
    REQUIRE(f.run("record.create", record_create_args("incident", child,
                                                      {{"title", "Toner for floor 2"},
                                                       {"parentcaseid", make_lookup("incident", kCase)}})));
    CHECK(f.incident(child).attributes["customerid"] == make_lookup("account", kAccount));
    CHECK(f.incident(child).attributes["productid"] == make_lookup("product", kProduct));

    SECTION("a child's own customer is kept") {
        const std::string own = make_uuid_v4(30, 2);
        REQUIRE(f.run("record.create", record_create_args("incident", own,
                                                          {{"title", "x"}, {"customerid", make_lookup("account", kOtherAccount)},
                                                           {"parentcaseid", make_lookup("incident", kCase)}})));
        CHECK(f.incident(own).attributes["customerid"] == make_lookup("account", kOtherAccount));
    }
    SECTION("a child case cannot have child cases") {
        auto s = f.run("record.create", record_create_args("incident", make_uuid_v4(30, 3),
                                                           {{"title", "grandchild"},
                                                            {"parentcaseid", make_lookup("incident", child)}}));
        REQUIRE_FALSE(s);
        CHECK(s.error().field == "parentcaseid");
        CHECK(s.error().message == "Toner for floor 2 is itself a child case; a child case cannot have child cases.");
    }
    SECTION("a parent with children cannot become a child") {
        auto s = f.run("record.update", record_update_args(f.store, "incident", kCase,
                                                           {{"parentcaseid", make_lookup("incident", kOther)}}));
        CHECK(s.error().message == "CAS-01001 has child cases of its own, so it cannot become a child case.");
    }
    SECTION("a resolved case gets no new child cases") {
        REQUIRE(f.run("case.resolve", case_resolve_args(kOther, "Done", case_status::problem_solved, 0)));
        auto s = f.run("record.update", record_update_args(f.store, "incident", kThird,
                                                           {{"parentcaseid", make_lookup("incident", kOther)}}));
        CHECK(s.error().message == "CAS-01002 is resolved; reactivate it before adding child cases.");
    }
}

TEST_CASE("lifecycle mutations check privileges through the policy", "[case]") {
    Fixture f;
    SecurityPolicy security;
    Mutation m{make_uuid_v4(8, 1), "c1", 1, "case.resolve",
               case_resolve_args(kCase, "Fixed", case_status::problem_solved, 5), 1700000000000};
    UserContext nobody{"user-nobody", "bu-9", {}, {}, "Nobody"};
    ApplyContext ctx(f.store, nobody, 1700000000000, security, m);
    auto s = apply_mutation(f.registry, ctx);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "forbidden");
    CHECK(f.state(kCase) == case_state::active);
    CHECK(f.resolutions(kCase).empty());
}

TEST_CASE("resolved demo cases carry the resolution that closed them", "[case]") {
    Store store;
    DemoOptions options;
    options.case_count = 200;
    options.now_ms = 1700000000000;
    generate_demo_data(options, store);
    std::size_t resolved = 0;
    store.for_each("incident", [&](const Record& c) {
        const Json* state = c.get("statecode");
        if (!state || *state != case_state::resolved || !c.get("description")) return;
        ++resolved;
        const auto res = store.referencing("incidentresolution", "incidentid", c.id);
        REQUIRE(res.size() == 1);
        CHECK(validate_record(casehub_schema(), store, *res[0], nullptr));
    });
    CHECK(resolved > 0);
}
