// The seed security roles. Each entity row is a 7-letter string, one letter per
// privilege in the order Create Read Write Delete Append AppendTo Assign, with
//   '-' None   'u' User   'b' BusinessUnit   'p' ParentChildBusinessUnits   'o' Organization
// so the table reads like the one in docs/security.md.
#include "core/security/roles.hpp"

#include "core/schema/schema.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace casehub {

namespace {

constexpr std::array<Privilege, 7> privilege_order = {Privilege::Create, Privilege::Read,     Privilege::Write,
                                                      Privilege::Delete, Privilege::Append,   Privilege::AppendTo,
                                                      Privilege::Assign};

Depth depth_from_letter(char c) {
    switch (c) {
        case 'u': return Depth::User;
        case 'b': return Depth::BusinessUnit;
        case 'p': return Depth::ParentChildBusinessUnits;
        case 'o': return Depth::Organization;
        default: return Depth::None;
    }
}

using Row = std::pair<const char*, const char*>;  // entity, "CRWDATS" letters

RoleDefinition make_role(const char* name, std::initializer_list<Row> rows) {
    RoleDefinition role;
    role.name = name;
    for (const auto& [entity, letters] : rows) {
        const std::string spec = letters;
        for (std::size_t i = 0; i < privilege_order.size() && i < spec.size(); ++i) {
            const Depth d = depth_from_letter(spec[i]);
            if (d != Depth::None) role.privileges.push_back(RolePrivilege{entity, privilege_order[i], d});
        }
    }
    return role;
}

std::vector<RoleDefinition> build_seed_roles() {
    std::vector<RoleDefinition> roles;

    // Works cases in their own business unit: reads and updates its cases, customers and
    // activities, creates records they own, deletes only their own activities and notes,
    // never deletes cases or customers. Reference data (queues, subjects, products,
    // users, units, published knowledge articles — see security.cpp) is readable
    // organization-wide so lookups, the reference panel and knowledge search work.
    //                                  CRWDATS
    roles.push_back(make_role(role_customer_service_representative,
                              {
                                  {"incident", "ubb-bbu"},
                                  {"account", "ubb-bbu"},
                                  {"contact", "ubb-bbu"},
                                  {"email", "ubbubbu"},
                                  {"task", "ubbubbu"},
                                  {"appointment", "ubbubbu"},
                                  {"phonecall", "ubbubbu"},
                                  {"socialactivity", "ubbubbu"},
                                  {"annotation", "ubuubbu"},
                                  {"incidentresolution", "ub--bb-"},
                                  {"queue", "-o---o-"},
                                  {"queueitem", "ubbbbb-"},
                                  {"queuemembership", "-o-----"},
                                  {"knowledgearticle", "-b---o-"},  // + published ones org-wide
                                  {"entitlement", "-b---b-"},
                                  {"sla", "-o---o-"},
                                  {"slakpiinstance", "bbb-bb-"},
                                  {"socialprofile", "ubb-bb-"},
                                  {"site", "-o---o-"},
                                  {"equipment", "-o---o-"},
                                  {"systemuser", "-o---o-"},
                                  {"team", "-o---o-"},
                                  {"teammembership", "-o-----"},
                                  {"businessunit", "-o---o-"},
                                  {"role", "-o-----"},
                                  {"postfollow", "uu-uu--"},
                                  {"syncconflict", "uuuu---"},
                                  {"subject", "-o---o-"},
                                  {"product", "-o---o-"},
                                  {"slaitem", "-o-----"},
                                  {"calendar", "-o-----"},  // business hours, for SLA timers
                                  {"knowledgearticleincident", "ubbubb-"},
                                  // Knowledge reference data: agents read it; feedback is their own.
                                  {"category", "-o---o-"},
                                  {"knowledgearticlecategory", "-o-----"},
                                  {"knowledgearticleproduct", "-o-----"},
                                  {"knowledgearticlerelation", "-o-----"},
                                  {"feedback", "uo-u---"},
                                  // Processes and routing are configuration: agents read them; process.* and
                                  // case.apply_routing check Write on the case itself.
                                  {"workflow", "-o---o-"},
                                  {"bpfinstance", "-o-----"},
                                  {"routingrule", "-o-----"},
                                  {"routingruleitem", "-o-----"},
                                  {"convertrule", "-o-----"},
                              }));

    // Supervises agents of their unit and the units below it: changes, deletes and
    // reassigns their service records, releases queue items other agents picked
    // (Assign on queueitem), and maintains queues and knowledge articles.
    roles.push_back(make_role(role_csr_manager,
                              {
                                  {"incident", "bpppppp"},
                                  {"account", "bpppppp"},
                                  {"contact", "bpppppp"},
                                  {"email", "bpppppp"},
                                  {"task", "bpppppp"},
                                  {"appointment", "bpppppp"},
                                  {"phonecall", "bpppppp"},
                                  {"socialactivity", "bpppppp"},
                                  {"annotation", "bpppppp"},
                                  {"incidentresolution", "bppppp-"},
                                  {"queue", "bopppop"},
                                  {"queueitem", "bpppppp"},
                                  {"queuemembership", "oo-o---"},
                                  {"knowledgearticle", "bopppop"},
                                  {"entitlement", "bpppppp"},
                                  {"sla", "-o---o-"},
                                  {"slakpiinstance", "bppppp-"},
                                  {"socialprofile", "bpppppp"},
                                  {"site", "-o---o-"},
                                  {"equipment", "-o---o-"},
                                  {"systemuser", "-o---o-"},
                                  {"team", "-o---o-"},
                                  {"teammembership", "-o-----"},
                                  {"businessunit", "-o---o-"},
                                  {"role", "-o-----"},
                                  {"postfollow", "uu-uu--"},
                                  {"syncconflict", "uuuu---"},
                                  {"subject", "-o---o-"},
                                  {"product", "-o---o-"},
                                  {"slaitem", "-o-----"},
                                  {"calendar", "-o-----"},  // business hours, for SLA timers
                                  {"knowledgearticleincident", "bpppppp"},
                                  {"category", "ooooooo"},
                                  {"knowledgearticlecategory", "oooooo-"},
                                  {"knowledgearticleproduct", "oooooo-"},
                                  {"knowledgearticlerelation", "oooooo-"},
                                  {"feedback", "bopp---"},
                                  // Processes and routing are configuration: agents read them; process.* and
                                  // case.apply_routing check Write on the case itself.
                                  {"workflow", "-o---o-"},
                                  {"bpfinstance", "-o-----"},
                                  {"routingrule", "-o-----"},
                                  {"routingruleitem", "-o-----"},
                                  {"convertrule", "-o-----"},
                              }));

    // Everything, everywhere, including entities no role lists.
    RoleDefinition admin;
    admin.name = role_system_administrator;
    admin.all_entities = true;
    roles.push_back(std::move(admin));

    // Customises the service: full control of configuration entities (SLAs and their
    // items, queues, sites, equipment, subjects, products), reads all data, and changes only records they own.
    roles.push_back(make_role(role_system_customizer,
                              {
                                  {"sla", "ooooooo"},
                                  {"queue", "ooooooo"},
                                  {"site", "ooooooo"},
                                  {"equipment", "ooooooo"},
                                  {"role", "-o-----"},
                                  {"incident", "uou-uu-"},
                                  {"account", "uou-uu-"},
                                  {"contact", "uou-uu-"},
                                  {"email", "uou-uu-"},
                                  {"task", "uou-uu-"},
                                  {"appointment", "uou-uu-"},
                                  {"phonecall", "uou-uu-"},
                                  {"socialactivity", "uou-uu-"},
                                  {"annotation", "uouuuu-"},
                                  {"incidentresolution", "-o-----"},
                                  {"queueitem", "-o-----"},
                                  {"queuemembership", "ooooooo"},
                                  {"knowledgearticle", "uou-uu-"},
                                  {"entitlement", "-o---o-"},
                                  {"slakpiinstance", "-o-----"},
                                  {"socialprofile", "-o-----"},
                                  {"systemuser", "-o---o-"},
                                  {"team", "-o---o-"},
                                  {"teammembership", "-o-----"},
                                  {"businessunit", "-o---o-"},
                                  {"postfollow", "uu-uu--"},
                                  {"syncconflict", "uuuu---"},
                                  {"subject", "ooooooo"},
                                  {"product", "ooooooo"},
                                  {"slaitem", "ooooooo"},
                                  {"calendar", "ooooooo"},
                                  {"knowledgearticleincident", "-o-----"},
                                  {"category", "ooooooo"},
                                  {"knowledgearticlecategory", "-o-----"},
                                  {"knowledgearticleproduct", "-o-----"},
                                  {"knowledgearticlerelation", "-o-----"},
                                  {"feedback", "-o-----"},
                                  {"workflow", "ooooooo"},
                                  {"bpfinstance", "-o-----"},
                                  {"routingrule", "ooooooo"},
                                  {"routingruleitem", "ooooooo"},
                                  {"convertrule", "ooooooo"},
                              }));
    return roles;
}

}  // namespace

