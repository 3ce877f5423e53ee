// Business process flows: the process starting on case create, Next/Previous Stage with
// required steps, finishing, switching, abandoning and reactivating, and who may move it.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/domain/process/business_process.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string case_id = make_uuid_v4(3, 1);
const std::string other_process_id = make_uuid_v4(3, 2);
const std::string identify = "15322a8f-67b8-47fb-8763-13a28686c29d";
const std::string research = "92a6721b-d465-4d36-aef7-e8822d7a5a6a";
const std::string resolve = "356ecd08-43c3-4585-ae94-6053984bc0a9";

// Refuses Write on cases: an agent who may read the case but not change it.
class ReadOnlyCasePolicy final : public Policy {
public:
    Status validate(const Store&, const Record&, const Record*) const override { return {}; }
    Record prepare_create(const Store&, Record r, const UserContext&) const override { return r; }
    Status check(const Store&, const UserContext&, Privilege p, const Record& r) const override {
        if (p == Privilege::Write && r.entity == "incident") return make_error("forbidden", "Alex may not change this case.");
        return {};
    }
    Status check_fields(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    Status check_write(const Store&, const UserContext&, const WriteRequest&) const override { return {}; }
    bool can_read(const Store&, const UserContext&, const Record&) const override { return true; }
};

struct Fixture {
    Store store;
    PermissivePolicy permissive;
    const Policy* policy = &permissive;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {"Customer Service Representative"}, "Alex Taylor"};
    int counter = 0;

    Fixture() {
        store.upsert(phone_to_case_process_record());
        Record customer{"account", make_uuid_v4(3, 9), {{"name", "Contoso Pharmaceuticals"}}};
        store.upsert(customer);
        REQUIRE(run("record.create",
                    record_create_args("incident", case_id,
                                       {{"title", "Printer jams"},
                                        {"ticketnumber", "CAS-01001-ABC123"},
                                        {"customerid", make_lookup("account", customer.id)}})));
    }

    Status run(const std::string& name, const Json& args, TimestampMs now = 1700000000000) {
        Mutation m{make_uuid_v4(8, static_cast<std::uint64_t>(++counter)), "c1", counter, name, args, now};
        ApplyContext ctx(store, alex, now, *policy, m);
        return apply_mutation(registry, ctx);
    }
    const Record& instance() const {
        const Record* r = active_process_instance(store, "incident", case_id);
        REQUIRE(r);
        return *r;
    }
    std::string stage() const { return instance().attributes.value("activestageid", std::string()); }
    void set_case(const Json& fields) { REQUIRE(run("record.update", record_update_args(store, "incident", case_id, fields))); }
};

Record second_process() {
    Record r{"workflow", other_process_id, Json::object()};
    r.attributes["name"] = "Case to Work Order";
    r.attributes["primaryentity"] = "incident";
    r.attributes["processorder"] = 2;
    r.attributes["stages"] = stages_to_json({{"triage", {"Triage", "Tri", "Triase"}, {{"prioritycode", true}}},
                                             {"dispatch", {"Dispatch", "Envoi", "Kirim"}, {}}})
                                 .dump();
    r.attributes["statecode"] = 1;
    r.attributes["statuscode"] = 2;
    return r;
}

}  // namespace

TEST_CASE("a new case starts the Phone to Case process at Identify", "[process]") {
    Fixture f;
    const Record& i = f.instance();
    CHECK(i.id == process_instance_id(phone_to_case_process_id, case_id));
    CHECK(i.attributes["activestageid"] == identify);
    CHECK(i.attributes["traversedpath"] == identify);
    CHECK(i.attributes["statuscode"] == bpf_status_active);
    CHECK(i.attributes["name"] == "Phone to Case Process");

    SECTION("an update of the case does not start a second run") {
        f.set_case({{"description", "Paper tray 2"}});
        CHECK(f.store.count("bpfinstance") == 1);
    }
    SECTION("no activated process: no instance") {
        Fixture g;
        Record draft = phone_to_case_process_record();
        draft.attributes["statecode"] = 0;
        draft.attributes["statuscode"] = 1;
        g.store.upsert(draft);
        const std::string id2 = make_uuid_v4(3, 77);
        REQUIRE(g.run("record.create", record_create_args("incident", id2, {{"title", "x"}})));
        CHECK_FALSE(active_process_instance(g.store, "incident", id2));
    }
}

TEST_CASE("Next Stage refuses with the missing required steps and moves once they are filled", "[process]") {
    Fixture f;
    const std::string id = f.instance().id;
    REQUIRE(f.run("process.next_stage", process_instance_args(id)));  // customer and title are there
    CHECK(f.stage() == research);

    auto refused = f.run("process.next_stage", process_instance_args(id));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "missing_steps");
    CHECK(refused.error().field == "subjectid");
    CHECK(refused.error().message == "Fill in Subject before leaving the Research stage.");
    CHECK(f.stage() == research);

    f.set_case({{"subjectid", make_lookup("subject", make_uuid_v4(3, 5))}});
    REQUIRE(f.run("process.next_stage", process_instance_args(id), 1700000060000));
    CHECK(f.stage() == resolve);
    CHECK(f.instance().attributes["traversedpath"] == identify + "," + research + "," + resolve);
    CHECK(f.instance().attributes["activestagestartedon"] == "2023-11-14T22:14:20Z");

    SECTION("Previous Stage goes back along the traversed path") {
        REQUIRE(f.run("process.previous_stage", process_instance_args(id)));
        CHECK(f.stage() == research);
        CHECK(f.instance().attributes["traversedpath"] == identify + "," + research);
        REQUIRE(f.run("process.previous_stage", process_instance_args(id)));
        auto first = f.run("process.previous_stage", process_instance_args(id));
        REQUIRE_FALSE(first);
        CHECK(first.error().code == "first_stage");
    }
    SECTION("Next Stage on the last stage finishes the process once its steps are filled") {
        auto missing = f.run("process.next_stage", process_instance_args(id));
        CHECK(missing.error().field == "resolution");
        f.set_case({{"resolution", "Replaced the roller."}});
        REQUIRE(f.run("process.next_stage", process_instance_args(id)));
        const Record* done = f.store.find("bpfinstance", id);
        CHECK(done->attributes["statecode"] == 1);
        CHECK(done->attributes["statuscode"] == bpf_status_finished);
        CHECK_FALSE(active_process_instance(f.store, "incident", case_id));
        auto again = f.run("process.next_stage", process_instance_args(id));
        CHECK(again.error().code == "inactive_process");
    }
}

