// SLA engine (see sla_engine.hpp). The incident trigger does its work in before_save:
// the KPI instances it starts must exist before the case's firstresponsebykpiid /
// resolvebykpiid lookups are validated, and the case's responseby / resolveby move with
// them. Everything it writes goes through the write path as SystemWork::sla_timer or
// sla_engine, so a refused case leaves nothing behind.
#include "core/domain/sla/sla_engine.hpp"

#include <algorithm>

#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"

namespace casehub {

namespace {

constexpr std::int64_t kMinuteMs = 60000;

std::int64_t int_of(const Record& r, const char* attribute, std::int64_t fallback = 0) {
    const Json* v = r.get(attribute);
    if (!v || !v->is_number()) return fallback;
    return v->is_number_integer() ? v->get<std::int64_t>() : static_cast<std::int64_t>(v->get<double>());
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

std::string string_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

KpiStatus stored_status(const Record& instance) {
    const auto s = int_of(instance, "status", 0);
    return s >= 0 && s <= 5 ? static_cast<KpiStatus>(s) : KpiStatus::InProgress;
}

bool is_terminal(KpiStatus s) {
    return s == KpiStatus::Succeeded || s == KpiStatus::Canceled || s == KpiStatus::Noncompliant;
}

// A lookup compares by its id, so conditions can name a record by id alone.
Json comparable(const Json& v) {
    if (v.is_object() && v.contains("id")) return v["id"];
    return v;
}

bool compare_less(const Json& a, const Json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
    if (a.is_string() && b.is_string()) return a.get<std::string>() < b.get<std::string>();
    return false;
}

Json parse_json_text(const Json& value) {
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Json();
        return Json::parse(text, nullptr, false);
    }
    return value;
}

Json default_success_condition(const std::string& related_field) {
    if (related_field == "firstresponsebykpiid")
        return Json{{"attribute", "firstresponsesent"}, {"operator", "eq"}, {"value", true}};
    if (related_field == "resolvebykpiid") return Json{{"attribute", "statecode"}, {"operator", "eq"}, {"value", 1}};
    return Json();
}

// The deadline attribute of the case that mirrors a KPI's failure time.
const char* deadline_attribute(const std::string& related_field) {
    if (related_field == "firstresponsebykpiid") return "responseby";
    if (related_field == "resolvebykpiid") return "resolveby";
    return nullptr;
}

const Record* sla_of_instance(const Store& store, const Record& instance) {
    const Record* item = store.find("slaitem", lookup_id_of(instance, "slaitemid"));
    return item ? store.find("sla", lookup_id_of(*item, "slaid")) : nullptr;
}

std::vector<const Record*> items_of_sla(const Store& store, const std::string& sla_id) {
    std::vector<const Record*> items;
    store.for_each("slaitem", [&](const Record& r) {
        if (lookup_id_of(r, "slaid") == sla_id) items.push_back(&r);
    });
    std::sort(items.begin(), items.end(), [](const Record* a, const Record* b) {
        const auto sa = int_of(*a, "sequencenumber"), sb = int_of(*b, "sequencenumber");
        return sa != sb ? sa < sb : a->id < b->id;
    });
    return items;
}

bool is_paused_status(const Record* sla, const Record& incident) {
    if (!sla || !bool_of(*sla, "allowpauseresume")) return false;
    if (int_of(incident, "statecode", 0) != 0) return false;
    const auto codes = pause_status_codes(*sla);
    return std::find(codes.begin(), codes.end(), static_cast<int>(int_of(incident, "statuscode", 1))) != codes.end();
}

// Writes a timer the incident trigger starts or moves (inside the case's own write), or a
// record an SLA action makes (sla.evaluate), as the SLA engine's system work.
Status save_sla_record(ApplyContext& ctx, Record record, SystemWork work = SystemWork::sla_timer) {
    WriteOptions engine;
    engine.system = work;
    if (const Record* stored = ctx.store().find(record.entity, record.id))
        return update_record(ctx, *stored, std::move(record), engine);
    return create_record(ctx, std::move(record), engine);
}

// Recomputes failuretime / warningtime of a running instance from its terms.
void refresh_deadlines(Record& instance, const BusinessCalendar& calendar) {
    const auto start = time_of(instance, "casehub_lastresumedon");
    if (!start) return;
    const std::int64_t elapsed = int_of(instance, "elapsedtime");
    if (auto f = add_business_minutes(calendar, *start, int_of(instance, "casehub_failureafter") - elapsed))
        instance.attributes["failuretime"] = format_utc(*f);
    if (instance.get("casehub_warnafter"))
        if (auto w = add_business_minutes(calendar, *start, int_of(instance, "casehub_warnafter") - elapsed))
            instance.attributes["warningtime"] = format_utc(*w);
}

void mirror_deadline(Record& incident, const Record& item, const Record& instance) {
    const std::string related = string_of(item, "relatedfield");
    if (const char* attr = deadline_attribute(related))
        if (const Json* f = instance.get("failuretime")) incident.attributes[attr] = *f;
}

// Starts the KPIs of `sla_id` that apply to the new (or re-targeted) case.
Status start_kpis(ApplyContext& ctx, Record& incident, const std::string& sla_id) {
    const Record* sla = ctx.store().find("sla", sla_id);
    if (!sla || int_of(*sla, "statecode", 0) != 1) return {};  // a draft SLA runs no timers
    const BusinessCalendar calendar = calendar_of_sla(ctx.store(), sla);
    TimestampMs start = ctx.now();
    const std::string from = string_of(*sla, "applicablefrom");
    if (!from.empty())
        if (auto t = time_of(incident, from.c_str())) start = *t;
    const bool paused = is_paused_status(sla, incident);
    for (const Record* item : items_of_sla(ctx.store(), sla_id)) {
        if (!condition_holds(item->attributes.value("applicablewhencondition", Json()), incident)) continue;
        Record k{"slakpiinstance", ctx.derived_id("slakpi:" + incident.id + ":" + item->id), Json::object()};
        k.attributes["name"] = string_of(*item, "name");
        k.attributes["regarding"] = make_lookup("incident", incident.id);
        k.attributes["slaitemid"] = make_lookup("slaitem", item->id);
        start_kpi_instance(k, *item, start, calendar);
        k.attributes["status"] = static_cast<int>(paused ? KpiStatus::Paused : KpiStatus::InProgress);
        if (paused) k.attributes["pausedon"] = format_utc(start);
        for (const char* a : {"ownerid", "owningbusinessunit"})
            if (const Json* v = incident.get(a)) k.attributes[a] = *v;
        const std::string related = string_of(*item, "relatedfield");
        if (!related.empty() && (related == "firstresponsebykpiid" || related == "resolvebykpiid"))
            incident.attributes[related] = make_lookup("slakpiinstance", k.id);
        mirror_deadline(incident, *item, k);
        if (auto s = save_sla_record(ctx, std::move(k)); !s) return s;
    }
    return {};
}

// Moves every open timer of the case along with the case's new state: success, cancel,
// pause, resume. Writes the instances it changes; `incident` gets the new deadlines.
Status settle_kpis(ApplyContext& ctx, Record& incident) {
    for (const Record* stored : kpi_instances_of(ctx.store(), incident.id)) {
        const KpiStatus status = stored_status(*stored);
        if (is_terminal(status)) continue;
        Record k = *stored;
        const Record* item = ctx.store().find("slaitem", lookup_id_of(k, "slaitemid"));
        const Record* sla = item ? ctx.store().find("sla", lookup_id_of(*item, "slaid")) : nullptr;
        const BusinessCalendar calendar = calendar_of_sla(ctx.store(), sla);
        Json success = item ? parse_json_text(item->attributes.value("successcondition", Json())) : Json();
        if (success.is_null() && item) success = default_success_condition(string_of(*item, "relatedfield"));
        const bool succeeded = !success.is_null() && !success.is_discarded() && condition_holds(success, incident);
        const bool closed = int_of(incident, "statecode", 0) != 0;
        const bool pause = is_paused_status(sla, incident);
        const std::string now = format_utc(ctx.now());
        if (succeeded) {
            const KpiEvaluation ev = evaluate_kpi(k, &calendar, ctx.now());
            k.attributes["status"] = static_cast<int>(ev.status == KpiStatus::Noncompliant ? KpiStatus::Noncompliant
                                                                                          : KpiStatus::Succeeded);
            k.attributes["succeededon"] = now;
            k.attributes.erase("pausedon");
        } else if (closed) {
            k.attributes["status"] = static_cast<int>(KpiStatus::Canceled);
        } else if (pause && status != KpiStatus::Paused) {
            if (auto resumed = time_of(k, "casehub_lastresumedon"))
                k.attributes["elapsedtime"] =
                    int_of(k, "elapsedtime") + std::max<std::int64_t>(0, business_minutes_between(calendar, *resumed, ctx.now()));
            k.attributes["pausedon"] = now;
            k.attributes["status"] = static_cast<int>(KpiStatus::Paused);
        } else if (!pause && status == KpiStatus::Paused) {
            k.attributes["casehub_lastresumedon"] = now;
            k.attributes.erase("pausedon");
            k.attributes["status"] = static_cast<int>(bool_of(k, "warningtimereached") ? KpiStatus::NearingNoncompliance
                                                                                      : KpiStatus::InProgress);
            refresh_deadlines(k, calendar);
            if (item) mirror_deadline(incident, *item, k);
        } else {
            continue;
        }
        if (auto s = save_sla_record(ctx, std::move(k)); !s) return s;
    }
    return {};
}

Status sla_before_save(ApplyContext& ctx, const Record* before, Record& incident) {
    if (!before) {
        const std::string sla = pick_sla(ctx.store(), incident);
        if (sla.empty()) return {};
        incident.attributes["slaid"] = make_lookup("sla", sla);
        if (auto s = start_kpis(ctx, incident, sla); !s) return s;
        return settle_kpis(ctx, incident);  // a case created already answered or on hold
    }
    const std::string old_sla = lookup_id_of(*before, "slaid"), new_sla = lookup_id_of(incident, "slaid");
    if (old_sla != new_sla) {
        // Another SLA: the old timers stop counting, the new SLA's start from now.
        for (const Record* stored : kpi_instances_of(ctx.store(), incident.id)) {
            if (is_terminal(stored_status(*stored))) continue;
            Record k = *stored;
            k.attributes["status"] = static_cast<int>(KpiStatus::Canceled);
            if (auto s = save_sla_record(ctx, std::move(k)); !s) return s;
        }
        for (const char* a : {"firstresponsebykpiid", "resolvebykpiid", "responseby", "resolveby"}) incident.attributes.erase(a);
        if (!new_sla.empty())
            if (auto s = start_kpis(ctx, incident, new_sla); !s) return s;
    }
    return settle_kpis(ctx, incident);
}

// The first outgoing email an agent sends regarding a case (a draft leaving Open: Send,
// or Mark Complete) is its first response: the SLA engine marks the case
// (firstresponsesent is the engine's field, see FieldGuard::sla), and the case's own write
// then settles its First Response By timer. Emails made already closed (the SLA's own
// notifications, received mail) are not responses.
Status first_response_after_save(ApplyContext& ctx, const Record* before, const Record& email) {
    const bool outgoing = bool_of(email, "directioncode");
    const bool closed_now = before && int_of(*before, "statecode", 0) == 0 && int_of(email, "statecode", 0) == 1;
    if (!outgoing || !closed_now || lookup_entity_of(email, "regardingobjectid") != "incident") return {};
    const Record* incident = ctx.store().find("incident", lookup_id_of(email, "regardingobjectid"));
    if (!incident || bool_of(*incident, "firstresponsesent") || int_of(*incident, "statecode", 0) != 0) return {};
    Record after = *incident;
    after.attributes["firstresponsesent"] = true;
    WriteOptions engine;
    engine.system = SystemWork::sla_engine;
    return update_record(ctx, *incident, std::move(after), engine);
}

// A calendar that cannot be read would stop every timer using it: refuse it when saved.
Status calendar_before_save(ApplyContext&, const Record*, Record& calendar) {
    auto parsed = calendar_from_record(calendar);
    if (!parsed) return parsed.error();
    return {};
}

Status apply_actions(ApplyContext& ctx, const Json& actions, const Record& instance, const char* phase,
                     Record& incident) {
    const Json list = parse_json_text(actions);
    if (!list.is_array()) return {};
    int n = 0;
    for (const auto& a : list) {
        ++n;
        if (!a.is_object()) continue;
        const std::string type = a.contains("type") && a["type"].is_string() ? a["type"].get<std::string>() : "";
        const std::string attribute = a.contains("attribute") && a["attribute"].is_string() ? a["attribute"].get<std::string>() : "";
        if (type == "flag" && !attribute.empty()) {
            incident.attributes[attribute] = true;
            if (attribute == "isescalated") incident.attributes["escalatedon"] = format_utc(ctx.now());
        } else if (type == "set" && !attribute.empty() && a.contains("value")) {
            incident.attributes[attribute] = a["value"];
        } else if (type == "notify") {
            const std::string ticket = string_of(incident, "ticketnumber");
            std::string subject = a.contains("subject") && a["subject"].is_string() ? a["subject"].get<std::string>() : "";
            if (subject.empty())
                subject = std::string(phase == std::string("warning") ? "SLA warning: " : "SLA failure: ") +
                          string_of(instance, "name") + (ticket.empty() ? "" : " — " + ticket);
            Record mail{"email", ctx.derived_id("sla-notify:" + instance.id + ":" + phase + ":" + std::to_string(n)),
                        Json::object()};
            mail.attributes["subject"] = subject;
            mail.attributes["description"] = subject + " (" + string_of(incident, "title") + ")";
            mail.attributes["regardingobjectid"] = make_lookup("incident", incident.id);
            mail.attributes["directioncode"] = true;
            mail.attributes["prioritycode"] = 2;
            std::string to = a.contains("to") && a["to"].is_string() ? a["to"].get<std::string>() : "";
            if (to.empty())
                if (const Record* owner = ctx.store().find("systemuser", lookup_id_of(incident, "ownerid")))
                    to = string_of(*owner, "internalemailaddress");
            if (!to.empty()) mail.attributes["torecipients"] = to;
            mail.attributes["statecode"] = 1;   // Completed
            mail.attributes["statuscode"] = 6;  // Pending Send: the outbox sends it
            for (const char* o : {"ownerid", "owningbusinessunit"})
                if (const Json* v = incident.get(o)) mail.attributes[o] = *v;
            if (auto s = save_sla_record(ctx, std::move(mail), SystemWork::sla_engine); !s) return s;
        }
    }
    return {};
}

// The two thresholds whose actions sla.evaluate applies once each.
bool warning_actions_due(const Record& instance, const KpiEvaluation& ev) {
    return (ev.status == KpiStatus::NearingNoncompliance || ev.status == KpiStatus::Noncompliant) &&
           !bool_of(instance, "warningtimereached");
}

bool failure_actions_due(const Record& instance, const KpiEvaluation& ev) {
    return ev.status == KpiStatus::Noncompliant && !bool_of(instance, "casehub_failureactionsdone");
}

Status sla_evaluate(ApplyContext& ctx, const Json& args) {
    if (!args.is_object() || !args.contains("id") || !args["id"].is_string())
        return make_error("missing_field", "sla.evaluate needs \"id\": the case whose SLA timers to check.", "id");
    const std::string id = args["id"].get<std::string>();
    const Record* found = ctx.store().find("incident", id);
    if (!found) return make_error("not_found", "There is no case with id " + id + " (it may have been deleted).");
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Read, *found); !s) return s;
    const Record before = *found;
    Record incident = before;
    for (const Record* stored : kpi_instances_of(ctx.store(), id)) {
        if (is_terminal(stored_status(*stored)) || stored_status(*stored) == KpiStatus::Paused) continue;
        Record k = *stored;
        const Record* item = ctx.store().find("slaitem", lookup_id_of(k, "slaitemid"));
        const BusinessCalendar calendar = calendar_of_sla(ctx.store(), sla_of_instance(ctx.store(), k));
        const KpiEvaluation ev = evaluate_kpi(k, &calendar, ctx.now());
        bool changed = false;
        if (warning_actions_due(k, ev)) {
            if (item)
                if (auto s = apply_actions(ctx, item->attributes.value("casehub_warningactions", Json()), k, "warning",
                                           incident);
                    !s)
                    return s;
            k.attributes["warningtimereached"] = true;
            k.attributes["status"] = static_cast<int>(KpiStatus::NearingNoncompliance);
            changed = true;
        }
        if (failure_actions_due(k, ev)) {
            if (item)
                if (auto s = apply_actions(ctx, item->attributes.value("casehub_failureactions", Json()), k, "failure",
                                           incident);
                    !s)
                    return s;
            k.attributes["casehub_failureactionsdone"] = true;
            k.attributes["status"] = static_cast<int>(KpiStatus::Noncompliant);
            changed = true;
        }
        if (!changed) continue;
        if (ev.failure_time) k.attributes["failuretime"] = format_utc(*ev.failure_time);
        if (ev.warning_time) k.attributes["warningtime"] = format_utc(*ev.warning_time);
        if (auto s = save_sla_record(ctx, std::move(k)); !s) return s;
    }
    if (incident.attributes == before.attributes) return {};
    // The SLA item's configured actions (flag, set a field) are the engine's work on the
    // case: the agent or timer that evaluates needs only to see it.
    WriteOptions engine;
    engine.system = SystemWork::sla_engine;
    if (auto s = update_record(ctx, before, std::move(incident), engine); !s) {
        if (s.error().code == "forbidden") return s;
        return make_error(s.error().code, "An SLA action sets an invalid value: " + s.error().message, s.error().field);
    }
    return {};
}

}  // namespace

