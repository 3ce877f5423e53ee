// Entitlement rules (see entitlements.hpp). The check and the pick run in before_save so
// a refused case is never written; the terms move in after_save, once the case is.
#include "core/domain/cases/entitlements.hpp"

#include <algorithm>
#include <cmath>

#include "core/apply/write_path.hpp"
#include "core/security/roles.hpp"
#include "core/schema/schema.hpp"

namespace casehub {

namespace {

double number_of(const Record& r, const char* attribute, double fallback = 0) {
    const Json* v = r.get(attribute);
    return v && v->is_number() ? v->get<double>() : fallback;
}

int int_of(const Record& r, const char* attribute, int fallback) {
    const Json* v = r.get(attribute);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string string_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool bool_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_boolean() && v->get<bool>();
}

std::optional<TimestampMs> time_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    if (!v || !v->is_string()) return std::nullopt;
    return parse_utc(v->get<std::string>());
}

std::string name_of(const Record& entitlement) {
    std::string n = string_of(entitlement, "name");
    return n.empty() ? "The entitlement" : "Entitlement \"" + n + "\"";
}

std::string date_of(TimestampMs t) { return format_utc(t).substr(0, 10); }

// "3 of 20 cases", "1.5 of 10 hours".
std::string terms_phrase(const Record& e) {
    auto num = [](double v) {
        if (std::floor(v) == v) return std::to_string(static_cast<long long>(v));
        std::string s = std::to_string(std::round(v * 100) / 100);
        while (!s.empty() && s.back() == '0') s.pop_back();
        return s;
    };
    const bool hours = int_of(e, "allocationtypecode", 0) == 1;
    return num(number_of(e, "remainingterms")) + " of " + num(number_of(e, "totalterms")) + (hours ? " hours" : " cases");
}

// The account a contact works for (parentcustomerid), or "".
std::string parent_account_of(const Store& store, const std::string& contact_id) {
    const Record* c = store.find("contact", contact_id);
    if (!c) return {};
    const Json* p = c->get("parentcustomerid");
    if (!p || !p->is_object() || !p->contains("entity") || (*p)["entity"] != "account") return {};
    return lookup_id_of(*c, "parentcustomerid");
}

bool belongs_to_customer(const Store& store, const Record& entitlement, const Record& incident) {
    const std::string owner = lookup_id_of(entitlement, "customerid");
    const std::string customer = lookup_id_of(incident, "customerid");
    if (owner.empty() || customer.empty()) return false;
    if (owner == customer) return true;
    // A contact's case may use its company's entitlement.
    return parent_account_of(store, customer) == owner;
}

bool covers_channel(const Record& entitlement, const Record& incident) {
    const auto channels = entitlement_channels(entitlement);
    if (channels.empty()) return true;
    const Json* origin = incident.get("caseorigincode");
    if (!origin || !origin->is_number_integer()) return true;  // no origin yet: any channel
    return std::find(channels.begin(), channels.end(), origin->get<int>()) != channels.end();
}

bool is_active_at(const Record& e, TimestampMs now) {
    if (int_of(e, "statecode", 0) != 0) return false;
    if (auto start = time_of(e, "startdate"); start && now < *start) return false;
    if (auto end = time_of(e, "enddate"); end && now > *end) return false;
    return true;
}

Status write_terms(ApplyContext& ctx, const std::string& entitlement_id, double delta) {
    const Record* found = ctx.store().find("entitlement", entitlement_id);
    if (!found || delta == 0) return {};
    const Record before = *found;
    Record after = before;
    after.attributes["remainingterms"] = number_of(before, "remainingterms") + delta;
    WriteOptions terms;
    terms.system = SystemWork::entitlement_terms;
    return update_record(ctx, before, std::move(after), terms);
}

bool decreases_on_resolution(const Record& e) { return int_of(e, "decreaseremainingon", 0) == 0; }

Status entitlement_before_save(ApplyContext& ctx, const Record* before, Record& incident) {
    const bool override_asked = bool_of(incident, "casehub_overrideentitlement");
    incident.attributes.erase("casehub_overrideentitlement");  // a one-time request, never stored
    if (override_asked && !can_override_entitlement(ctx.user()))
        return make_error("forbidden",
                          "Only a System Administrator or a CSR Manager may override entitlement restrictions.",
                          "casehub_overrideentitlement");
    const TimestampMs now = ctx.now();
    const std::string given = lookup_id_of(incident, "entitlementid");
    const bool changed = !before || lookup_id_of(*before, "entitlementid") != given;

    if (!before && given.empty()) {
        // No entitlement named: the customer's default one, when it can be used.
        if (const Record* pick = pick_entitlement(ctx.store(), incident, now)) {
            if (auto s = check_entitlement_usable(ctx.store(), *pick, incident, now); !s) {
                if (bool_of(*pick, "restrictcasecreation") && !override_asked) return s;
            } else {
                incident.attributes["entitlementid"] = make_lookup("entitlement", pick->id);
            }
        }
    } else if (changed && !given.empty()) {
        const Record* e = ctx.store().find("entitlement", given);
        if (!e) return {};  // validation names the missing lookup
        if (auto s = check_entitlement_usable(ctx.store(), *e, incident, now); !s && !override_asked) return s;
    }

    if (before) {
        const int was = int_of(*before, "statecode", 0), is = int_of(incident, "statecode", 0);
        const Record* e = ctx.store().find("entitlement", lookup_id_of(incident, "entitlementid"));
        if (was == 0 && is == 1 && e && decreases_on_resolution(*e))
            incident.attributes["casehub_entitlementtermsused"] = terms_for_resolution(ctx.store(), *e, incident);
        if (was == 1 && is == 0) incident.attributes.erase("casehub_entitlementtermsused");
    }
    return {};
}

Status entitlement_after_save(ApplyContext& ctx, const Record* before, const Record& incident) {
    const std::string entitlement = lookup_id_of(incident, "entitlementid");
    if (!before) {
        const Record* e = ctx.store().find("entitlement", entitlement);
        if (e && !decreases_on_resolution(*e) && int_of(*e, "allocationtypecode", 0) == 0)
            return write_terms(ctx, entitlement, -1);
        return {};
    }
    const int was = int_of(*before, "statecode", 0), is = int_of(incident, "statecode", 0);
    if (was == 0 && is == 1) return write_terms(ctx, entitlement, -number_of(incident, "casehub_entitlementtermsused"));
    if (was == 1 && is == 0)
        return write_terms(ctx, lookup_id_of(*before, "entitlementid"), number_of(*before, "casehub_entitlementtermsused"));
    return {};
}

}  // namespace

