// Security roles at depth: what each seed role may do to records of its own user,
// team, business unit, child units and the rest of the organization; the user context
// built from systemuser and teammembership records; Append/AppendTo and Assign rules.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/demo/demo_data.hpp"
#include "core/security/roles.hpp"
#include "core/schema/schema.hpp"
#include "core/security/security.hpp"
#include "core/store/store.hpp"

using namespace casehub;

namespace {

Record make_record(const std::string& entity, const std::string& id, Json attributes) {
    return Record{entity, id, std::move(attributes)};
}

Json bu(const std::string& id) { return make_lookup("businessunit", id); }
Json user_ref(const std::string& id) { return make_lookup("systemuser", id); }

// Contoso with two children, Contoso France and Contoso Indonesia; Jakarta under Indonesia.
//   alex   CSR          France     member of team "France Support"
//   leo    CSR          France
//   camille CSR Manager France
//   dewi   CSR          Indonesia
//   budi   CSR Manager  Indonesia
//   wayan  CSR          Jakarta
//   sam    System Customizer  Contoso
//   admin  System Administrator Contoso
//   nora   disabled CSR France;  nobody  no role, France
Store make_org() {
    Store s;
    s.upsert(make_record("businessunit", "bu-contoso", {{"name", "Contoso"}}));
    s.upsert(make_record("businessunit", "bu-fr", {{"name", "Contoso France"}, {"parentbusinessunitid", bu("bu-contoso")}}));
    s.upsert(make_record("businessunit", "bu-id",
                         {{"name", "Contoso Indonesia"}, {"parentbusinessunitid", bu("bu-contoso")}}));
    s.upsert(make_record("businessunit", "bu-jkt", {{"name", "Contoso Jakarta"}, {"parentbusinessunitid", bu("bu-id")}}));

    auto add_user = [&](const std::string& id, const std::string& name, const std::string& unit,
                        const std::string& roles, bool disabled = false) {
        s.upsert(make_record("systemuser", id,
                             {{"domainname", id},
                              {"fullname", name},
                              {"businessunitid", bu(unit)},
                              {"securityroles", roles},
                              {"isdisabled", disabled}}));
    };
    add_user("u-alex", "Alex Taylor", "bu-fr", "Customer Service Representative");
    add_user("u-leo", "Léo Bernard", "bu-fr", "Customer Service Representative");
    add_user("u-camille", "Camille Martin", "bu-fr", "CSR Manager");
    add_user("u-dewi", "Dewi Lestari", "bu-id", "Customer Service Representative");
    add_user("u-budi", "Budi Santoso", "bu-id", "CSR Manager");
    add_user("u-wayan", "Wayan Putra", "bu-jkt", "Customer Service Representative");
    add_user("u-sam", "Sam Customizer", "bu-contoso", "System Customizer");
    add_user("u-admin", "Ada Admin", "bu-contoso", "System Administrator");
    add_user("u-nora", "Nora Disabled", "bu-fr", "Customer Service Representative", true);
    add_user("u-nobody", "No Body", "bu-fr", "");

    s.upsert(make_record("team", "t-frsupport", {{"name", "France Support"}, {"businessunitid", bu("bu-fr")}}));
    s.upsert(make_record("teammembership", "tm-1",
                         {{"teamid", make_lookup("team", "t-frsupport")}, {"systemuserid", user_ref("u-alex")}}));

    auto add_owned = [&](const std::string& entity, const std::string& id, const std::string& owner,
                         const std::string& unit, Json extra = Json::object()) {
        Json attrs = extra;
        attrs["ownerid"] = owner.rfind("t-", 0) == 0 ? make_lookup("team", owner) : user_ref(owner);
        attrs["owningbusinessunit"] = bu(unit);
        s.upsert(make_record(entity, id, attrs));
    };
    add_owned("incident", "c-fr-alex", "u-alex", "bu-fr", {{"title", "Printer jams"}});
    add_owned("incident", "c-fr-camille", "u-camille", "bu-fr", {{"title", "Invoice wrong"}});
    add_owned("incident", "c-fr-team", "t-frsupport", "bu-fr", {{"title", "Team case"}});
    add_owned("incident", "c-id-dewi", "u-dewi", "bu-id", {{"title", "Mesin rusak"}});
    add_owned("incident", "c-jkt-wayan", "u-wayan", "bu-jkt", {{"title", "Layar mati"}});
    add_owned("email", "e-fr-alex", "u-alex", "bu-fr");
    add_owned("email", "e-fr-camille", "u-camille", "bu-fr");
    add_owned("email", "e-fr-team", "t-frsupport", "bu-fr");
    add_owned("knowledgearticle", "kb-id", "u-budi", "bu-id", {{"title", "Reset the printer"}, {"statecode", 3}});
    add_owned("knowledgearticle", "kb-id-draft", "u-budi", "bu-id", {{"title", "Draft"}, {"statecode", 0}});
    add_owned("knowledgearticle", "kb-fr-draft", "u-camille", "bu-fr", {{"title", "Brouillon"}, {"statecode", 0}});
    add_owned("queue", "q-id", "u-budi", "bu-id", {{"name", "Indonesia Tier 1"}});
    add_owned("queueitem", "qi-fr-camille", "u-camille", "bu-fr", {{"workerid", user_ref("u-camille")}});
    add_owned("queueitem", "qi-fr-alex", "u-alex", "bu-fr", {{"workerid", user_ref("u-alex")}});
    add_owned("queueitem", "qi-fr-free", "u-camille", "bu-fr");
    add_owned("sla", "sla-gold", "u-admin", "bu-contoso", {{"name", "Gold"}});
    return s;
}

UserContext ctx(const Store& s, const std::string& id) {
    auto c = user_context_for(s, id);
    REQUIRE(c.ok());
    return *c;
}

const Record& rec(const Store& s, const std::string& entity, const std::string& id) {
    const Record* r = s.find(entity, id);
    REQUIRE(r != nullptr);
    return *r;
}

bool allowed(const Store& s, const UserContext& u, Privilege p, const Record& r) {
    return check_privilege(s, u, p, r).ok();
}

}  // namespace