TEST_CASE("several missing steps are all named", "[process]") {
    ProcessStage stage{"s", {"Research", "Rechercher", "Riset"}, {{"subjectid", true}, {"productid", true}, {"title", true}}};
    Record r{"incident", case_id, {{"title", ""}}};
    CHECK(missing_required_steps(stage, r) == std::vector<std::string>{"subjectid", "productid", "title"});
    r.attributes["productid"] = make_lookup("product", "p");
    CHECK(missing_required_steps(stage, r) == std::vector<std::string>{"subjectid", "title"});
}

TEST_CASE("switching process aborts the running one and switching back resumes it", "[process]") {
    Fixture f;
    f.store.upsert(second_process());
    const std::string phone = f.instance().id;
    REQUIRE(f.run("process.next_stage", process_instance_args(phone)));

    REQUIRE(f.run("process.switch", process_switch_args("incident", case_id, other_process_id)));
    CHECK(f.instance().id == process_instance_id(other_process_id, case_id));
    CHECK(f.stage() == "triage");
    CHECK(f.store.find("bpfinstance", phone)->attributes["statuscode"] == bpf_status_aborted);

    REQUIRE(f.run("process.switch", process_switch_args("incident", case_id, phone_to_case_process_id)));
    CHECK(f.instance().id == phone);
    CHECK(f.stage() == research);  // where it was left
    CHECK(f.store.count("bpfinstance") == 2);

    SECTION("a process of another entity or one that does not exist is refused") {
        Record kb = second_process();
        kb.id = make_uuid_v4(3, 3);
        kb.attributes["primaryentity"] = "knowledgearticle";
        f.store.upsert(kb);
        auto wrong = f.run("process.switch", process_switch_args("incident", case_id, kb.id));
        CHECK(wrong.error().code == "wrong_entity");
        auto gone = f.run("process.switch", process_switch_args("incident", case_id, make_uuid_v4(3, 4)));
        CHECK(gone.error().code == "not_found");
    }
}

TEST_CASE("abandon stops the process and reactivate brings it back at its stage", "[process]") {
    Fixture f;
    const std::string id = f.instance().id;
    REQUIRE(f.run("process.next_stage", process_instance_args(id)));
    REQUIRE(f.run("process.abandon", process_instance_args(id)));
    CHECK_FALSE(active_process_instance(f.store, "incident", case_id));
    CHECK(f.store.find("bpfinstance", id)->attributes["statuscode"] == bpf_status_aborted);
    CHECK(f.run("process.abandon", process_instance_args(id)).error().code == "inactive_process");

    REQUIRE(f.run("process.reactivate", process_instance_args(id)));
    CHECK(f.stage() == research);
    CHECK(f.run("process.reactivate", process_instance_args(id)).error().code == "already_active");
}

TEST_CASE("only an agent who may change the case moves its process, and not while it is closed", "[process]") {
    Fixture f;
    const std::string id = f.instance().id;
    ReadOnlyCasePolicy read_only;
    f.policy = &read_only;
    auto refused = f.run("process.next_stage", process_instance_args(id));
    CHECK(refused.error().code == "forbidden");
    CHECK(f.stage() == identify);

    f.policy = &f.permissive;
    Record resolved = *f.store.find("incident", case_id);
    resolved.attributes["statecode"] = 1;
    resolved.attributes["statuscode"] = 5;
    f.store.upsert(resolved);
    auto closed = f.run("process.next_stage", process_instance_args(id));
    CHECK(closed.error().code == "read_only");
    CHECK(closed.error().message == "CAS-01001-ABC123 is closed; reactivate it before moving its process.");
}

TEST_CASE("bad arguments and malformed process definitions give clear errors", "[process]") {
    Fixture f;
    CHECK(f.run("process.next_stage", Json{{"id", f.instance().id}, {"stage", "x"}}).error().code == "unknown_field");
    CHECK(f.run("process.next_stage", Json::object()).error().code == "missing_field");
    CHECK(f.run("process.next_stage", process_instance_args(make_uuid_v4(3, 6))).error().code == "not_found");

    Record bad = phone_to_case_process_record();
    bad.attributes["stages"] = "[{\"name\":{\"en\":\"No id\"}}]";
    auto parsed = process_from_record(bad);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == "bad_process");
    bad.attributes["stages"] = "not json";
    CHECK_FALSE(process_from_record(bad));
    auto good = process_from_record(phone_to_case_process_record());
    REQUIRE(good);
    CHECK(good->stages.size() == 3);
    CHECK(good->stages[1].name.fr == "Rechercher");
}
