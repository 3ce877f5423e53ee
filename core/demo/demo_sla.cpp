// Demo SLA setup (see demo_sla.hpp). Works on the records generate_demo_data made,
// found by name, so demo_data.cpp keeps only one call into here.
#include "core/demo/demo_sla.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/domain/sla/business_hours.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/domain/sla/sla_engine.hpp"

namespace casehub {

namespace {

constexpr TimestampMs kMinute = 60000;

std::string string_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

const Record* find_by_name(const Store& store, const char* entity, const std::string& name) {
    const Record* found = nullptr;
    store.for_each(entity, [&](const Record& r) {
        if (!found && string_of(r, "name") == name) found = &r;
    });
    return found;
}

BusinessCalendar france_calendar() {
    BusinessCalendar c;
    c.name = "Heures ouvrées France";
    c.utc_offset_minutes = 60;
    c.dst_rule = DstRule::eu;  // Paris keeps summer time
    for (int d = 1; d <= 5; ++d)
        c.week[static_cast<std::size_t>(d)] = {WorkPeriod{9 * 60, 12 * 60 + 30}, WorkPeriod{13 * 60 + 30, 18 * 60}};
    const char* holidays[][2] = {
        {"Jour de l'an", "2026-01-01"}, {"Lundi de Pâques", "2026-04-06"}, {"Fête du Travail", "2026-05-01"},
        {"Victoire 1945", "2026-05-08"}, {"Ascension", "2026-05-14"}, {"Lundi de Pentecôte", "2026-05-25"},
        {"Fête nationale", "2026-07-14"}, {"Assomption", "2026-08-15"}, {"Toussaint", "2026-11-01"},
        {"Armistice", "2026-11-11"}, {"Noël", "2026-12-25"}, {"Jour de l'an", "2027-01-01"},
        {"Lundi de Pâques", "2027-03-29"}, {"Fête du Travail", "2027-05-01"}, {"Victoire 1945", "2027-05-08"},
        {"Ascension", "2027-05-06"}, {"Lundi de Pentecôte", "2027-05-17"}, {"Fête nationale", "2027-07-14"},
        {"Assomption", "2027-08-15"}, {"Toussaint", "2027-11-01"}, {"Armistice", "2027-11-11"}, {"Noël", "2027-12-25"},
    };
    for (const auto& h : holidays) {
        const std::int64_t day = *parse_utc(h[1]) / (1440 * kMinute);
        c.holidays.push_back(Holiday{h[0], day, day});
    }
    return c;
}

BusinessCalendar indonesia_calendar() {
    BusinessCalendar c;
    c.name = "Jam Kerja Indonesia";
    c.utc_offset_minutes = 7 * 60;
    for (int d = 1; d <= 5; ++d)
        c.week[static_cast<std::size_t>(d)] = {WorkPeriod{8 * 60, 12 * 60}, WorkPeriod{13 * 60, 17 * 60}};
    const char* holidays[][2] = {{"Tahun Baru", "2026-01-01"}, {"Hari Kemerdekaan", "2026-08-17"},
                                 {"Hari Natal", "2026-12-25"}, {"Tahun Baru", "2027-01-01"},
                                 {"Hari Kemerdekaan", "2027-08-17"}, {"Hari Natal", "2027-12-25"}};
    for (const auto& h : holidays) {
        const std::int64_t day = *parse_utc(h[1]) / (1440 * kMinute);
        c.holidays.push_back(Holiday{h[0], day, day});
    }
    return c;
}

class DemoSla {
public:
    DemoSla(const DemoOptions& o, Store& s) : opt_(o), store_(s) {}

    void run() {
        const std::string fr = calendar(france_calendar(), "Lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 18 h (Paris).");
        calendar(indonesia_calendar(), "Senin–Jumat, 08.00–12.00 dan 13.00–17.00 WIB.");
        // Gold: first response within 15 business minutes, resolved within 8 business hours.
        sla("Gold SLA", fr, 10, 15, 6 * 60, 8 * 60);
        sla("Standard SLA", fr, 120, 240, 18 * 60, 24 * 60);
        if (const Record* gold = find_by_name(store_, "entitlement", "Gold Support")) {
            Record e = *gold;
            e.attributes["casehub_channels"] = "1,2,3";  // phone, email, web
            store_.upsert(std::move(e));
            featured_gold_case(lookup_id_of(*gold, "customerid"));
        }
        rebuild_timers();
    }

private:
    const DemoOptions& opt_;
    Store& store_;

