// Forms and views metadata: parsed from JSON, checked against the schema, with the
// seeds' tabs per entity, localized labels, and views that run against a store.
#include <catch2/catch.hpp>

#include "core/metadata/metadata.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

std::string mid(std::uint64_t n) { return make_uuid_v4(0x3E7A, n); }

std::vector<std::string> tab_names(const Form& f) {
    std::vector<std::string> out;
    for (const auto& t : f.tabs) out.push_back(t.name);
    return out;
}

}  // namespace

TEST_CASE("forms and views parse from JSON text and report what is wrong", "[metadata]") {
    auto forms = parse_forms(R"({"forms":[{"entity":"account","label":{"en":"Account","fr":"Compte","id":"Akun"},
        "tabs":[{"name":"summary","label":{"en":"Summary"},"sections":[{"name":"s","fields":["name"],
        "subgrids":[{"name":"cases","entity":"incident","attribute":"customerid"}]}]}]}]})");
    REQUIRE(forms.ok());
    REQUIRE(forms->size() == 1);
    CHECK((*forms)[0].name == "main");
    CHECK((*forms)[0].tabs[0].sections[0].subgrids[0].entities == std::vector<std::string>{"incident"});
    CHECK((*forms)[0].tabs[0].label.in("fr") == "Summary");

    CHECK_FALSE(parse_forms("{not json").ok());
    CHECK(parse_forms(R"({"forms":[{"tabs":[]}]})").error().message.find("entity") != std::string::npos);
    CHECK_FALSE(parse_forms(R"({"views":[]})").ok());

    auto views = parse_views(R"({"views":[{"name":"v","entity":"incident","columns":[{"attribute":"title","width":200}],
        "filter":{"type":"and","conditions":[{"attribute":"ownerid","op":"eq","value":"@me"}]},
        "sort":[{"attribute":"createdon","descending":true}]}]})");
    REQUIRE(views.ok());
    CHECK((*views)[0].query.entity == "incident");
    CHECK((*views)[0].columns[0].width == 200);
    CHECK((*views)[0].query.sort[0].descending);
    auto bad = parse_views(R"({"views":[{"name":"v","entity":"incident","filter":{"conditions":[{"attribute":"x","op":"like"}]}}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "v");
}

TEST_CASE("the built-in metadata matches the schema and the seeds' tabs", "[metadata]") {
    const Metadata& m = casehub_metadata();
    REQUIRE_FALSE(m.forms.empty());
    REQUIRE_FALSE(m.views.empty());
    const Status checked = check_metadata(m, casehub_schema());
    INFO((checked.ok() ? std::string() : checked.error().message));
    CHECK(checked.ok());

    SECTION("tabs per entity as in the product documentation") {
        using V = std::vector<std::string>;
        CHECK(tab_names(*m.form("incident")) == V{"summary", "details", "case_relationships", "sla", "related"});
        CHECK(tab_names(*m.form("account")) == V{"summary", "details", "related"});
        CHECK(tab_names(*m.form("contact")) == V{"summary", "details", "related"});
        CHECK(tab_names(*m.form("knowledgearticle")) == V{"content", "summary", "analytics", "related"});
        for (const auto& a : activity_entities()) CHECK(tab_names(*m.form(a)) == V{"task", "related"});
        CHECK(tab_names(*m.form("socialprofile")) == V{"social_profile", "related"});
        CHECK(m.form("incident")->tabs[2].label.in("fr") == "Relations d'incidents");
        CHECK(m.form("incident")->tabs[2].label.in("id") == "Relasi Kasus");
    }
    SECTION("every entity of the schema has a form and a default view") {
        for (const auto& e : casehub_schema().entities) {
            INFO(e.name);
            CHECK(m.form(e.name) != nullptr);
            if (e.name != "email" && e.name != "task" && e.name != "phonecall" && e.name != "appointment" &&
                e.name != "socialactivity") {
                CHECK(m.default_view(e.name) != nullptr);
            }
        }
    }
    SECTION("the system views of the hub exist with localized labels") {
        for (const char* name : {"my_active_cases", "all_active_cases", "cases_i_follow", "resolved_cases", "my_activities",
                                 "activities_due", "active_accounts", "my_active_contacts", "active_contacts",
                                 "active_knowledge_articles", "social_profiles", "active_sites", "active_equipment",
                                 "active_queues"}) {
            INFO(name);
            const View* v = m.view(name);
            REQUIRE(v);
            CHECK_FALSE(v->columns.empty());
            CHECK_FALSE(v->label.fr.empty());
            CHECK_FALSE(v->label.id.empty());
        }
        CHECK(m.view("my_active_cases")->label.in("fr") == "Mes incidents actifs");
        CHECK(m.default_view("incident")->name == "my_active_cases");
    }
    SECTION("a form naming an unknown field is refused with the field named") {
        Metadata broken = m;
        broken.forms[0].tabs[0].sections[0].fields.push_back("nope");
        CHECK(check_metadata(broken, casehub_schema()).error().field == "nope");
    }
}

