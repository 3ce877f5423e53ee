// Privilege checks at depth, as Dataverse does them: a role grants a depth per
// (entity, privilege); the depth covers a record when the user (or a team of theirs)
// owns it, or its business unit is the user's (or below it), or always (Organization).
// Messages name the user, their roles, the action and the scope they lack.
#include "core/security/security.hpp"

#include <algorithm>
#include <map>

#include "core/security/roles.hpp"

namespace casehub {

namespace {

// Lookups that record who owns or touched a record: changed through assign (owner) or
// by the mutation layer (created/modified by), never checked as Append/AppendTo links.
bool is_ownership_or_audit_attribute(const std::string& name) {
    return name == "ownerid" || name == "owningbusinessunit" || name == "owninguser" || name == "owningteam" ||
           name == "createdby" || name == "modifiedby" || name == "createdonbehalfby" ||
           name == "modifiedonbehalfby";
}

// {"entity":..,"id":..} with both strings.
bool is_lookup_value(const Json& v) {
    if (!v.is_object()) return false;
    auto e = v.find("entity");
    auto i = v.find("id");
    return e != v.end() && i != v.end() && e->is_string() && i->is_string();
}

std::string string_attribute(const Record& record, const std::string& attribute) {
    const Json* v = record.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// True when the user, or a team the user belongs to, owns the record. A systemuser
// "owns" itself and a team is owned by its members, so User depth on those entities
// means "my own user record" and "my teams".
bool is_owned_by(const UserContext& user, const Record& record) {
    if (record.entity == "systemuser") return record.id == user.user_id;
    if (record.entity == "team") return contains(user.team_ids, record.id);
    const std::string owner = lookup_id_of(record, "ownerid");
    if (owner.empty()) return false;
    const std::string owner_entity = lookup_entity_of(record, "ownerid");
    if (owner_entity == "team") return contains(user.team_ids, owner);
    return owner == user.user_id;  // "systemuser", or a bare id
}

// True when `unit` is `ancestor` or lies below it. The walk is bounded so a cycle in
// parentbusinessunitid (bad data) cannot hang the server.
bool is_same_or_below(const Store& store, std::string unit, const std::string& ancestor) {
    for (int steps = 0; steps < 64 && !unit.empty(); ++steps) {
        if (unit == ancestor) return true;
        const Record* bu = store.find("businessunit", unit);
        if (!bu) return false;
        unit = lookup_id_of(*bu, "parentbusinessunitid");
    }
    return false;
}

bool depth_covers(const Store& store, const UserContext& user, Depth depth, const Record& record) {
    switch (depth) {
        case Depth::None: return false;
        case Depth::Organization: return true;
        case Depth::User: return is_owned_by(user, record);
        case Depth::BusinessUnit: {
            if (is_owned_by(user, record)) return true;
            const std::string bu = business_unit_of(store, record);
            return !bu.empty() && bu == user.business_unit_id;
        }
        case Depth::ParentChildBusinessUnits: {
            if (is_owned_by(user, record)) return true;
            const std::string bu = business_unit_of(store, record);
            return !bu.empty() && !user.business_unit_id.empty() && is_same_or_below(store, bu, user.business_unit_id);
        }
    }
    return false;
}

// Published knowledge articles (statecode 3) are meant for every agent: any Read
// depth on knowledgearticle reads them organization-wide; drafts keep their depth.
bool is_published_article(const Record& record) {
    if (record.entity != "knowledgearticle") return false;
    const Json* state = record.get("statecode");
    return state && state->is_number_integer() && state->get<int>() == 3;
}

bool grants(const Store& store, const UserContext& user, Privilege privilege, Depth depth, const Record& record) {
    if (privilege == Privilege::Read && depth != Depth::None && is_published_article(record)) return true;
    return depth_covers(store, user, depth, record);
}

std::string plural_of(const std::string& entity) {
    static const std::map<std::string, std::string> names = {
        {"incident", "cases"},
        {"account", "accounts"},
        {"contact", "contacts"},
        {"email", "emails"},
        {"task", "tasks"},
        {"appointment", "appointments"},
        {"phonecall", "phone calls"},
        {"socialactivity", "social activities"},
        {"annotation", "notes"},
        {"incidentresolution", "case resolutions"},
        {"queue", "queues"},
        {"queueitem", "queue items"},
        {"knowledgearticle", "knowledge articles"},
        {"entitlement", "entitlements"},
        {"sla", "SLAs"},
        {"slakpiinstance", "SLA timers"},
        {"socialprofile", "social profiles"},
        {"site", "sites"},
        {"equipment", "facilities and equipment"},
        {"systemuser", "users"},
        {"team", "teams"},
        {"teammembership", "team memberships"},
        {"businessunit", "business units"},
        {"role", "security roles"},
        {"postfollow", "follows"},
        {"subject", "subjects"},
        {"product", "products"},
        {"slaitem", "SLA items"},
        {"knowledgearticleincident", "article links"},
        {"syncconflict", "sync conflicts"},
    };
    auto it = names.find(entity);
    return it != names.end() ? it->second : entity + " records";
}

// "change cases", "attach records to cases", ...
std::string action_phrase(Privilege privilege, const std::string& entity) {
    const std::string plural = plural_of(entity);
    switch (privilege) {
        case Privilege::Create: return "create " + plural;
        case Privilege::Read: return "see " + plural;
        case Privilege::Write: return "change " + plural;
        case Privilege::Delete: return "delete " + plural;
        case Privilege::Append: return "link " + plural + " to other records";
        case Privilege::AppendTo: return "attach records to " + plural;
        case Privilege::Assign: return "assign " + plural;
    }
    return "use " + plural;
}

// "Alex Taylor (Customer Service Representative)".
std::string describe_user(const UserContext& user) {
    std::string out = user.fullname.empty() ? "User " + user.user_id : user.fullname;
    out += " (";
    if (user.roles.empty()) out += "no security role";
    for (std::size_t i = 0; i < user.roles.size(); ++i) out += (i ? ", " : "") + user.roles[i];
    return out + ")";
}

std::string business_unit_name(const Store& store, const std::string& id) {
    if (const Record* bu = store.find("businessunit", id)) {
        std::string name = string_attribute(*bu, "name");
        if (!name.empty()) return name;
    }
    return id;
}

// The owner's display name: a user's fullname or a team's name.
std::string owner_name(const Store& store, const Record& record) {
    const std::string id = lookup_id_of(record, "ownerid");
    if (id.empty()) return "nobody";
    std::string entity = lookup_entity_of(record, "ownerid");
    if (entity.empty()) entity = "systemuser";
    if (const Record* owner = store.find(entity, id)) {
        std::string name = string_attribute(*owner, entity == "team" ? "name" : "fullname");
        if (!name.empty()) return name;
    }
    return "someone else";
}

Error forbidden(const Store& store, const UserContext& user, Privilege privilege, Depth granted,
                const Record& record) {
    const std::string who = describe_user(user);
    const std::string action = action_phrase(privilege, record.entity);
    std::string message;
    if (granted == Depth::None) {
        message = who + " may not " + action + ". Ask an administrator for a security role that allows it.";
    } else if (granted == Depth::User) {
        message = who + " may only " + action + " they own; this one belongs to " + owner_name(store, record) + ".";
    } else {
        const std::string bu = business_unit_of(store, record);
        if (bu.empty())
            message = who + " may not " + action + " outside their business unit.";
        else
            message = who + " may not " + action + " of business unit " + business_unit_name(store, bu) + ".";
    }
    return make_error("forbidden", message);
}

}  // namespace

const char* to_string(Privilege privilege) {
    switch (privilege) {
        case Privilege::Create: return "create";
        case Privilege::Read: return "read";
        case Privilege::Write: return "write";
        case Privilege::Delete: return "delete";
        case Privilege::Append: return "append";
        case Privilege::AppendTo: return "appendto";
        case Privilege::Assign: return "assign";
    }
    return "?";
}

const char* to_string(Depth depth) {
    switch (depth) {
        case Depth::None: return "none";
        case Depth::User: return "user";
        case Depth::BusinessUnit: return "businessunit";
        case Depth::ParentChildBusinessUnits: return "parentchild";
        case Depth::Organization: return "organization";
    }
    return "?";
}

bool parse_privilege(const std::string& name, Privilege& out) {
    for (Privilege p : {Privilege::Create, Privilege::Read, Privilege::Write, Privilege::Delete, Privilege::Append,
                        Privilege::AppendTo, Privilege::Assign}) {
        if (name == to_string(p)) {
            out = p;
            return true;
        }
    }
    return false;
}

bool parse_depth(const std::string& name, Depth& out) {
    for (Depth d : {Depth::None, Depth::User, Depth::BusinessUnit, Depth::ParentChildBusinessUnits,
                    Depth::Organization}) {
        if (name == to_string(d)) {
            out = d;
            return true;
        }
    }
    return false;
}

Depth privilege_depth(const UserContext& user, const std::string& entity, Privilege privilege) {
    Depth best = Depth::None;
    for (const auto& name : user.roles) {
        if (const RoleDefinition* role = find_role(name)) best = std::max(best, role->depth(entity, privilege));
    }
    return best;
}

std::string business_unit_of(const Store& store, const Record& record) {
    if (record.entity == "businessunit") return record.id;
    if (record.entity == "systemuser" || record.entity == "team") return lookup_id_of(record, "businessunitid");
    std::string bu = lookup_id_of(record, "owningbusinessunit");
    if (!bu.empty()) return bu;
    const std::string owner = lookup_id_of(record, "ownerid");
    if (!owner.empty()) {
        std::string owner_entity = lookup_entity_of(record, "ownerid");
        if (owner_entity.empty()) owner_entity = "systemuser";
        if (const Record* o = store.find(owner_entity, owner)) return lookup_id_of(*o, "businessunitid");
    }
    // Business-owned records (equipment, queues in the demo data) name their unit directly.
    return lookup_id_of(record, "businessunitid");
}

Status check_privilege(const Store& store, const UserContext& user, Privilege privilege, const Record& record) {
    const Depth granted = privilege_depth(user, record.entity, privilege);
    if (grants(store, user, privilege, granted, record)) return {};
    return forbidden(store, user, privilege, granted, record);
}

bool can_read(const Store& store, const UserContext& user, const Record& record) {
    return grants(store, user, Privilege::Read, privilege_depth(user, record.entity, Privilege::Read), record);
}

namespace {

// Append on `source` (as it is) and AppendTo on every existing record that a lookup
// of `changed` points at and `before` did not (before == nullptr: every lookup).
Status check_links(const Store& store, const UserContext& user, const Record& source, const Record& changed,
                   const Record* before) {
    bool append_checked = false;
    for (auto it = changed.attributes.begin(); it != changed.attributes.end(); ++it) {
        if (is_ownership_or_audit_attribute(it.key()) || !is_lookup_value(it.value())) continue;
        if (before) {
            auto old = before->attributes.find(it.key());
            if (old != before->attributes.end() && *old == it.value()) continue;
        }
        const Record* target = store.find(it.value()["entity"].get<std::string>(), it.value()["id"].get<std::string>());
        if (!target) continue;  // a dangling lookup is validation's business, not security's
        if (!append_checked) {
            if (auto s = check_privilege(store, user, Privilege::Append, source); !s) return s;
            append_checked = true;
        }
        if (auto s = check_privilege(store, user, Privilege::AppendTo, *target); !s) {
            Error e = s.error();
            e.field = it.key();
            return e;
        }
    }
    return {};
}

bool same_json(const Record& a, const Record& b, const std::string& attribute) {
    const Json* x = a.get(attribute);
    const Json* y = b.get(attribute);
    if (!x || !y) return !x && !y;
    return *x == *y;
}

}  // namespace

Status check_create(const Store& store, const UserContext& user, const Record& record) {
    if (auto s = check_privilege(store, user, Privilege::Create, record); !s) return s;
    return check_links(store, user, record, record, nullptr);
}

Status check_update(const Store& store, const UserContext& user, const Record& current, const Record& updated) {
    if (auto s = check_privilege(store, user, Privilege::Write, current); !s) return s;
    if (!same_json(current, updated, "ownerid") || !same_json(current, updated, "owningbusinessunit")) {
        const Json* owner = updated.get("ownerid");
        if (!owner) return make_error("invalid", "A record cannot be left without an owner; choose a user or team.",
                                      "ownerid");
        if (auto s = check_assign(store, user, current, *owner); !s) return s;
    }
    return check_links(store, user, current, updated, &current);
}

Status check_delete(const Store& store, const UserContext& user, const Record& current) {
    return check_privilege(store, user, Privilege::Delete, current);
}

Status check_assign(const Store& store, const UserContext& user, const Record& current, const Json& new_owner) {
    if (!is_lookup_value(new_owner) ||
        (new_owner["entity"] != "systemuser" && new_owner["entity"] != "team"))
        return make_error("invalid", "The new owner must be a user or a team ({\"entity\":\"systemuser\",\"id\":..}).",
                          "ownerid");
    if (auto s = check_privilege(store, user, Privilege::Assign, current); !s) return s;

    const std::string entity = new_owner["entity"].get<std::string>();
    const std::string id = new_owner["id"].get<std::string>();
    const Record* owner = store.find(entity, id);
    if (!owner) return make_error("not_found", "The new owner does not exist; choose another user or team.", "ownerid");

    Record reassigned = current;
    reassigned.attributes["ownerid"] = new_owner;
    const std::string owner_bu = lookup_id_of(*owner, "businessunitid");
    if (!owner_bu.empty()) reassigned.attributes["owningbusinessunit"] = make_lookup("businessunit", owner_bu);

    // As in Dataverse, the new owner must be able to see what they receive.
    if (entity == "systemuser") {
        auto ctx = user_context_for(store, id);
        if (!ctx)
            return make_error("forbidden", "Cannot assign to " + string_attribute(*owner, "fullname") + ": " +
                                               ctx.error().message, "ownerid");
        if (!can_read(store, *ctx, reassigned))
            return make_error("forbidden",
                              describe_user(*ctx) + " may not see " + plural_of(current.entity) +
                                  ", so cannot own this one; choose an owner whose role lets them read it.",
                              "ownerid");
    }
    return {};
}

Status check_append(const Store& store, const UserContext& user, const Record& source, const Record& target) {
    if (auto s = check_privilege(store, user, Privilege::Append, source); !s) return s;
    return check_privilege(store, user, Privilege::AppendTo, target);
}

Status check_release_queue_item(const Store& store, const UserContext& user, const Record& queueitem) {
    const std::string worker = lookup_id_of(queueitem, "workerid");
    if (worker.empty() || worker == user.user_id) return check_privilege(store, user, Privilege::Write, queueitem);
    if (check_privilege(store, user, Privilege::Assign, queueitem)) return {};
    std::string worker_name = "another agent";
    if (const Record* w = store.find("systemuser", worker)) {
        std::string name = string_attribute(*w, "fullname");
        if (!name.empty()) worker_name = name;
    }
    return make_error("forbidden", describe_user(user) + " may not release an item " + worker_name +
                                       " is working on; ask a CSR Manager to release it.");
}

Record with_default_owner(const Store& store, Record record, const UserContext& user) {
    if (!is_user_owned_entity(record.entity)) return record;
    if (!record.get("ownerid")) record.attributes["ownerid"] = make_lookup("systemuser", user.user_id);
    if (!record.get("owningbusinessunit")) {
        std::string bu = business_unit_of(store, record);
        if (bu.empty()) bu = user.business_unit_id;
        if (!bu.empty()) record.attributes["owningbusinessunit"] = make_lookup("businessunit", bu);
    }
    return record;
}

std::vector<std::string> split_role_names(const std::string& securityroles) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= securityroles.size()) {
        std::size_t end = securityroles.find(',', start);
        if (end == std::string::npos) end = securityroles.size();
        std::string name = securityroles.substr(start, end - start);
        const auto first = name.find_first_not_of(" \t");
        const auto last = name.find_last_not_of(" \t");
        if (first != std::string::npos) {
            name = name.substr(first, last - first + 1);
            if (!contains(out, name)) out.push_back(name);
        }
        start = end + 1;
    }
    return out;
}

