// Validation behaviours: each kind of error a person can act on, and the state
// transitions of every entity family (cases, activities, knowledge articles,
// entitlements, SLAs, active/inactive records).
#include <catch2/catch.hpp>

#include "core/schema/state_model.hpp"
#include "core/base/uuid.hpp"
#include "core/apply/validation.hpp"

using namespace casehub;

namespace {

std::string vid(std::uint64_t n) { return make_uuid_v4(0xABCD, n); }

const std::string kAccount = vid(1), kContact = vid(2), kUser = vid(3), kUnit = vid(4), kQueue = vid(5),
                  kCase = vid(6);

Store reference_store() {
    Store s;
    s.upsert(Record{"businessunit", kUnit, {{"name", "Contoso France"}}});
    s.upsert(Record{"systemuser", kUser, {{"domainname", "camille"}, {"businessunitid", make_lookup("businessunit", kUnit)}}});
    s.upsert(Record{"account", kAccount, {{"name", "Fabrikam"}}});
    s.upsert(Record{"contact", kContact, {{"lastname", "Lestari"}}});
    s.upsert(Record{"queue", kQueue, {{"name", "Gold"}}});
    s.upsert(Record{"incident", kCase, {{"title", "Existing"}, {"customerid", make_lookup("account", kAccount)}}});
    return s;
}

Record new_case() {
    return Record{"incident", vid(100),
                  {{"title", "Imprimante en panne"},
                   {"customerid", make_lookup("account", kAccount)},
                   {"prioritycode", 2},
                   {"ticketnumber", "CAS-01042-X1Y2Z3"},
                   {"ownerid", make_lookup("systemuser", kUser)},
                   {"createdon", "2026-11-24T09:37:38Z"},
                   {"statecode", 0},
                   {"statuscode", 1}}};
}

Error error_of(const Status& s) {
    REQUIRE_FALSE(s.ok());
    return s.error();
}

}  // namespace

TEST_CASE("a well-formed case passes validation", "[validation]") {
    const Store store = reference_store();
    CHECK(validate_record(casehub_schema(), store, new_case(), nullptr).ok());
    Record minimal{"incident", vid(101), {{"title", "x"}, {"customerid", make_lookup("contact", kContact)}}};
    CHECK(validate_record(casehub_schema(), store, minimal, nullptr).ok());
}

TEST_CASE("validation names the attribute and says what to do", "[validation]") {
    const Store store = reference_store();
    const Schema& schema = casehub_schema();
    Record r = new_case();

    SECTION("unknown entity and malformed id") {
        Record bad{"opportunity", vid(1), {}};
        CHECK(error_of(validate_record(schema, store, bad, nullptr)).code == "unknown_entity");
        r.id = "42";
        CHECK(error_of(validate_record(schema, store, r, nullptr)).code == "invalid_id");
    }
    SECTION("unknown attribute") {
        r.attributes["incidentid"] = vid(9);
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "unknown_attribute");
        CHECK(e.field == "incidentid");
    }
    SECTION("wrong type") {
        r.attributes["prioritycode"] = "High";
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "invalid_type");
        CHECK(e.field == "prioritycode");
        CHECK(e.message.find("got string") != std::string::npos);
    }
    SECTION("option not in the set lists the allowed ones") {
        r.attributes["prioritycode"] = 9;
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "invalid_option");
        CHECK(e.message.find("1 High") != std::string::npos);
    }
    SECTION("required missing, on create and on update") {
        r.attributes.erase("title");
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "required");
        CHECK(e.field == "title");
        Record before = new_case();
        r.attributes["title"] = nullptr;
        CHECK(error_of(validate_record(schema, store, r, &before)).field == "title");
    }
    SECTION("system attributes are never required") {
        r.attributes.erase("createdon");
        r.attributes.erase("ownerid");
        CHECK(validate_record(schema, store, r, nullptr).ok());
    }
    SECTION("lookup to the wrong entity") {
        r.attributes["customerid"] = make_lookup("queue", kQueue);
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "invalid_lookup");
        CHECK(e.message.find("account or contact") != std::string::npos);
    }
    SECTION("lookup to a missing record") {
        r.attributes["customerid"] = make_lookup("account", vid(999));
        auto e = error_of(validate_record(schema, store, r, nullptr));
        CHECK(e.code == "lookup_not_found");
        CHECK(e.field == "customerid");
    }
    SECTION("malformed datetime, lookup shape and ticket number") {
        r.attributes["createdon"] = "24/11/2026";
        CHECK(error_of(validate_record(schema, store, r, nullptr)).code == "invalid_format");
        r = new_case();
        r.attributes["ownerid"] = kUser;
        CHECK(error_of(validate_record(schema, store, r, nullptr)).code == "invalid_type");
        r = new_case();
        r.attributes["ticketnumber"] = "1042";
        CHECK(error_of(validate_record(schema, store, r, nullptr)).field == "ticketnumber");
    }
    SECTION("text longer than the attribute allows") {
        r.attributes["title"] = std::string(201, 'a');
        CHECK(error_of(validate_record(schema, store, r, nullptr)).code == "too_long");
        r.attributes["title"] = std::string(100, 'a') + std::string(50, 'e') + "é";  // 151 characters
        CHECK(validate_record(schema, store, r, nullptr).ok());
    }
}

