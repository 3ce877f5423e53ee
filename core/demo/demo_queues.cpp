// Demo queues: personal queues and memberships (see demo_queues.hpp).
#include "core/demo/demo_queues.hpp"

#include <vector>

#include "core/apply/mutation_registry.hpp"  // uuid_from_text

namespace casehub {
namespace {

}  // namespace

void add_demo_queues(const DemoOptions& options, Store& store) {
    const Record* admin = find_user_by_domainname(store, "admin");
    if (!admin) return;
    const std::string seed = std::to_string(options.seed);
    const std::string when = format_utc(options.now_ms - 400LL * 24 * 60 * 60 * 1000);  // when the org was set up
    const Json by = make_lookup("systemuser", admin->id);
    auto stamp = [&](Record& r) {
        r.attributes["createdon"] = when;
        r.attributes["modifiedon"] = when;
        r.attributes["createdby"] = by;
        r.attributes["modifiedby"] = by;
    };
    struct Shared {
        std::string id, bu;
    };
    std::vector<Shared> shared;  // the public queues, each made for one business unit
    store.for_each("queue", [&](const Record& q) {
        const Json* type = q.get("queueviewtype");
        if (!type || *type == 0) shared.push_back({q.id, lookup_id_of(q, "businessunitid")});
    });

    for (const char* domain : {"camille", "alex", "dewi", "budi"}) {
        const Record* found = find_user_by_domainname(store, domain);
        if (!found) continue;
        Record user = *found;
        const std::string bu = lookup_id_of(user, "businessunitid");
        const std::string key = "demo-queue/" + seed + "/" + domain;
        auto member = [&](const std::string& queue_id) {
            Record m{"queuemembership", uuid_from_text(key + "/member/" + queue_id),
                     {{"queueid", make_lookup("queue", queue_id)}, {"systemuserid", make_lookup("systemuser", user.id)}}};
            stamp(m);
            store.upsert(std::move(m));
        };
        // The agent's own queue: private, where items they pick can move.
        Record own{"queue", uuid_from_text(key + "/own"),
                   {{"name", "<" + user.attributes.value("fullname", std::string(domain)) + ">"},
                    {"queueviewtype", 1},
                    {"businessunitid", make_lookup("businessunit", bu)},
                    {"ownerid", make_lookup("systemuser", user.id)},
                    {"owningbusinessunit", make_lookup("businessunit", bu)},
                    {"statecode", 0},
                    {"statuscode", 1}}};
        stamp(own);
        const std::string own_id = own.id;
        store.upsert(std::move(own));
        member(own_id);
        for (const auto& q : shared)
            if (q.bu == bu) member(q.id);
        user.attributes["queueid"] = make_lookup("queue", own_id);
        store.upsert(std::move(user));
    }

    // Whatever the random cases came out as, the Gold queue has work waiting: three open
    // French cases that are in no queue yet, nobody working them.
    const Record* camille = find_user_by_domainname(store, "camille");
    std::string gold;
    store.for_each("queue", [&](const Record& q) {
        if (gold.empty() && q.attributes.value("name", std::string()) == "Gold") gold = q.id;
    });
    if (!camille || gold.empty()) return;
    const std::string bu_fr = lookup_id_of(*camille, "businessunitid");
    std::vector<Record> waiting;
    store.for_each("incident", [&](const Record& c) {
        if (waiting.size() >= 3 || c.attributes.value("statecode", -1) != 0) return;
        if (lookup_id_of(c, "owningbusinessunit") != bu_fr || !store.referencing("queueitem", "objectid", c.id).empty())
            return;
        Record qi{"queueitem", uuid_from_text("demo-queue/" + seed + "/gold/" + c.id),
                  {{"title", c.attributes.value("title", std::string())},
                   {"queueid", make_lookup("queue", gold)},
                   {"objectid", make_lookup("incident", c.id)},
                   {"enteredon", c.attributes.value("createdon", when)},
                   {"priority", c.attributes.value("prioritycode", 2)},
                   {"statecode", 0},
                   {"statuscode", 1}}};
        for (const char* a : {"ownerid", "owningbusinessunit", "createdon", "createdby", "modifiedon", "modifiedby"})
            if (const Json* v = c.get(a)) qi.attributes[a] = *v;
        waiting.push_back(std::move(qi));
    });
    for (auto& qi : waiting) store.upsert(std::move(qi));
}

}  // namespace casehub