TEST_CASE("a CSR cannot read or change another business unit's case", "[security]") {
    const Store s = make_org();
    const UserContext alex = ctx(s, "u-alex");
    const Record& dewis_case = rec(s, "incident", "c-id-dewi");

    CHECK_FALSE(can_read(s, alex, dewis_case));
    auto write = check_privilege(s, alex, Privilege::Write, dewis_case);
    REQUIRE_FALSE(write.ok());
    CHECK(write.error().code == "forbidden");
    CHECK(write.error().message ==
          "Alex Taylor (Customer Service Representative) may not change cases of business unit Contoso Indonesia.");
    CHECK_FALSE(allowed(s, alex, Privilege::Delete, dewis_case));
    CHECK_FALSE(allowed(s, alex, Privilege::Assign, dewis_case));

    SECTION("nor one of a unit below another") {
        CHECK_FALSE(can_read(s, ctx(s, "u-dewi"), rec(s, "incident", "c-jkt-wayan")));
    }
    SECTION("but reads and changes every case of their own unit") {
        CHECK(can_read(s, alex, rec(s, "incident", "c-fr-camille")));
        CHECK(allowed(s, alex, Privilege::Write, rec(s, "incident", "c-fr-camille")));
    }
}

TEST_CASE("a Customer Service Representative works at user and business-unit depth", "[security]") {
    const Store s = make_org();
    const UserContext alex = ctx(s, "u-alex");

    SECTION("creates records they own, not records owned by someone else") {
        Record mine = make_record("incident", "new-1", {{"ownerid", user_ref("u-alex")}, {"owningbusinessunit", bu("bu-fr")}});
        CHECK(check_create(s, alex, mine).ok());
        Record theirs =
            make_record("incident", "new-2", {{"ownerid", user_ref("u-camille")}, {"owningbusinessunit", bu("bu-fr")}});
        auto st = check_create(s, alex, theirs);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find("may only create cases they own; this one belongs to Camille Martin") !=
              std::string::npos);
    }
    SECTION("never deletes a case, not even their own") {
        auto st = check_delete(s, alex, rec(s, "incident", "c-fr-alex"));
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message ==
              "Alex Taylor (Customer Service Representative) may not delete cases. Ask an administrator for a "
              "security role that allows it.");
    }
    SECTION("deletes their own activities, and their team's, but not a colleague's") {
        CHECK(check_delete(s, alex, rec(s, "email", "e-fr-alex")).ok());
        CHECK(check_delete(s, alex, rec(s, "email", "e-fr-team")).ok());
        CHECK_FALSE(check_delete(s, alex, rec(s, "email", "e-fr-camille")).ok());
        CHECK_FALSE(check_delete(s, ctx(s, "u-leo"), rec(s, "email", "e-fr-team")).ok());
    }
    SECTION("reads reference data of the whole organization") {
        CHECK(can_read(s, alex, rec(s, "knowledgearticle", "kb-id")));
        CHECK(can_read(s, alex, rec(s, "knowledgearticle", "kb-fr-draft")));
        CHECK_FALSE(can_read(s, alex, rec(s, "knowledgearticle", "kb-id-draft")));
        CHECK(can_read(s, alex, rec(s, "queue", "q-id")));
        CHECK(can_read(s, alex, rec(s, "businessunit", "bu-id")));
        CHECK(can_read(s, alex, rec(s, "systemuser", "u-dewi")));
        CHECK_FALSE(allowed(s, alex, Privilege::Write, rec(s, "knowledgearticle", "kb-id")));
        CHECK_FALSE(allowed(s, alex, Privilege::Write, rec(s, "sla", "sla-gold")));
    }
    SECTION("is denied any entity the roles do not list") {
        Record custom = make_record("new_custom", "x-1", {{"ownerid", user_ref("u-alex")}});
        CHECK_FALSE(can_read(s, alex, custom));
        CHECK_FALSE(check_create(s, alex, custom).ok());
    }
}