TEST_CASE("case states follow Dataverse: resolve, cancel, reactivate, never resolved to canceled",
          "[validation][state]") {
    const Store store = reference_store();
    const Schema& schema = casehub_schema();
    const Record active = new_case();
    auto move = [&](int state, int status) {
        Record after = active;
        after.attributes["statecode"] = state;
        after.attributes["statuscode"] = status;
        return after;
    };

    CHECK(validate_record(schema, store, move(0, 2), &active).ok());     // On Hold
    CHECK(validate_record(schema, store, move(1, 5), &active).ok());     // Problem Solved
    CHECK(validate_record(schema, store, move(1, 1000), &active).ok());  // Information Provided
    CHECK(validate_record(schema, store, move(2, 2000), &active).ok());  // Merged

    SECTION("a status reason of another state is refused") {
        auto e = error_of(validate_record(schema, store, move(1, 6), &active));
        CHECK(e.code == "invalid_status");
        CHECK(e.field == "statuscode");
        CHECK(e.message.find("Canceled") != std::string::npos);
    }
    SECTION("resolved goes back to active, not to canceled") {
        const Record resolved = move(1, 5);
        CHECK(validate_record(schema, store, move(0, 1), &resolved).ok());
        auto e = error_of(validate_record(schema, store, move(2, 6), &resolved));
        CHECK(e.code == "invalid_transition");
        CHECK(e.message.find("Resolved") != std::string::npos);
    }
    SECTION("an unknown statecode is refused") {
        CHECK(error_of(validate_record(schema, store, move(7, 1), &active)).code == "invalid_state");
    }
    SECTION("changing state without a status reason takes the state's default") {
        Record after = active;
        after.attributes["statecode"] = 1;
        after.attributes.erase("statuscode");
        CHECK(validate_record(schema, store, after, &active).ok());
    }
}

TEST_CASE("every entity family enforces its own transitions", "[validation][state]") {
    const Schema& s = casehub_schema();
    auto check = [&](const char* entity, int from_state, int from_status, int to_state, int to_status) {
        return check_state_transition(*s.entity(entity), StatePair{from_state, from_status}, StatePair{to_state, to_status});
    };

    SECTION("activities: open to completed or canceled, closed activities stay closed") {
        CHECK(check("task", 0, 2, 1, 5).ok());
        CHECK(check("task", 0, 3, 2, 6).ok());
        CHECK(check("task", 1, 5, 0, 2).error().code == "invalid_transition");
        CHECK(check("email", 0, 1, 1, 3).ok());          // Sent
        CHECK(check("email", 0, 1, 1, 5).error().code == "invalid_status");
        CHECK(check("phonecall", 0, 1, 1, 2).ok());      // Made
        CHECK(check("phonecall", 2, 3, 1, 2).error().code == "invalid_transition");
        CHECK(check("appointment", 0, 1, 3, 5).ok());    // Scheduled, Busy
        CHECK(check("appointment", 3, 5, 1, 3).ok());
        CHECK(check("socialactivity", 0, 1, 1, 2).ok());
        CHECK(check("socialactivity", 1, 2, 2, 3).error().code == "invalid_transition");
    }
    SECTION("knowledge articles: draft, approved, published, expired, archived") {
        CHECK(check("knowledgearticle", 0, 2, 1, 5).ok());
        CHECK(check("knowledgearticle", 1, 5, 3, 7).ok());
        CHECK(check("knowledgearticle", 3, 7, 5, 11).ok());
        CHECK(check("knowledgearticle", 5, 11, 3, 7).error().code == "invalid_transition");
        CHECK(check("knowledgearticle", 6, 13, 3, 7).error().code == "invalid_transition");
    }
    SECTION("entitlements: draft to active, active to expired or cancelled") {
        CHECK(check("entitlement", 1, 0, 0, 1).ok());
        CHECK(check("entitlement", 0, 1, 2, 2).ok());
        CHECK(check("entitlement", 4, 1201, 0, 1).error().code == "invalid_transition");
        CHECK(check("entitlement", 1, 0, 2, 2).error().code == "invalid_transition");
    }
    SECTION("active/inactive entities and SLAs toggle") {
        for (const char* e : {"account", "contact", "queue", "queueitem", "socialprofile"}) {
            INFO(e);
            CHECK(check(e, 0, 1, 1, 2).ok());
            CHECK(check(e, 1, 2, 0, 1).ok());
            CHECK(check(e, 0, 1, 1, 1).error().code == "invalid_status");
        }
        CHECK(check("sla", 0, 1, 1, 2).ok());
    }
    SECTION("a new record may start in any valid pair, defaults fill what is missing") {
        CHECK(check_state_transition(*s.entity("incident"), std::nullopt, StatePair{1, 5}).ok());
        Record r{"entitlement", vid(1), {}};
        apply_default_state(*s.entity("entitlement"), r);
        CHECK(r.attributes["statecode"] == 1);
        CHECK(r.attributes["statuscode"] == 0);
        Record t{"task", vid(2), {{"statecode", 1}}};
        apply_default_state(*s.entity("task"), t);
        CHECK(t.attributes["statuscode"] == 5);
    }
}