    std::string id_for(const std::string& what) const {
        return uuid_from_text("demo-sla\x1f" + std::to_string(opt_.seed) + "\x1f" + what);
    }

    const Record* admin() const { return find_user_by_domainname(store_, "admin"); }

    void stamp(Record& r) const {
        const TimestampMs t = opt_.now_ms - 400 * 1440 * kMinute;
        r.attributes["createdon"] = format_utc(t);
        r.attributes["modifiedon"] = format_utc(t);
        if (const Record* a = admin()) {
            r.attributes["createdby"] = make_lookup("systemuser", a->id);
            r.attributes["modifiedby"] = make_lookup("systemuser", a->id);
        }
    }

    std::string calendar(const BusinessCalendar& c, const char* description) {
        Record r{"calendar", id_for("calendar:" + c.name),
                 {{"name", c.name}, {"description", description}, {"utcoffsetminutes", c.utc_offset_minutes},
                  {"dstrule", static_cast<int>(c.dst_rule)},
                  {"weeklyschedule", weekly_schedule_json(c)}, {"holidays", holidays_json(c)}}};
        stamp(r);
        const std::string id = r.id;
        store_.upsert(std::move(r));
        return id;
    }

    void sla(const char* name, const std::string& calendar_id, int warn_first, int fail_first, int warn_resolve,
             int fail_resolve) {
        const Record* found = find_by_name(store_, "sla", name);
        if (!found) return;
        Record s = *found;
        s.attributes["businesshoursid"] = make_lookup("calendar", calendar_id);
        s.attributes["allowpauseresume"] = true;
        s.attributes["casehub_pausestatuscodes"] = "2,3";  // On Hold, Waiting for Details
        const std::string sla_id = s.id;
        store_.upsert(std::move(s));
        std::vector<Record> items;
        store_.for_each("slaitem", [&](const Record& r) {
            if (lookup_id_of(r, "slaid") == sla_id) items.push_back(r);
        });
        for (Record& item : items) {
            const bool first = string_of(item, "relatedfield") == "firstresponsebykpiid";
            item.attributes["warnafter"] = first ? warn_first : warn_resolve;
            item.attributes["failureafter"] = first ? fail_first : fail_resolve;
            item.attributes["successcondition"] =
                first ? R"({"attribute": "firstresponsesent", "operator": "eq", "value": true})"
                      : R"({"attribute": "statecode", "operator": "eq", "value": 1})";
            item.attributes["casehub_warningactions"] = R"([{"type": "notify"}])";
            item.attributes["casehub_failureactions"] =
                first ? R"([{"type": "flag", "attribute": "isescalated"}, {"type": "notify"}])"
                      : R"([{"type": "flag", "attribute": "isescalated"}, {"type": "set", "attribute": "prioritycode", "value": 1}, {"type": "notify"}])";
            store_.upsert(std::move(item));
        }
    }