TEST_CASE("a CSR Manager works across their unit and the units below it", "[security]") {
    const Store s = make_org();
    const UserContext budi = ctx(s, "u-budi");
    const UserContext camille = ctx(s, "u-camille");

    CHECK(allowed(s, budi, Privilege::Write, rec(s, "incident", "c-jkt-wayan")));
    CHECK(allowed(s, budi, Privilege::Delete, rec(s, "incident", "c-jkt-wayan")));
    CHECK(allowed(s, budi, Privilege::Delete, rec(s, "incident", "c-id-dewi")));
    CHECK_FALSE(can_read(s, budi, rec(s, "incident", "c-fr-alex")));
    CHECK_FALSE(can_read(s, camille, rec(s, "incident", "c-id-dewi")));
    CHECK_FALSE(allowed(s, ctx(s, "u-wayan"), Privilege::Write, rec(s, "incident", "c-id-dewi")));

    SECTION("creates records for anyone in their unit, not in a child unit") {
        Record for_dewi =
            make_record("incident", "n1", {{"ownerid", user_ref("u-dewi")}, {"owningbusinessunit", bu("bu-id")}});
        Record for_wayan =
            make_record("incident", "n2", {{"ownerid", user_ref("u-wayan")}, {"owningbusinessunit", bu("bu-jkt")}});
        CHECK(check_create(s, budi, for_dewi).ok());
        CHECK_FALSE(check_create(s, budi, for_wayan).ok());
    }
    SECTION("reassigns a case to a colleague who can see it") {
        CHECK(check_assign(s, camille, rec(s, "incident", "c-fr-alex"), user_ref("u-leo")).ok());
        Record updated = rec(s, "incident", "c-fr-alex");
        updated.attributes["ownerid"] = user_ref("u-leo");
        CHECK(check_update(s, camille, rec(s, "incident", "c-fr-alex"), updated).ok());
    }
    SECTION("cannot hand a case to a disabled user or one who could not read it") {
        auto disabled = check_assign(s, camille, rec(s, "incident", "c-fr-alex"), user_ref("u-nora"));
        REQUIRE_FALSE(disabled.ok());
        CHECK(disabled.error().message.find("disabled") != std::string::npos);
        auto no_role = check_assign(s, camille, rec(s, "incident", "c-fr-alex"), user_ref("u-nobody"));
        REQUIRE_FALSE(no_role.ok());
        CHECK(no_role.error().field == "ownerid");
        CHECK_FALSE(check_assign(s, camille, rec(s, "incident", "c-fr-alex"), make_lookup("account", "a")).ok());
    }
    SECTION("releases queue items other agents picked; a CSR releases only their own") {
        CHECK(check_release_queue_item(s, camille, rec(s, "queueitem", "qi-fr-alex")).ok());
        CHECK(check_release_queue_item(s, ctx(s, "u-alex"), rec(s, "queueitem", "qi-fr-alex")).ok());
        CHECK(check_release_queue_item(s, ctx(s, "u-alex"), rec(s, "queueitem", "qi-fr-free")).ok());
        auto st = check_release_queue_item(s, ctx(s, "u-alex"), rec(s, "queueitem", "qi-fr-camille"));
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().message.find("Camille Martin is working on; ask a CSR Manager") != std::string::npos);
    }
}