TEST_CASE("views run against a store for the signed-in user", "[metadata]") {
    const Metadata& m = casehub_metadata();
    const std::string me = mid(1), other = mid(2), account = mid(3);
    const TimestampMs now = *parse_utc("2026-11-24T12:00:00Z");
    Store s;
    auto add_case = [&](std::uint64_t n, const std::string& owner, int state, const char* created) {
        s.upsert(Record{"incident", mid(n),
                        {{"title", "Case " + std::to_string(n)}, {"customerid", make_lookup("account", account)},
                         {"ownerid", make_lookup("systemuser", owner)}, {"statecode", state},
                         {"statuscode", state == 0 ? 1 : 5}, {"prioritycode", 2}, {"createdon", created},
                         {"modifiedon", created}}});
    };
    add_case(10, me, 0, "2026-11-20T08:00:00Z");
    add_case(11, me, 0, "2026-11-24T08:00:00Z");
    add_case(12, other, 0, "2026-11-22T08:00:00Z");
    add_case(13, me, 1, "2026-11-23T08:00:00Z");

    SECTION("My Active Cases") {
        auto r = run_view(*m.view("my_active_cases"), s, me, now);
        REQUIRE(r.total == 2);
        CHECK(r.rows[0]->id == mid(11));  // newest first within the same priority
    }
    SECTION("Cases I Follow uses postfollow records owned by the user") {
        s.upsert(Record{"postfollow", mid(50), {{"regardingobjectid", make_lookup("incident", mid(12))},
                                                {"ownerid", make_lookup("systemuser", me)}}});
        s.upsert(Record{"postfollow", mid(51), {{"regardingobjectid", make_lookup("incident", mid(10))},
                                                {"ownerid", make_lookup("systemuser", other)}}});
        auto r = run_view(*m.view("cases_i_follow"), s, me, now);
        REQUIRE(r.total == 1);
        CHECK(r.rows[0]->id == mid(12));
        CHECK(run_view(*m.view("cases_i_follow"), s, mid(99), now).total == 0);
    }
    SECTION("Cases Opened Today binds @today") {
        CHECK(run_view(*m.view("cases_opened_today"), s, me, now).total == 1);
    }
    SECTION("My Activities merges every activity type in due order, paged") {
        auto add = [&](const char* entity, std::uint64_t n, const char* due, int status) {
            s.upsert(Record{entity, mid(n), {{"subject", "Activity"}, {"ownerid", make_lookup("systemuser", me)},
                                             {"statecode", 0}, {"statuscode", status}, {"scheduledend", due}}});
        };
        add("task", 20, "2026-11-26T10:00:00Z", 2);
        add("email", 21, "2026-11-25T10:00:00Z", 1);
        add("phonecall", 22, "2026-11-23T10:00:00Z", 1);
        add("appointment", 23, "2026-11-27T10:00:00Z", 1);
        const View& v = *m.view("my_activities");
        auto all = run_view(v, s, me, now);
        REQUIRE(all.total == 4);
        CHECK(all.rows[0]->entity == "phonecall");
        CHECK(all.rows[3]->entity == "appointment");
        auto page = run_view(v, s, me, now, 1, 2);
        CHECK(page.total == 4);
        REQUIRE(page.rows.size() == 2);
        CHECK(page.rows[0]->entity == "email");
        CHECK(page.rows[1]->entity == "task");
        CHECK(run_view(*m.view("activities_due"), s, me, now).total == 1);  // the overdue phone call
    }
}