bool condition_holds(const Json& condition_in, const Record& record) {
    const Json condition = parse_json_text(condition_in);
    if (condition.is_null()) return true;
    if (condition.is_discarded() || !condition.is_object()) return false;
    if (auto all = condition.find("all"); all != condition.end()) {
        if (!all->is_array()) return false;
        for (const auto& c : *all)
            if (!condition_holds(c, record)) return false;
        return true;
    }
    if (auto any = condition.find("any"); any != condition.end()) {
        if (!any->is_array()) return false;
        for (const auto& c : *any)
            if (condition_holds(c, record)) return true;
        return false;
    }
    auto attr = condition.find("attribute");
    if (attr == condition.end() || !attr->is_string()) return false;
    const std::string op = condition.contains("operator") && condition["operator"].is_string()
                               ? condition["operator"].get<std::string>()
                               : "eq";
    const Json* raw = record.get(attr->get<std::string>());
    const Json value = raw ? comparable(*raw) : Json();
    const Json expected = condition.contains("value") ? comparable(condition["value"]) : Json();
    if (op == "null") return value.is_null();
    if (op == "notnull") return !value.is_null();
    if (op == "eq") return !value.is_null() && value == expected;
    if (op == "ne") return value != expected;
    if (op == "gt") return !value.is_null() && compare_less(expected, value);
    if (op == "lt") return !value.is_null() && compare_less(value, expected);
    if (op == "in" || op == "notin") {
        if (!expected.is_array()) return false;
        bool found = false;
        for (const auto& e : expected) found = found || comparable(e) == value;
        return op == "in" ? (!value.is_null() && found) : !found;
    }
    return false;
}