TEST_CASE("a CSR may reassign their own case but not someone else's", "[security]") {
    const Store s = make_org();
    const UserContext alex = ctx(s, "u-alex");
    CHECK(check_assign(s, alex, rec(s, "incident", "c-fr-alex"), user_ref("u-leo")).ok());
    CHECK_FALSE(check_assign(s, alex, rec(s, "incident", "c-fr-camille"), user_ref("u-alex")).ok());
    SECTION("moving a record to another unit by editing owningbusinessunit is an assign") {
        Record moved = rec(s, "incident", "c-fr-camille");
        moved.attributes["owningbusinessunit"] = bu("bu-id");
        CHECK_FALSE(check_update(s, alex, rec(s, "incident", "c-fr-camille"), moved).ok());
    }
}

TEST_CASE("a System Administrator may do everything everywhere", "[security]") {
    const Store s = make_org();
    const UserContext admin = ctx(s, "u-admin");
    for (Privilege p : {Privilege::Create, Privilege::Read, Privilege::Write, Privilege::Delete, Privilege::Append,
                        Privilege::AppendTo, Privilege::Assign}) {
        CHECK(allowed(s, admin, p, rec(s, "incident", "c-jkt-wayan")));
        CHECK(allowed(s, admin, p, make_record("new_custom", "x", Json::object())));
    }
    CHECK(check_assign(s, admin, rec(s, "incident", "c-jkt-wayan"), user_ref("u-alex")).ok());
}

TEST_CASE("a System Customizer configures the service and reads but does not edit others' data", "[security]") {
    const Store s = make_org();
    const UserContext sam = ctx(s, "u-sam");
    CHECK(allowed(s, sam, Privilege::Write, rec(s, "sla", "sla-gold")));
    CHECK(allowed(s, sam, Privilege::Delete, rec(s, "sla", "sla-gold")));
    CHECK(can_read(s, sam, rec(s, "incident", "c-jkt-wayan")));
    CHECK_FALSE(allowed(s, sam, Privilege::Write, rec(s, "incident", "c-jkt-wayan")));
    CHECK_FALSE(allowed(s, sam, Privilege::Delete, rec(s, "incident", "c-fr-alex")));
    Record own = make_record("incident", "n", {{"ownerid", user_ref("u-sam")}, {"owningbusinessunit", bu("bu-contoso")}});
    CHECK(check_create(s, sam, own).ok());
    CHECK(allowed(s, sam, Privilege::Write, own));
    CHECK_FALSE(can_read(s, sam, make_record("new_custom", "x", Json::object())));
}

TEST_CASE("linking a record needs Append on it and AppendTo on the target", "[security]") {
    const Store s = make_org();
    const UserContext alex = ctx(s, "u-alex");
    auto email_regarding = [](const std::string& id, const std::string& case_id) {
        return make_record("email", id,
                           {{"ownerid", user_ref("u-alex")},
                            {"owningbusinessunit", bu("bu-fr")},
                            {"regardingobjectid", make_lookup("incident", case_id)}});
    };
    CHECK(check_create(s, alex, email_regarding("m1", "c-fr-camille")).ok());
    auto other_unit = check_create(s, alex, email_regarding("m2", "c-id-dewi"));
    REQUIRE_FALSE(other_unit.ok());
    CHECK(other_unit.error().field == "regardingobjectid");
    CHECK(other_unit.error().message.find("attach records to cases of business unit Contoso Indonesia") !=
          std::string::npos);

    SECTION("changing a lookup checks the new target only") {
        const Record before = email_regarding("e-fr-alex", "c-fr-camille");
        Record after = before;
        after.attributes["subject"] = "Re: invoice";
        CHECK(check_update(s, alex, before, after).ok());
        after.attributes["regardingobjectid"] = make_lookup("incident", "c-id-dewi");
        CHECK_FALSE(check_update(s, alex, before, after).ok());
    }
    SECTION("check_append names both sides") {
        CHECK(check_append(s, alex, rec(s, "email", "e-fr-alex"), rec(s, "incident", "c-fr-alex")).ok());
        CHECK_FALSE(check_append(s, alex, rec(s, "email", "e-fr-alex"), rec(s, "incident", "c-jkt-wayan")).ok());
    }
}