Result<UserContext> user_context_for(const Store& store, const std::string& systemuser_id) {
    const Record* user = store.find("systemuser", systemuser_id);
    if (!user) return make_error("not_found", "There is no user " + systemuser_id + "; ask an administrator to add it.");
    UserContext ctx;
    ctx.user_id = systemuser_id;
    ctx.fullname = string_attribute(*user, "fullname");
    const std::string display = ctx.fullname.empty() ? string_attribute(*user, "domainname") : ctx.fullname;
    if (const Json* disabled = user->get("isdisabled"); disabled && disabled->is_boolean() && disabled->get<bool>())
        return make_error("disabled", "The account of " + display + " is disabled; ask an administrator to enable it.");
    ctx.business_unit_id = lookup_id_of(*user, "businessunitid");
    if (ctx.business_unit_id.empty())
        return make_error("invalid", "The account of " + display +
                                         " has no business unit; ask an administrator to set one.",
                          "businessunitid");
    ctx.roles = split_role_names(string_attribute(*user, "securityroles"));
    store.for_each("teammembership", [&](const Record& m) {
        if (lookup_id_of(m, "systemuserid") != systemuser_id) return;
        const std::string team = lookup_id_of(m, "teamid");
        if (!team.empty() && !contains(ctx.team_ids, team)) ctx.team_ids.push_back(team);
    });
    std::sort(ctx.team_ids.begin(), ctx.team_ids.end());
    return ctx;
}

}  // namespace casehub
