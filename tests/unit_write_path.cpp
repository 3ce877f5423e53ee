// The one write path: a spy Policy in the ApplyContext sees every record any registered
// mutation writes (each touched record passed check_fields and check_write), every
// registered mutation is exercised, and the field attacks a hostile Customer Service
// Representative would try through record.update are refused with a sentence to act on.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "core/app/app_registry.hpp"
#include "core/app/due_work.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"
#include "core/demo/demo_data.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/domain/queues/queue_mutations.hpp"
#include "core/domain/sla/sla_engine.hpp"

using namespace casehub;

namespace {

constexpr TimestampMs kNow = 1764547200000;  // 2025-12-01T00:00:00Z
constexpr TimestampMs kHour = 3600000;

// Passes every question on to the real policy and remembers each write it was asked about.
class SpyPolicy final : public Policy {
public:
    struct Seen {
        WriteKind kind;
        std::string entity, id;
        SystemWork system;
    };
    explicit SpyPolicy(const Policy& inner) : inner_(inner) {}

    Status validate(const Store& s, const Record& after, const Record* before) const override {
        return inner_.validate(s, after, before);
    }
    Record prepare_create(const Store& s, Record r, const UserContext& u) const override {
        return inner_.prepare_create(s, std::move(r), u);
    }
    Status check(const Store& s, const UserContext& u, Privilege p, const Record& r) const override {
        return inner_.check(s, u, p, r);
    }
    Status check_fields(const Store& s, const UserContext& u, const WriteRequest& w) const override {
        fields.push_back(seen(w));
        return inner_.check_fields(s, u, w);
    }
    Status check_write(const Store& s, const UserContext& u, const WriteRequest& w) const override {
        writes.push_back(seen(w));
        return inner_.check_write(s, u, w);
    }
    bool can_read(const Store& s, const UserContext& u, const Record& r) const override { return inner_.can_read(s, u, r); }

    static bool has(const std::vector<Seen>& list, const std::string& entity, const std::string& id) {
        for (const auto& s : list)
            if (s.entity == entity && s.id == id) return true;
        return false;
    }

    mutable std::vector<Seen> fields, writes;

private:
    static Seen seen(const WriteRequest& w) {
        const Record& r = w.after ? *w.after : *w.before;
        return Seen{w.kind, r.entity, r.id, w.system};
    }
    const Policy& inner_;
};

// The demo organisation with the real SecurityPolicy behind the spy.
struct DemoOrg {
    Store store;
    SecurityPolicy security;
    SpyPolicy spy{security};
    MutationRegistry registry = make_sync_registry();
    std::set<std::string> exercised;
    int counter = 0;

    DemoOrg() {
        DemoOptions options;
        options.case_count = 100;
        options.now_ms = kNow;
        generate_demo_data(options, store);
    }

    UserContext user(const std::string& domainname) const {
        const Record* u = find_user_by_domainname(store, domainname);
        REQUIRE(u);
        auto ctx = user_context_for(store, u->id);
        REQUIRE(ctx);
        return *ctx;
    }

    std::string id_of(const std::string& entity, const std::string& attribute, const std::string& value) const {
        std::string found;
        store.for_each(entity, [&](const Record& r) {
            const Json* v = r.get(attribute);
            if (found.empty() && v && v->is_string() && v->get<std::string>() == value) found = r.id;
        });
        REQUIRE(!found.empty());
        return found;
    }

    std::string new_id() { return make_uuid_v4(900, static_cast<std::uint64_t>(++counter)); }

    // Runs one mutation through the spy; returns what the mutation touched.
    Result<std::vector<TouchedRecord>> apply(const UserContext& who, const std::string& name, const Json& args,
                                             TimestampMs now = kNow) {
        Mutation m{make_uuid_v4(901, static_cast<std::uint64_t>(++counter)), "spy", counter, name, args, now};
        spy.fields.clear();
        spy.writes.clear();
        ApplyContext ctx(store, who, now, spy, m);
        if (auto s = apply_mutation(registry, ctx); !s) return s.error();
        return ctx.touched();
    }

    // Runs a mutation that must be accepted and must write, and checks that every record
    // it wrote went through the write path (the spy saw the field rules and the privilege
    // check for it).
    void run(const UserContext& who, const std::string& name, const Json& args, TimestampMs now = kNow) {
        INFO(name << " " << args.dump());
        auto touched = apply(who, name, args, now);
        if (!touched) FAIL(touched.error().code << ": " << touched.error().message);
        CHECK(!touched->empty());
        for (const TouchedRecord& t : *touched) {
            INFO(t.entity << " " << t.id);
            CHECK(SpyPolicy::has(spy.fields, t.entity, t.id));
            CHECK(SpyPolicy::has(spy.writes, t.entity, t.id));
        }
        exercised.insert(name);
    }