TEST_CASE("the user context comes from the systemuser and teammembership records", "[security]") {
    const Store s = make_org();
    SECTION("business unit, roles and teams") {
        const UserContext alex = ctx(s, "u-alex");
        CHECK(alex.business_unit_id == "bu-fr");
        CHECK(alex.roles == std::vector<std::string>{"Customer Service Representative"});
        CHECK(alex.team_ids == std::vector<std::string>{"t-frsupport"});
        CHECK(alex.fullname == "Alex Taylor");
    }
    SECTION("a disabled user gets no context") {
        auto c = user_context_for(s, "u-nora");
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "disabled");
        CHECK(c.error().message.find("Nora Disabled") != std::string::npos);
    }
    SECTION("an unknown user gets no context") {
        auto c = user_context_for(s, "u-ghost");
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "not_found");
    }
    SECTION("a user without business unit gets no context") {
        Store t = s;
        t.upsert(make_record("systemuser", "u-x", {{"fullname", "X"}, {"securityroles", "CSR Manager"}}));
        auto c = user_context_for(t, "u-x");
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "invalid");
    }
    SECTION("several roles grant the deepest of their depths") {
        CHECK(split_role_names(" CSR Manager ,Customer Service Representative,, CSR Manager") ==
              std::vector<std::string>{"CSR Manager", "Customer Service Representative"});
        UserContext both = ctx(s, "u-alex");
        both.roles.push_back("CSR Manager");
        CHECK(privilege_depth(both, "incident", Privilege::Delete) == Depth::ParentChildBusinessUnits);
        CHECK(privilege_depth(ctx(s, "u-alex"), "incident", Privilege::Delete) == Depth::None);
        UserContext unknown = both;
        unknown.roles = {"Made Up Role"};
        CHECK(privilege_depth(unknown, "incident", Privilege::Read) == Depth::None);
    }
}

TEST_CASE("records created without an owner are owned by their creator", "[security]") {
    const Store s = make_org();
    const UserContext dewi = ctx(s, "u-dewi");
    Record r = with_default_owner(s, make_record("incident", "n", {{"title", "x"}}), dewi);
    REQUIRE(r.get("ownerid"));
    CHECK(*r.get("ownerid") == user_ref("u-dewi"));
    CHECK(*r.get("owningbusinessunit") == bu("bu-id"));
    CHECK(check_create(s, dewi, r).ok());
    CHECK(business_unit_of(s, r) == "bu-id");
    Record site = with_default_owner(s, make_record("site", "s", Json::object()), dewi);
    CHECK_FALSE(site.get("ownerid"));
}

TEST_CASE("a record with only an owner belongs to the owner's business unit", "[security]") {
    const Store s = make_org();
    Record r = make_record("incident", "n", {{"ownerid", user_ref("u-dewi")}});
    CHECK(business_unit_of(s, r) == "bu-id");
    CHECK(can_read(s, ctx(s, "u-budi"), r));
    CHECK_FALSE(can_read(s, ctx(s, "u-alex"), r));
}