std::vector<int> pause_status_codes(const Record& sla) {
    const std::string text = string_of(sla, "casehub_pausestatuscodes");
    if (text.empty()) return {2, 3};
    std::vector<int> codes;
    int current = 0;
    bool any = false;
    for (char c : text + ",") {
        if (c >= '0' && c <= '9') {
            current = current * 10 + (c - '0');
            any = true;
        } else if (c == ',') {
            if (any) codes.push_back(current);
            current = 0;
            any = false;
        }
    }
    return codes;
}

std::string pick_sla(const Store& store, const Record& incident) {
    if (std::string given = lookup_id_of(incident, "slaid"); !given.empty()) return given;
    if (const Record* e = store.find("entitlement", lookup_id_of(incident, "entitlementid")))
        if (std::string from_entitlement = lookup_id_of(*e, "slaid"); !from_entitlement.empty()) return from_entitlement;
    std::string found;
    store.for_each("sla", [&](const Record& r) {
        const std::string entity = string_of(r, "objecttypecode");
        if (found.empty() && bool_of(r, "isdefault") && int_of(r, "statecode", 0) == 1 &&
            (entity.empty() || entity == "incident"))
            found = r.id;
    });
    return found;
}

BusinessCalendar calendar_of_sla(const Store& store, const Record* sla) {
    if (sla)
        if (const Record* c = store.find("calendar", lookup_id_of(*sla, "businesshoursid")))
            if (auto cal = calendar_from_record(*c)) return *cal;
    return make_24x7_calendar();
}