    std::string only(const std::string& entity, const std::string& attribute, const std::string& target) const {
        const auto found = store.referencing(entity, attribute, target);
        REQUIRE(found.size() == 1);
        return found.front()->id;
    }
};

Json lookup(const std::string& entity, const std::string& id) { return make_lookup(entity, id); }

}  // namespace

TEST_CASE("every registered mutation writes its records through the write path", "[write_path]") {
    DemoOrg org;
    const UserContext admin = org.user("admin");
    const std::string alex = org.user("alex").user_id;
    const std::string camille = org.user("camille").user_id;
    const std::string account = org.id_of("account", "name", [&] {
        std::string name;
        org.store.for_each("account", [&](const Record& r) {
            if (name.empty()) name = r.attributes.value("name", std::string());
        });
        return name;
    }());
    const std::string tier1 = org.id_of("queue", "name", "Tier 1 Support");
    const std::string tier2 = org.id_of("queue", "name", "Tier 2 Support");

    // Records, owners, follows.
    const std::string c1 = org.new_id();
    org.run(admin, "record.create",
            record_create_args("incident", c1, {{"title", "Spy case"}, {"customerid", lookup("account", account)}}));
    org.run(admin, "record.update", record_update_args(org.store, "incident", c1, {{"description", "first"}}));
    org.run(admin, "record.assign", record_assign_args("incident", c1, lookup("systemuser", alex)));
    org.run(admin, "case.assign", Json{{"id", c1}, {"ownerid", lookup("systemuser", camille)}});
    org.run(admin, "case.set_status", Json{{"id", c1}, {"statuscode", 2}});
    org.run(admin, "case.set_status", Json{{"id", c1}, {"statuscode", case_status::in_progress}});
    org.run(admin, "case.follow", Json{{"id", c1}});
    org.run(admin, "case.unfollow", Json{{"id", c1}});

    // Conflicts: an update over someone else's change keeps the losing value; restoring it.
    org.run(admin, "record.update",
            Json{{"entity", "incident"}, {"id", c1}, {"fields", {{"description", "mine"}}}, {"base", {{"description", "old"}}}});
    org.run(admin, "conflict.restore", Json{{"id", org.only("syncconflict", "regardingobjectid", c1)}});

    // Queues.
    org.run(admin, "queue.add", queue_add_args(tier1, "incident", c1));
    const std::string item = org.only("queueitem", "objectid", c1);
    org.run(admin, "queue.pick", queue_pick_args(item));
    org.run(admin, "queue.release", queue_release_args(item));
    org.run(admin, "queue.route", queue_route_to_queue_args(item, tier2));
    org.run(admin, "queue.route", queue_route_to_principal_args(item, "systemuser", alex, false));
    org.run(admin, "queue.remove", queue_remove_args(item));
    // The demo's routing sends social media cases to Camille.
    org.run(admin, "record.update", record_update_args(org.store, "incident", c1, {{"caseorigincode", 2483}}));
    org.run(admin, "case.apply_routing", Json{{"id", c1}});

    // The business process started on the new case.
    const Record* instance = nullptr;
    org.store.for_each("bpfinstance", [&](const Record& r) {
        if (lookup_id_of(r, "regardingobjectid") == c1) instance = &r;
    });
    REQUIRE(instance);
    const std::string bpf = instance->id, process = lookup_id_of(*instance, "processid");
    org.run(admin, "process.next_stage", Json{{"id", bpf}});
    org.run(admin, "process.previous_stage", Json{{"id", bpf}});
    org.run(admin, "process.abandon", Json{{"id", bpf}});
    org.run(admin, "process.reactivate", Json{{"id", bpf}});
    org.run(admin, "process.abandon", Json{{"id", bpf}});
    org.run(admin, "process.switch", Json{{"entity", "incident"}, {"id", c1}, {"processid", process}});

    // Activities and the outbox.
    const std::string task1 = org.new_id(), task2 = org.new_id(), task3 = org.new_id();
    for (const auto& t : {task1, task2, task3})
        org.run(admin, "record.create", record_create_args("task", t, {{"subject", "Call back"}, {"regardingobjectid", lookup("incident", c1)}}));
    org.run(admin, "activity.complete", Json{{"entity", "task"}, {"id", task1}});
    org.run(admin, "activity.cancel", Json{{"entity", "task"}, {"id", task2}});
    org.run(admin, "record.delete", record_delete_args(org.store, "task", task3));
    const std::string mail1 = org.new_id(), mail2 = org.new_id();
    for (const auto& e : {mail1, mail2}) {
        org.run(admin, "record.create",
                record_create_args("email", e, {{"subject", "Your case"}, {"torecipients", "client@example.com"},
                                                {"regardingobjectid", lookup("incident", c1)}}));
        org.run(admin, "email.send", Json{{"id", e}});
    }
    org.run(admin, "email.mark_sent", Json{{"id", mail1}, {"messageid", "<spy-1@contoso.com>"}});
    org.run(admin, "email.mark_failed", Json{{"id", mail2}, {"reason", "The mail server refused it."}});
    org.run(admin, "email.receive",
            Json{{"from", "Someone New <someone.new@example.com>"}, {"to", "gold@contoso.com"}, {"subject", "Help"},
                 {"body", "The printer is on fire."}, {"messageid", "<spy-2@example.com>"}});

    // SLA: the timers of the new case, evaluated once their warning is due.
    const auto due = cases_with_sla_actions_due(org.store, kNow + 90 * 24 * kHour);
    REQUIRE(!due.empty());
    org.run(admin, "sla.evaluate", Json{{"id", due.front()}}, kNow + 90 * 24 * kHour);

    // Case lifecycle.
    org.run(admin, "case.resolve", case_resolve_args(c1, "Put out the fire", case_status::problem_solved, 30));
    org.run(admin, "case.reactivate", Json{{"id", c1}});
    org.run(admin, "case.cancel", Json{{"id", c1}});
    const std::string c2 = org.new_id(), c3 = org.new_id();
    for (const auto& c : {c2, c3})
        org.run(admin, "record.create", record_create_args("incident", c, {{"title", "Same printer"}, {"customerid", lookup("account", account)}}));
    org.run(admin, "case.merge", case_merge_args(c2, {c3}));

    // Knowledge: the lifecycle of a new article, its versions, links, views and ratings.
    const std::string article = org.new_id(), other = org.new_id();
    for (const auto& a : {article, other})
        org.run(admin, "record.create",
                record_create_args("knowledgearticle", a, {{"title", "Printer fires"}, {"content", "<p>Unplug it.</p>"},
                                                           {"languagecode", 1033}}));
    org.run(admin, "kb.submit_review", Json{{"id", article}});
    org.run(admin, "kb.approve", Json{{"id", article}});
    org.run(admin, "kb.publish", Json{{"id", article}});
    org.run(admin, "kb.submit_review", Json{{"id", other}});
    org.run(admin, "kb.reject", Json{{"id", other}});
    org.run(admin, "kb.view", Json{{"id", article}});
    org.run(admin, "kb.rate", Json{{"id", article}, {"feedback_id", org.new_id()}, {"rating", 4}});
    org.run(admin, "kb.link_to_case", Json{{"id", article}, {"link_id", org.new_id()}, {"incidentid", c2}});
    std::string category, product;
    org.store.for_each("category", [&](const Record& r) { category = r.id; });
    org.store.for_each("product", [&](const Record& r) { product = r.id; });
    org.run(admin, "kb.add_category", Json{{"id", article}, {"link_id", org.new_id()}, {"categoryid", category}});
    org.run(admin, "kb.add_product", Json{{"id", article}, {"link_id", org.new_id()}, {"productid", product}});
    org.run(admin, "kb.add_related_article", Json{{"id", article}, {"link_id", org.new_id()}, {"relatedarticleid", other}});
    const std::string version = org.new_id(), french = org.new_id();
    org.run(admin, "kb.new_version", Json{{"id", article}, {"new_id", version}, {"major", true}});
    org.run(admin, "kb.discard", Json{{"id", version}});
    org.run(admin, "kb.restore", Json{{"id", version}});
    org.run(admin, "kb.translate", Json{{"id", article}, {"new_id", french}, {"languagecode", 1036}});
    org.run(admin, "kb.expire", Json{{"id", article}});
    org.run(admin, "kb.archive", Json{{"id", article}});
    org.run(admin, "kb.publish", Json{{"id", other}, {"publishon", format_utc(kNow + kHour)},
                                      {"expirationdate", format_utc(kNow + 3 * kHour)}});
    org.run(admin, "kb.publish_due", Json::object(), kNow + 2 * kHour);
    org.run(admin, "kb.expire_due", Json::object(), kNow + 4 * kHour);

    // Every registered mutation was exercised above: a new one must be added here.
    for (const std::string& name : org.registry.names()) {
        INFO("add a step for " << name << " to this test");
        CHECK(org.exercised.count(name) == 1);
    }
}

