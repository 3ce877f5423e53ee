// Schema behaviours: every entity of issue 3 exists with Dataverse names, audit and
// owner columns, localized option sets, state models, and a lossless JSON form.
#include <catch2/catch.hpp>

#include "core/schema/schema.hpp"
#include "core/schema/ticket_number.hpp"

using namespace casehub;

TEST_CASE("the built-in schema holds every entity the hub works with", "[schema]") {
    const Schema& s = casehub_schema();
    for (const char* name : {"account", "contact", "incident", "email", "task", "appointment", "phonecall",
                             "socialactivity", "annotation", "queue", "queueitem", "knowledgearticle", "entitlement",
                             "sla", "slakpiinstance", "socialprofile", "site", "equipment", "systemuser", "team",
                             "businessunit", "role", "postfollow"}) {
        INFO(name);
        const EntityDef* e = s.entity(name);
        REQUIRE(e != nullptr);
        CHECK(e->attribute("createdon") != nullptr);
        CHECK(e->attribute("modifiedby") != nullptr);
        CHECK(e->attribute(e->name + "id") == nullptr);  // the key is Record.id
        CHECK_FALSE(e->label.fr.empty());
        CHECK_FALSE(e->label.id.empty());
        if (e->user_owned) {
            REQUIRE(e->attribute("ownerid") != nullptr);
            CHECK(e->attribute("ownerid")->targets == std::vector<std::string>{"systemuser", "team"});
            CHECK(e->attribute("owningbusinessunit") != nullptr);
        }
    }
    CHECK(s.entity("opportunity") == nullptr);
    CHECK(std::is_sorted(s.entities.begin(), s.entities.end(),
                         [](const EntityDef& a, const EntityDef& b) { return a.name < b.name; }));
}

TEST_CASE("the case entity follows Dataverse names, types and states", "[schema]") {
    const EntityDef& e = *casehub_schema().entity("incident");
    CHECK(e.attribute("title")->required);
    CHECK(e.attribute("customerid")->type == AttributeType::Customer);
    CHECK(e.attribute("customerid")->targets == std::vector<std::string>{"account", "contact"});
    CHECK(e.attribute("description")->type == AttributeType::Memo);
    CHECK(e.attribute("parentcaseid")->targets == std::vector<std::string>{"incident"});

    SECTION("priority labels exist in English, French and Indonesian") {
        const OptionValue* high = e.attribute("prioritycode")->option(1);
        REQUIRE(high);
        CHECK(high->label.en == "High");
        CHECK(high->label.in("fr") == "Élevée");
        CHECK(high->label.in("id") == "Tinggi");
        CHECK(high->label.in("de") == "High");
        CHECK(e.attribute("prioritycode")->option(3)->label.in("id") == "Rendah");
        CHECK(e.attribute("prioritycode")->option(4) == nullptr);
    }
    SECTION("status reasons belong to their states") {
        CHECK(e.status(1)->state == 0);
        CHECK(e.status(4)->state == 0);
        CHECK(e.status(5)->state == 1);
        CHECK(e.status(1000)->state == 1);
        CHECK(e.status(6)->state == 2);
        CHECK(e.status(2000)->state == 2);
        CHECK(e.status(7) == nullptr);
    }
}

TEST_CASE("the schema survives a JSON round trip unchanged", "[schema]") {
    const Schema& s = casehub_schema();
    const Json j = s;
    auto back = parse_schema(j);
    REQUIRE(back.ok());
    CHECK(*back == s);
    CHECK(Json(*back) == j);

    SECTION("malformed schema JSON is reported, not thrown") {
        CHECK_FALSE(parse_schema(Json::array()).ok());
        Json bad = j;
        bad["entities"][0]["attributes"][0]["type"] = "blob";
        auto r = parse_schema(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("unknown type") != std::string::npos);
    }
}

TEST_CASE("ticket numbers carry a per-client suffix and validate their shape", "[schema][ticket]") {
    CHECK(make_ticket_number(1042, "x1y2z3") == "CAS-01042-X1Y2Z3");
    CHECK(make_ticket_number(123456, "AB-CD12") == "CAS-123456-ABCD12");
    const std::string suffix = make_ticket_suffix(0x0123456789ABCDEFULL);
    CHECK(suffix.size() == 6);
    CHECK(suffix != make_ticket_suffix(0x0123456789ABCDEEULL));
    CHECK(is_ticket_number(make_ticket_number(7, suffix)));
    CHECK(is_ticket_number("CAS-01042-X1Y2"));
    CHECK_FALSE(is_ticket_number("CAS-1042-X1Y2Z3"));
    CHECK_FALSE(is_ticket_number("CAS-01042-x1y2z3"));
    CHECK_FALSE(is_ticket_number("CAS-01042-X1Y2Z3A"));
    CHECK_FALSE(is_ticket_number("INC-01042-X1Y2Z3"));
}