TEST_CASE("privilege and depth names round-trip and every seed role is documented data", "[security]") {
    for (Privilege p : {Privilege::Create, Privilege::Read, Privilege::Write, Privilege::Delete, Privilege::Append,
                        Privilege::AppendTo, Privilege::Assign}) {
        Privilege back{};
        REQUIRE(parse_privilege(to_string(p), back));
        CHECK(back == p);
    }
    for (Depth d : {Depth::None, Depth::User, Depth::BusinessUnit, Depth::ParentChildBusinessUnits,
                    Depth::Organization}) {
        Depth back{};
        REQUIRE(parse_depth(to_string(d), back));
        CHECK(back == d);
    }
    Depth unused{};
    CHECK_FALSE(parse_depth("galaxy", unused));
    REQUIRE(seed_roles().size() == 4);
    for (const char* name : {role_customer_service_representative, role_csr_manager, role_system_administrator,
                             role_system_customizer})
        CHECK(find_role(name) != nullptr);
    // Every entity a role lists is a secured entity (no typos in the table).
    for (const auto& role : seed_roles())
        for (const auto& p : role.privileges)
            CHECK(std::find(secured_entities().begin(), secured_entities().end(), p.entity) != secured_entities().end());
    const Json csr = role_to_json(*find_role(role_customer_service_representative));
    CHECK(csr["privileges"]["incident"]["read"] == "businessunit");
    CHECK_FALSE(csr["privileges"]["incident"].contains("delete"));
}

TEST_CASE("in the demo organisation each agent sees exactly the cases of their business unit", "[security]") {
    Store s;
    DemoOptions options;
    options.case_count = 100;
    options.now_ms = 1'790'000'000'000;
    generate_demo_data(options, s);
    const Record* alex_record = find_user_by_domainname(s, "alex");
    const Record* dewi_record = find_user_by_domainname(s, "dewi");
    const Record* admin_record = find_user_by_domainname(s, "admin");
    REQUIRE(alex_record);
    REQUIRE(dewi_record);
    REQUIRE(admin_record);
    const UserContext alex = ctx(s, alex_record->id);
    const UserContext dewi = ctx(s, dewi_record->id);
    const UserContext admin = ctx(s, admin_record->id);
    for (const char* name : {"camille", "budi"}) {
        const Record* u = find_user_by_domainname(s, name);
        REQUIRE(u);
        CHECK(user_context_for(s, u->id).ok());
    }

    int french = 0, indonesian = 0;
    s.for_each("incident", [&](const Record& c) {
        const std::string unit = business_unit_of(s, c);
        INFO(c.id);
        CHECK(can_read(s, alex, c) == (unit == alex.business_unit_id));
        CHECK(can_read(s, dewi, c) == (unit == dewi.business_unit_id));
        CHECK(check_privilege(s, alex, Privilege::Write, c).ok() == (unit == alex.business_unit_id));
        CHECK(can_read(s, admin, c));
        french += unit == alex.business_unit_id;
        indonesian += unit == dewi.business_unit_id;
    });
    CHECK(french > 0);
    CHECK(indonesian > 0);
    // Reference data is readable organization-wide.
    bool any_published = false;
    s.for_each("knowledgearticle", [&](const Record& r) {
        const Json* state = r.get("statecode");
        if (!state || *state != 3) return;
        any_published = true;
        CHECK(can_read(s, alex, r));
        CHECK(can_read(s, dewi, r));
    });
    CHECK(any_published);
    for (const char* entity : {"queue", "subject", "product", "businessunit", "systemuser"}) {
        INFO(entity);
        bool any = false;
        s.for_each(entity, [&](const Record& r) {
            any = true;
            CHECK(can_read(s, alex, r));
        });
        CHECK(any);
    }
}

TEST_CASE("every schema entity and every lookup target is covered by the role table", "[security]") {
    // An entity missing from the table would be silently denied to every agent.
    const auto& known = secured_entities();
    auto is_known = [&](const std::string& e) { return std::find(known.begin(), known.end(), e) != known.end(); };
    const UserContext csr{"u", "bu", {}, {role_customer_service_representative}, "CSR"};
    for (const auto& entity : casehub_schema().entities) {
        INFO(entity.name);
        CHECK(is_known(entity.name));
        CHECK(privilege_depth(csr, entity.name, Privilege::Read) != Depth::None);
        CHECK(is_user_owned_entity(entity.name) == entity.user_owned);
        for (const auto& attribute : entity.attributes) {
            for (const auto& target : attribute.targets) {
                INFO(attribute.name << " -> " << target);
                CHECK(is_known(target));
            }
        }
    }
}