void start_kpi_instance(Record& instance, const Record& item, TimestampMs start, const BusinessCalendar& calendar) {
    instance.attributes["slaitemid"] = make_lookup("slaitem", item.id);
    instance.attributes["status"] = static_cast<int>(KpiStatus::InProgress);
    instance.attributes["casehub_starttime"] = format_utc(start);
    instance.attributes["casehub_lastresumedon"] = format_utc(start);
    instance.attributes["elapsedtime"] = 0;
    instance.attributes["casehub_failureafter"] = int_of(item, "failureafter");
    if (item.get("warnafter"))
        instance.attributes["casehub_warnafter"] = int_of(item, "warnafter");
    else
        instance.attributes.erase("casehub_warnafter");
    refresh_deadlines(instance, calendar);
}

std::vector<const Record*> kpi_instances_of(const Store& store, const std::string& incident_id) {
    std::vector<const Record*> out = store.referencing("slakpiinstance", "regarding", incident_id);
    auto order = [&](const Record* r) {
        const Record* item = store.find("slaitem", lookup_id_of(*r, "slaitemid"));
        return item ? int_of(*item, "sequencenumber") : 0;
    };
    std::sort(out.begin(), out.end(), [&](const Record* a, const Record* b) {
        const auto oa = order(a), ob = order(b);
        return oa != ob ? oa < ob : a->id < b->id;
    });
    return out;
}

