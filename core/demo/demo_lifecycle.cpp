// Demo incidentresolution records (see demo_lifecycle.hpp).
#include "core/demo/demo_lifecycle.hpp"

#include <vector>

#include "core/apply/mutation_registry.hpp"

namespace casehub {
namespace {

// What solved a demo case, in the three languages the demo customers write in.
constexpr const char* kResolutions[] = {
    "Replaced the faulty part on site",     "Remote reset; customer confirmed it works",
    "Pièce remplacée, client satisfait",    "Procédure envoyée par courrier électronique",
    "Suku cadang diganti di lokasi",        "Panduan dikirim ke pelanggan",
};

}  // namespace

void add_demo_lifecycle(const DemoOptions& options, Store& store) {
    std::vector<Record> resolutions;
    store.for_each("incident", [&](const Record& c) {
        if (resolutions.size() >= options.detailed_case_limit) return;
        const Json* state = c.get("statecode");
        if (!state || !state->is_number_integer() || state->get<int>() != 1 || !c.get("description")) return;
        const std::string id = uuid_from_text("demo-incidentresolution:" + c.id);
        const std::size_t pick = static_cast<std::size_t>(id[0]) % std::size(kResolutions);
        Record r{"incidentresolution", id, Json::object()};
        r.attributes["subject"] = kResolutions[pick];
        r.attributes["incidentid"] = make_lookup("incident", c.id);
        r.attributes["timespent"] = static_cast<int>(15 * (1 + pick));
        r.attributes["statecode"] = 1;
        r.attributes["statuscode"] = 2;
        for (const char* a : {"ownerid", "owningbusinessunit", "createdby", "modifiedby"})
            if (const Json* v = c.get(a)) r.attributes[a] = *v;
        for (const char* a : {"modifiedon", "resolvedon"})
            if (const Json* v = c.get(a)) {
                r.attributes["createdon"] = *v;
                r.attributes["modifiedon"] = *v;
                r.attributes["actualend"] = *v;
            }
        resolutions.push_back(std::move(r));
    });
    for (Record& r : resolutions) store.upsert(std::move(r));
}

}  // namespace casehub