Depth RoleDefinition::depth(const std::string& entity, Privilege privilege) const {
    if (all_entities) return Depth::Organization;
    for (const auto& p : privileges)
        if (p.privilege == privilege && p.entity == entity) return p.depth;
    return Depth::None;
}

const std::vector<RoleDefinition>& seed_roles() {
    static const std::vector<RoleDefinition> roles = build_seed_roles();
    return roles;
}

const RoleDefinition* find_role(const std::string& name) {
    for (const auto& r : seed_roles())
        if (r.name == name) return &r;
    return nullptr;
}

const std::vector<std::string>& secured_entities() {
    static const std::vector<std::string> entities = {
        "account",      "contact",      "incident",       "incidentresolution", "email",          "task",
        "appointment",  "phonecall",    "socialactivity", "annotation",         "queue",          "queueitem",
        "knowledgearticle", "entitlement", "sla",         "slakpiinstance",     "socialprofile",  "site",
        "equipment",    "systemuser",   "team",           "teammembership",     "businessunit",   "role",
        "postfollow",   "syncconflict", "subject",        "product",            "slaitem",
        "knowledgearticleincident", "queuemembership", "calendar", "workflow", "bpfinstance", "routingrule", "routingruleitem", "convertrule",
        "category", "knowledgearticlecategory", "knowledgearticleproduct", "knowledgearticlerelation", "feedback",
    };
    return entities;
}

bool is_user_owned_entity(const std::string& entity) {
    if (const EntityDef* def = casehub_schema().entity(entity)) return def->user_owned;
    // Entities the sync layer keeps outside the schema.
    static const std::vector<std::string> owned = {
        "account", "contact",          "incident",    "incidentresolution", "email",          "task",
        "appointment", "phonecall",    "socialactivity", "annotation",      "queue",          "queueitem",
        "knowledgearticle", "entitlement", "sla",     "slakpiinstance",     "socialprofile",  "postfollow",
        "syncconflict",
    };
    return std::find(owned.begin(), owned.end(), entity) != owned.end();
}

Json role_to_json(const RoleDefinition& role) {
    Json privileges = Json::object();
    if (role.all_entities) {
        for (const auto& entity : secured_entities())
            for (Privilege p : privilege_order) privileges[entity][to_string(p)] = to_string(Depth::Organization);
    } else {
        for (const auto& p : role.privileges) privileges[p.entity][to_string(p.privilege)] = to_string(p.depth);
    }
    return Json{{"name", role.name}, {"all_entities", role.all_entities}, {"privileges", privileges}};
}

}  // namespace casehub