std::optional<BusinessCalendar> calendar_for_kpi(const Store& store, const Record& instance) {
    const Record* sla = sla_of_instance(store, instance);
    if (!sla) return std::nullopt;
    const Record* c = store.find("calendar", lookup_id_of(*sla, "businesshoursid"));
    if (!c) return std::nullopt;
    auto cal = calendar_from_record(*c);
    if (!cal) return std::nullopt;
    return *cal;
}

KpiEvaluation evaluate_kpi(const Record& instance, const BusinessCalendar* calendar, TimestampMs now) {
    KpiEvaluation ev;
    ev.status = stored_status(instance);
    ev.warning_time = time_of(instance, "warningtime");
    ev.failure_time = time_of(instance, "failuretime");
    const std::int64_t budget_ms = (int_of(instance, "casehub_failureafter") - int_of(instance, "elapsedtime")) * kMinuteMs;
    if (ev.status == KpiStatus::Succeeded || ev.status == KpiStatus::Canceled) return ev;
    if (ev.status == KpiStatus::Paused) {
        ev.business_ms_left = budget_ms;
        return ev;
    }
    if (ev.status == KpiStatus::Noncompliant && instance.get("succeededon")) return ev;
    const auto resumed = time_of(instance, "casehub_lastresumedon");
    if (calendar && resumed && instance.get("casehub_failureafter")) {
        Record copy = instance;
        refresh_deadlines(copy, *calendar);
        ev.warning_time = time_of(copy, "warningtime");
        ev.failure_time = time_of(copy, "failuretime");
    }
    if (ev.failure_time) {
        ev.ms_left = *ev.failure_time - now;
        ev.business_ms_left = calendar ? business_ms_between(*calendar, now, *ev.failure_time) : ev.ms_left;
    }
    if (ev.status == KpiStatus::Noncompliant || (ev.failure_time && now >= *ev.failure_time))
        ev.status = KpiStatus::Noncompliant;
    else if (ev.warning_time && now >= *ev.warning_time)
        ev.status = KpiStatus::NearingNoncompliance;
    else
        ev.status = KpiStatus::InProgress;
    return ev;
}