TEST_CASE("a Customer Service Representative cannot take a case around its commands with record.update",
          "[write_path][security]") {
    DemoOrg org;
    const UserContext alex = org.user("alex");
    const std::string dewi = org.user("dewi").user_id;
    // Alex's own active case, and another case's number.
    std::string mine, other_number;
    org.store.for_each("incident", [&](const Record& r) {
        const bool active = r.attributes.value("statecode", 0) == 0;
        if (mine.empty() && active && lookup_id_of(r, "ownerid") == alex.user_id) mine = r.id;
    });
    REQUIRE(!mine.empty());
    org.store.for_each("incident", [&](const Record& r) {
        if (other_number.empty() && r.id != mine) other_number = r.attributes.value("ticketnumber", std::string());
    });
    REQUIRE(!other_number.empty());
    const std::string indonesia = org.user("dewi").business_unit_id;
    std::string sla;
    org.store.for_each("sla", [&](const Record& r) {
        if (sla.empty()) sla = r.id;
    });

    struct Attack {
        const char* what;
        Json fields;
        const char* field;     // the attribute the refusal names
        const char* guidance;  // part of the sentence telling the agent what to do instead
    };
    const std::vector<Attack> attacks = {
        {"move it to another business unit", {{"owningbusinessunit", lookup("businessunit", indonesia)}},
         "owningbusinessunit", "assign the record to a user or team of the other business unit"},
        {"hand it to another user without Assign", {{"ownerid", lookup("systemuser", dewi)}}, "ownerid", "use Assign"},
        {"cancel it by writing its state", {{"statecode", case_state::canceled}, {"statuscode", case_status::canceled}},
         "statecode", "Cancel Case"},
        {"cancel it by writing its status reason", {{"statuscode", case_status::canceled}}, "statuscode", "Cancel Case"},
        {"give it another case's number", {{"ticketnumber", other_number}}, "ticketnumber", "cannot be changed"},
        {"move its Resolve By deadline", {{"resolveby", format_utc(kNow + 1000 * kHour)}}, "resolveby", "SLA engine"},
        {"mark the first response sent", {{"firstresponsesent", true}}, "firstresponsesent", "SLA engine"},
        {"take it off its SLA", {{"slaid", sla.empty() ? Json() : lookup("sla", sla)}}, "slaid", "SLA engine"},
        {"backdate it", {{"createdon", "2020-01-01T00:00:00Z"}}, "createdon", "set by CaseHub itself"},
    };
    for (const Attack& attack : attacks) {
        SECTION(attack.what) {
            const Record before = *org.store.find("incident", mine);
            auto result = org.apply(alex, "record.update", record_update_args(org.store, "incident", mine, attack.fields));
            REQUIRE(!result);
            CHECK((result.error().code == "read_only" || result.error().code == "forbidden"));
            CHECK(result.error().field == attack.field);
            CHECK_THAT(result.error().message, Catch::Contains(attack.guidance));
            CHECK(*org.store.find("incident", mine) == before);
        }
    }

    SECTION("a case made already canceled or with a taken number is refused") {
        const std::string id = org.new_id();
        const Record* any = nullptr;
        org.store.for_each("account", [&](const Record& r) {
            if (!any) any = &r;
        });
        Json fields{{"title", "Sneaky"}, {"customerid", lookup("account", any->id)}};
        Json closed = fields;
        closed["statecode"] = case_state::canceled;
        closed["statuscode"] = case_status::canceled;
        auto made_closed = org.apply(alex, "record.create", record_create_args("incident", id, closed));
        REQUIRE(!made_closed);
        CHECK(made_closed.error().code == "read_only");
        CHECK_THAT(made_closed.error().message, Catch::Contains("Cancel Case"));
        Json numbered = fields;
        numbered["ticketnumber"] = other_number;
        auto made_duplicate = org.apply(alex, "record.create", record_create_args("incident", id, numbered));
        REQUIRE(!made_duplicate);
        CHECK(made_duplicate.error().code == "already_exists");
        CHECK_THAT(made_duplicate.error().message, Catch::Contains(other_number));
        CHECK(org.store.find("incident", id) == nullptr);
    }

    SECTION("the named commands still do what the fields may not") {
        org.run(alex, "case.cancel", Json{{"id", mine}});
        CHECK(org.store.find("incident", mine)->attributes["statecode"] == case_state::canceled);
        org.run(alex, "case.reactivate", Json{{"id", mine}});
        org.run(alex, "record.assign", record_assign_args("incident", mine, lookup("systemuser", dewi)));
        const Record& given = *org.store.find("incident", mine);
        CHECK(lookup_id_of(given, "ownerid") == dewi);
        CHECK(lookup_id_of(given, "owningbusinessunit") == indonesia);  // followed the owner
    }

    SECTION("assigning a case Alex does not own needs Assign on it") {
        std::string theirs;
        org.store.for_each("incident", [&](const Record& r) {
            if (theirs.empty() && lookup_id_of(r, "ownerid") != alex.user_id &&
                lookup_id_of(r, "owningbusinessunit") == alex.business_unit_id)
                theirs = r.id;
        });
        REQUIRE(!theirs.empty());
        auto result = org.apply(alex, "record.assign", record_assign_args("incident", theirs, lookup("systemuser", alex.user_id)));
        REQUIRE(!result);
        CHECK(result.error().code == "forbidden");
        CHECK_THAT(result.error().message, Catch::Contains("may only assign cases they own"));
    }
}
