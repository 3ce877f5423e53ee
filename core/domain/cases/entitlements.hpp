// Entitlements: what support a customer (account or contact) is entitled to — terms as a
// number of cases or hours, start/end dates, the channels (case origins) covered, a
// default, and the SLA its cases get. Record triggers on `incident`: a new case picks the
// customer's entitlement; a case may not use an expired, not yet active or exhausted one
// (unless a System Administrator / CSR Manager sets casehub_overrideentitlement);
// resolving takes the terms (1 case, or the resolution's time spent in hours) and
// reactivating gives them back. Pure: time from ApplyContext.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

// Why an entitlement cannot be used by a case at `now` (the message names it and says
// why: "Gold Support expired on 2026-05-01 ..."), or success.
//   "entitlement_inactive"  not Active (draft, waiting, canceled)
//   "entitlement_expired"   past its end date
//   "entitlement_not_started" before its start date
//   "entitlement_exhausted" no remaining terms
//   "entitlement_wrong_customer" the entitlement belongs to another customer
Status check_entitlement_usable(const Store& store, const Record& entitlement, const Record& incident, TimestampMs now);

// Entitlements that apply to the case's customer (the customer's own and, for a contact,
// those of its parent account), active at `now`, covering the case's origin.
std::vector<const Record*> entitlements_for_case(const Store& store, const Record& incident, TimestampMs now);

// The entitlement a new case gets when none is given: the default one among
// entitlements_for_case (else the only one), or nullptr.
const Record* pick_entitlement(const Store& store, const Record& incident, TimestampMs now);

// Terms resolving the case takes from the entitlement: 1 for "Number of cases";
// for "Number of hours", the time spent on the case in hours (its incidentresolution's
// timespent, else the durations of its completed activities).
double terms_for_resolution(const Store& store, const Record& entitlement, const Record& incident);

// The channels (caseorigincode values) an entitlement covers; empty = every channel.
std::vector<int> entitlement_channels(const Record& entitlement);

// May this user override entitlement restrictions (System Administrator, CSR Manager)?
bool can_override_entitlement(const UserContext& user);

// Registers the incident trigger "incident.entitlement". Register it before the SLA
// rules: the SLA of a new case comes from the entitlement it picked.
void add_entitlement_rules(MutationRegistry& registry);

}  // namespace casehub