bool kpi_actions_due(const Store& store, const Record& instance, TimestampMs now) {
    const KpiStatus status = stored_status(instance);
    if (is_terminal(status) || status == KpiStatus::Paused) return false;
    const BusinessCalendar calendar = calendar_of_sla(store, sla_of_instance(store, instance));
    const KpiEvaluation ev = evaluate_kpi(instance, &calendar, now);
    return warning_actions_due(instance, ev) || failure_actions_due(instance, ev);
}

std::vector<std::string> cases_with_sla_actions_due(const Store& store, TimestampMs now) {
    std::vector<std::string> ids;
    store.for_each("slakpiinstance", [&](const Record& k) {
        const std::string case_id = lookup_id_of(k, "regarding");
        const Record* incident = store.find("incident", case_id);
        if (!incident || int_of(*incident, "statecode", 0) != 0) return;
        if (kpi_actions_due(store, k, now)) ids.push_back(case_id);
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void add_sla_rules(MutationRegistry& registry) {
    registry.add_trigger({"incident", "incident.sla", sla_before_save, nullptr});
    registry.add_trigger({"calendar", "calendar.valid", calendar_before_save, nullptr});
    registry.add_trigger({"email", "email.first_response", nullptr, first_response_after_save});
    registry.add("sla.evaluate", sla_evaluate);
}

}  // namespace casehub