TEST_CASE("other entity families validate their required fields and lookups", "[validation]") {
    const Store store = reference_store();
    const Schema& schema = casehub_schema();
    auto code_of = [&](Record r) {
        auto s = validate_record(schema, store, r, nullptr);
        return s.ok() ? std::string("ok") : s.error().code + ":" + s.error().field;
    };
    CHECK(code_of({"task", vid(10), {{"subject", "Call back"}, {"regardingobjectid", make_lookup("incident", kCase)},
                                     {"scheduledend", "2026-11-25T17:00:00Z"}, {"actualdurationminutes", 30}}}) == "ok");
    CHECK(code_of({"task", vid(10), {{"regardingobjectid", make_lookup("incident", kCase)}}}) == "required:subject");
    CHECK(code_of({"email", vid(11), {{"subject", "Re"}, {"regardingobjectid", make_lookup("systemuser", kUser)}}}) ==
          "invalid_lookup:regardingobjectid");
    CHECK(code_of({"queueitem", vid(12), {{"queueid", make_lookup("queue", kQueue)},
                                          {"objectid", make_lookup("incident", kCase)}}}) == "ok");
    CHECK(code_of({"queueitem", vid(12), {{"objectid", make_lookup("incident", kCase)}}}) == "required:queueid");
    CHECK(code_of({"annotation", vid(13), {{"notetext", "Rappeler le client"}, {"objectid", make_lookup("account", kAccount)}}}) == "ok");
    CHECK(code_of({"entitlement", vid(14), {{"name", "Gold"}, {"customerid", make_lookup("account", kAccount)},
                                            {"remainingterms", 15}, {"totalterms", 20.5}}}) == "ok");
    CHECK(code_of({"knowledgearticle", vid(15), {{"title", "Réinitialiser"}, {"languagecode", 1036}}}) == "ok");
    CHECK(code_of({"knowledgearticle", vid(15), {{"title", "x"}, {"isinternal", "yes"}}}) == "invalid_type:isinternal");
    CHECK(code_of({"systemuser", vid(16), {{"domainname", "dewi"}}}) == "required:businessunitid");
    CHECK(code_of({"postfollow", vid(17), {{"regardingobjectid", make_lookup("incident", kCase)},
                                           {"ownerid", make_lookup("systemuser", kUser)}}}) == "ok");
    CHECK(code_of({"contact", vid(18), {{"lastname", "Santoso"}, {"parentcustomerid", make_lookup("account", vid(77))}}}) ==
          "lookup_not_found:parentcustomerid");
}

TEST_CASE("queries are checked against the schema", "[validation][query]") {
    const Schema& s = casehub_schema();
    Query q;
    q.entity = "incident";
    q.filter.conditions.push_back({"statecode", Op::Eq, 0});
    q.sort.push_back({"createdon", true});
    CHECK(validate_query(s, q).ok());
    q.sort.push_back({"nope", false});
    CHECK(validate_query(s, q).error().field == "nope");
    q.sort.pop_back();
    q.filter.conditions.push_back({"prioritycode", Op::In, 1});
    CHECK(validate_query(s, q).error().code == "invalid_query");
    q.entity = "nothing";
    CHECK(validate_query(s, q).error().code == "unknown_entity");
}