    // The seed's story starts with a Gold customer's fresh email: the latest Gold case is
    // made five minutes old, open and unanswered, so its 15-minute timer is running.
    void featured_gold_case(const std::string& account_id) {
        const Record* latest = nullptr;
        for (const Record* c : store_.referencing("incident", "customerid", account_id))
            if (!latest || string_of(*c, "createdon") > string_of(*latest, "createdon")) latest = c;
        if (!latest) return;
        Record c = *latest;
        const std::string created = format_utc(opt_.now_ms - 5 * kMinute);
        c.attributes["createdon"] = created;
        c.attributes["modifiedon"] = created;
        c.attributes["statecode"] = 0;
        c.attributes["statuscode"] = 1;
        c.attributes["caseorigincode"] = 2;  // Email
        c.attributes["prioritycode"] = 1;
        c.attributes["firstresponsesent"] = false;
        for (const char* a : {"resolvedon", "resolution", "customersatisfactioncode", "isescalated", "escalatedon"})
            c.attributes.erase(a);
        const Record* gold = find_by_name(store_, "entitlement", "Gold Support");
        if (gold) {
            c.attributes["entitlementid"] = make_lookup("entitlement", gold->id);
            if (const Json* sla = gold->get("slaid")) c.attributes["slaid"] = *sla;
        }
        // Timers for it whether or not the generator made some (it does for open detailed cases).
        const Record* sla = store_.find("sla", lookup_id_of(c, "slaid"));
        if (sla) {
            store_.for_each("slaitem", [&](const Record& item) {
                const std::string related = string_of(item, "relatedfield");
                if (lookup_id_of(item, "slaid") != sla->id || related.empty() || c.get(related.c_str())) return;
                Record k{"slakpiinstance", id_for("kpi:" + c.id + ":" + item.id),
                         {{"name", string_of(item, "name")}, {"regarding", make_lookup("incident", c.id)}}};
                for (const char* a : {"ownerid", "owningbusinessunit", "createdby", "modifiedby"})
                    if (const Json* v = c.get(a)) k.attributes[a] = *v;
                k.attributes["createdon"] = created;
                k.attributes["modifiedon"] = created;
                c.attributes[related] = make_lookup("slakpiinstance", k.id);
                store_.upsert(std::move(k));
            });
        }
        store_.upsert(std::move(c));
    }

    // Every demo timer, rebuilt with the engine: terms from its SLA item, deadlines on the
    // SLA's calendar, and the durable status the engine would have written by now.
    void rebuild_timers() {
        std::vector<Record> instances;
        store_.for_each("slakpiinstance", [&](const Record& r) { instances.push_back(r); });
        for (Record& k : instances) {
            const Record* incident = store_.find("incident", lookup_id_of(k, "regarding"));
            const Record* sla = incident ? store_.find("sla", lookup_id_of(*incident, "slaid")) : nullptr;
            if (!incident || !sla) continue;
            const Record* item = nullptr;
            store_.for_each("slaitem", [&](const Record& r) {
                if (!item && lookup_id_of(r, "slaid") == sla->id && string_of(r, "name") == string_of(k, "name")) item = &r;
            });
            if (!item) continue;
            const auto created = parse_utc(string_of(*incident, "createdon"));
            if (!created) continue;
            const BusinessCalendar calendar = calendar_of_sla(store_, sla);
            const int demo_status = k.get("status") && k.get("status")->is_number_integer() ? k.get("status")->get<int>() : 0;
            for (const char* a : {"succeededon", "pausedon", "warningtimereached", "casehub_failureactionsdone"})
                k.attributes.erase(a);
            start_kpi_instance(k, *item, *created, calendar);
            const TimestampMs fail = *parse_utc(string_of(k, "failuretime"));
            const auto warn = k.get("warningtime") ? parse_utc(string_of(k, "warningtime")) : std::nullopt;
            const bool first = string_of(*item, "relatedfield") == "firstresponsebykpiid";
            const Json* sent = incident->get("firstresponsesent");
            if (first && sent && sent->is_boolean() && sent->get<bool>()) {
                // Answered: in time, except where the generator chose a breach.
                const bool late = demo_status == 1;
                const TimestampMs on = late ? fail + 30 * kMinute : *created + (fail - *created) / 2;
                k.attributes["status"] = static_cast<int>(late ? KpiStatus::Noncompliant : KpiStatus::Succeeded);
                k.attributes["succeededon"] = format_utc(std::min(on, opt_.now_ms));
            } else if (fail <= opt_.now_ms) {
                k.attributes["status"] = static_cast<int>(KpiStatus::Noncompliant);
                k.attributes["warningtimereached"] = true;
                k.attributes["casehub_failureactionsdone"] = true;
            } else if (warn && *warn <= opt_.now_ms) {
                k.attributes["status"] = static_cast<int>(KpiStatus::NearingNoncompliance);
                k.attributes["warningtimereached"] = true;
            }
            Record c = *incident;
            c.attributes[first ? "responseby" : "resolveby"] = k.attributes["failuretime"];
            store_.upsert(std::move(c));
            store_.upsert(std::move(k));
        }
    }
};

}  // namespace

void add_demo_sla(const DemoOptions& options, Store& store) { DemoSla(options, store).run(); }

}  // namespace casehub
