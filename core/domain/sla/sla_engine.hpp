// SLA engine: service level agreements on cases. An `sla` (with its business-hours
// `calendar`, pause status reasons) has KPIs (`slaitem`: First Response By, Resolve By —
// applicability and success conditions on case fields, warning and failure durations in
// business minutes, actions on warning and failure). Each case gets one `slakpiinstance`
// per applicable KPI, started, paused, resumed, succeeded and canceled by record
// triggers on `incident`; Nearing Noncompliance / Noncompliant are derived from the
// clock by evaluate_kpi (the client's live countdown) and made durable, with the actions
// applied once, by the `sla.evaluate` mutation. Pure: time comes from ApplyContext.
//
// Conditions (slaitem.applicablewhencondition, successcondition) are JSON:
//   {"attribute": "prioritycode", "operator": "eq", "value": 1}   operators: eq ne in notin
//   {"all": [cond, ...]}  {"any": [cond, ...]}                      null notnull gt lt
//   empty: always (applicability), or the KPI's default success (see default_success_condition).
// Actions (slaitem.casehub_warningactions, casehub_failureactions) are a JSON list of
//   {"type": "flag",   "attribute": "isescalated"}           sets a boolean (and escalatedon)
//   {"type": "set",    "attribute": "prioritycode", "value": 1}
//   {"type": "notify", "subject": "..."}                       an email to the case owner, queued to send
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/sla/business_hours.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

// slakpiinstance.status values (Dataverse).
enum class KpiStatus {
    InProgress = 0,
    Noncompliant = 1,
    NearingNoncompliance = 2,
    Paused = 3,
    Succeeded = 4,
    Canceled = 5,
};

// What a timer shows at one instant.
struct KpiEvaluation {
    KpiStatus status = KpiStatus::InProgress;
    std::optional<TimestampMs> warning_time;  // when known (running, or stored)
    std::optional<TimestampMs> failure_time;
    std::int64_t business_ms_left = 0;  // business time to the failure time (negative once past; frozen when paused)
    std::int64_t ms_left = 0;           // wall-clock time to the failure time (0 when paused or finished)
};

// The status and deadlines of `instance` at `now`. With a calendar, deadlines are
// recomputed from the instance's terms (start, resumed-at, elapsed business minutes,
// warn/failure minutes), so a calendar change shows at once; without one (the calendar
// is not on this device), the stored warningtime/failuretime are used. Stored terminal
// statuses (Succeeded, Canceled, Noncompliant after success or failure actions) stay.
KpiEvaluation evaluate_kpi(const Record& instance, const BusinessCalendar* calendar, TimestampMs now);

// The business calendar of the SLA the instance belongs to (slakpiinstance -> slaitem ->
// sla.businesshoursid), or nullopt (24x7, or not available on this device).
std::optional<BusinessCalendar> calendar_for_kpi(const Store& store, const Record& instance);

// The business calendar of an SLA (sla.businesshoursid); 24x7 when it has none or the
// calendar cannot be read.
BusinessCalendar calendar_of_sla(const Store& store, const Record* sla);

// Sets a KPI instance's terms from its SLA item — started at `start`, nothing elapsed,
// the item's warning and failure minutes — and its warningtime / failuretime on
// `calendar`. The trigger starts timers with it; demo data uses it to build past ones.
void start_kpi_instance(Record& instance, const Record& item, TimestampMs start, const BusinessCalendar& calendar);

// The KPI instances of a case, in slaitem order.
std::vector<const Record*> kpi_instances_of(const Store& store, const std::string& incident_id);

// True when the condition JSON (object, or its text) holds for the record; empty = true.
// Unknown operators are false (a typo must not make a KPI apply everywhere).
bool condition_holds(const Json& condition, const Record& record);

// The SLA a new case gets: `slaid` if set, else its entitlement's SLA, else the active
// default SLA for incidents. Empty when there is none.
std::string pick_sla(const Store& store, const Record& incident);

// The pause status reasons of an SLA (casehub_pausestatuscodes, default {2 On Hold, 3 Waiting for Details}).
std::vector<int> pause_status_codes(const Record& sla);

// True when sla.evaluate would apply actions to `instance` at `now`: it runs (not paused
// nor finished), its warning (or failure) time has passed, and that threshold's actions
// have not been applied yet.
bool kpi_actions_due(const Store& store, const Record& instance, TimestampMs now);

// Ids of active cases with at least one KPI whose actions are due at `now`, sorted: what
// the server's scheduled job sends sla.evaluate for.
std::vector<std::string> cases_with_sla_actions_due(const Store& store, TimestampMs now);

// Registers the incident triggers ("incident.sla") and the sla.evaluate mutation
// ({"id": incident id}: applies warning/failure actions of every KPI past its
// threshold once; a no-op when nothing is due, so client and server may both send it).
void add_sla_rules(MutationRegistry& registry);

}  // namespace casehub
