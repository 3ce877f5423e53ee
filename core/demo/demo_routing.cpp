// Demo processes, routing rule set and record creation rules (see demo_routing.hpp).
// Ids are derived from the seed so generating twice upserts the same records.
#include "core/demo/demo_routing.hpp"

#include <string>
#include <vector>

#include "core/domain/process/business_process.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/base/time.hpp"

namespace casehub {
namespace {

std::string name_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::string find_by_name(const Store& store, const std::string& entity, const char* attribute, const std::string& name) {
    std::string id;
    store.for_each(entity, [&](const Record& r) {
        if (id.empty() && name_of(r, attribute) == name) id = r.id;
    });
    return id;
}

Json condition(const char* attribute, const char* op, Json value) {
    return Json{{"attribute", attribute}, {"op", op}, {"value", std::move(value)}};
}

struct Writer {
    Store& store;
    const DemoOptions& options;
    std::string admin;
    std::string at;

    std::string id(const std::string& salt) const {
        return uuid_from_text("demo-routing:" + std::to_string(options.seed) + ":" + salt);
    }
    void put(const std::string& entity, const std::string& record_id, Json attributes) {
        Record r{entity, record_id, std::move(attributes)};
        r.attributes["createdon"] = at;
        r.attributes["modifiedon"] = at;
        if (!admin.empty()) {
            r.attributes["createdby"] = make_lookup("systemuser", admin);
            r.attributes["modifiedby"] = make_lookup("systemuser", admin);
        }
        store.upsert(std::move(r));
    }
};

void processes(Writer& w) {
    Record phone = phone_to_case_process_record();
    w.put("workflow", phone.id, phone.attributes);
    auto def = process_from_record(phone);
    if (!def) return;
    // A run on each open case with details; about a third already past Identify.
    std::vector<const Record*> cases;
    w.store.for_each("incident", [&](const Record& r) {
        const Json* s = r.get("statecode");
        if ((!s || *s == 0) && cases.size() < w.options.detailed_case_limit) cases.push_back(&r);
    });
    std::vector<Record> runs;
    for (const Record* c : cases) {
        const std::string id = process_instance_id(phone.id, c->id);
        const bool researching = id[0] < '5' && c->get("subjectid");
        const auto& first = def->stages[0].id;
        const auto& second = def->stages[1].id;
        Json a = {{"name", def->name},
                  {"processid", make_lookup("workflow", phone.id)},
                  {"regardingobjectid", make_lookup("incident", c->id)},
                  {"activestageid", researching ? second : first},
                  {"traversedpath", researching ? first + "," + second : first},
                  {"statecode", 0},
                  {"statuscode", bpf_status_active}};
        if (const Json* created = c->get("createdon")) a["activestagestartedon"] = *created;
        runs.push_back(Record{"bpfinstance", id, std::move(a)});
    }
    for (auto& r : runs) w.put("bpfinstance", r.id, std::move(r.attributes));
}

void routing(Writer& w) {
    const Store& s = w.store;
    const std::string gold = find_by_name(s, "queue", "name", "Gold");
    const std::string tier2 = find_by_name(s, "queue", "name", "Tier 2 Support");
    const std::string tier1 = find_by_name(s, "queue", "name", "Tier 1 Support");
    const std::string dukungan = find_by_name(s, "queue", "name", "Dukungan Indonesia");
    const std::string bu_fr = find_by_name(s, "businessunit", "name", "Contoso France");
    const std::string bu_id = find_by_name(s, "businessunit", "name", "Contoso Indonesia");
    const std::string camille = find_by_name(s, "systemuser", "domainname", "camille");
    Json gold_entitlements = Json::array();
    s.for_each("entitlement", [&](const Record& r) {
        if (name_of(r, "name") == "Gold Support") gold_entitlements.push_back(r.id);
    });

    const std::string set = w.id("routingrule");
    w.put("routingrule", set,
          {{"name", "Contoso case routing"},
           {"description", "Gold and urgent cases to Gold; French problems to Tier 2; Indonesian cases to Dukungan "
                           "Indonesia; social media cases to Camille Martin."},
           {"statecode", 1},
           {"statuscode", 2}});
    int seq = 0;
    auto item = [&](const char* name, Json filter, const std::string& queue, const std::string& user) {
        if (queue.empty() && user.empty()) return;
        ++seq;
        Json a = {{"name", name},
                  {"routingruleid", make_lookup("routingrule", set)},
                  {"sequencenumber", seq * 10},
                  {"conditionjson", filter.dump()}};
        if (!queue.empty()) a["routedqueueid"] = make_lookup("queue", queue);
        if (queue.empty()) a["assignobjectid"] = make_lookup("systemuser", user);
        w.put("routingruleitem", w.id("routingruleitem:" + std::to_string(seq)), std::move(a));
    };
    if (!gold_entitlements.empty())
        item("Gold entitlement", Json{{"conditions", Json::array({condition("entitlementid", "in", gold_entitlements)})}},
             gold, "");
    item("High priority", Json{{"conditions", Json::array({condition("prioritycode", "eq", 1)})}}, gold, "");
    if (!bu_fr.empty())
        item("French problems",
             Json{{"conditions", Json::array({condition("owningbusinessunit", "eq", bu_fr), condition("casetypecode", "eq", 2)})}},
             tier2, "");
    if (!bu_id.empty())
        item("Indonesian cases", Json{{"conditions", Json::array({condition("owningbusinessunit", "eq", bu_id)})}},
             dukungan, "");
    item("Social media", Json{{"conditions", Json::array({condition("caseorigincode", "in", Json::array({2483, 3986}))})}},
         "", camille);

    auto rule = [&](const char* name, const std::string& queue) {
        if (queue.empty()) return;
        w.put("convertrule", w.id(std::string("convertrule:") + name),
              {{"name", name},
               {"queueid", make_lookup("queue", queue)},
               {"allowunknownsender", true},
               {"createcase", true},
               {"routecase", true},
               {"statecode", 1},
               {"statuscode", 2}});
    };
    rule("Gold mailbox: email to case", gold);
    rule("French support mailbox: email to case", tier1);
}

}  // namespace

void add_demo_routing(const DemoOptions& options, Store& store) {
    Writer w{store, options, {}, format_utc(options.now_ms - 400 * 86400000LL)};
    if (const Record* admin = find_user_by_domainname(store, "admin")) w.admin = admin->id;
    processes(w);
    routing(w);
}

}  // namespace casehub