std::vector<int> entitlement_channels(const Record& entitlement) {
    std::vector<int> out;
    const std::string text = string_of(entitlement, "casehub_channels");
    long long current = 0;
    bool any = false;
    for (char c : text + ",") {
        if (c >= '0' && c <= '9') {
            current = current * 10 + (c - '0');
            any = true;
        } else if (c == ',') {
            if (any && current < 2147483647LL) out.push_back(static_cast<int>(current));
            current = 0;
            any = false;
        }
    }
    return out;
}

Status check_entitlement_usable(const Store& store, const Record& entitlement, const Record& incident, TimestampMs now) {
    const std::string who = name_of(entitlement);
    const std::string fix = "; choose another entitlement or ask a CSR Manager to override.";
    if (!belongs_to_customer(store, entitlement, incident))
        return make_error("entitlement_wrong_customer", who + " belongs to another customer" + fix, "entitlementid");
    if (int_of(entitlement, "statecode", 0) != 0) {
        std::string state = "not active";
        if (const EntityDef* def = casehub_schema().entity("entitlement"))
            if (const OptionValue* s = def->state(int_of(entitlement, "statecode", 0))) state = s->label.en;
        return make_error("entitlement_inactive", who + " is " + state + ", not Active" + fix, "entitlementid");
    }
    if (auto end = time_of(entitlement, "enddate"); end && now > *end)
        return make_error("entitlement_expired", who + " expired on " + date_of(*end) + fix, "entitlementid");
    if (auto start = time_of(entitlement, "startdate"); start && now < *start)
        return make_error("entitlement_not_started", who + " starts on " + date_of(*start) + fix, "entitlementid");
    if (number_of(entitlement, "remainingterms", 1) <= 0)
        return make_error("entitlement_exhausted", who + " has no remaining terms (" + terms_phrase(entitlement) + ")" + fix,
                          "entitlementid");
    return {};
}

std::vector<const Record*> entitlements_for_case(const Store& store, const Record& incident, TimestampMs now) {
    std::vector<const Record*> out;
    const std::string customer = lookup_id_of(incident, "customerid");
    if (customer.empty()) return out;
    std::vector<std::string> owners = {customer};
    if (std::string parent = parent_account_of(store, customer); !parent.empty()) owners.push_back(parent);
    for (const auto& owner : owners)
        for (const Record* e : store.referencing("entitlement", "customerid", owner))
            if (is_active_at(*e, now) && covers_channel(*e, incident)) out.push_back(e);
    std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    return out;
}

const Record* pick_entitlement(const Store& store, const Record& incident, TimestampMs now) {
    const auto candidates = entitlements_for_case(store, incident, now);
    for (const Record* e : candidates)
        if (bool_of(*e, "isdefault")) return e;
    return candidates.size() == 1 ? candidates.front() : nullptr;
}

double terms_for_resolution(const Store& store, const Record& entitlement, const Record& incident) {
    if (int_of(entitlement, "allocationtypecode", 0) == 0) return 1;
    double minutes = 0;
    bool resolved = false;
    for (const Record* r : store.referencing("incidentresolution", "incidentid", incident.id)) {
        if (int_of(*r, "statecode", 0) != 1) continue;
        resolved = true;
        minutes += number_of(*r, "timespent");
    }
    if (!resolved) {
        for (const auto& entity : activity_entities())
            for (const Record* a : store.referencing(entity, "regardingobjectid", incident.id))
                if (int_of(*a, "statecode", 0) == 1) minutes += number_of(*a, "actualdurationminutes");
    }
    return std::round(minutes / 60.0 * 100.0) / 100.0;
}

bool can_override_entitlement(const UserContext& user) {
    for (const auto& r : user.roles)
        if (r == role_system_administrator || r == role_csr_manager) return true;
    return false;
}

void add_entitlement_rules(MutationRegistry& registry) {
    registry.add_trigger({"incident", "incident.entitlement", entitlement_before_save, entitlement_after_save});
}

}  // namespace casehub
