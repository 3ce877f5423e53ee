// Demo SLA setup, run after the demo organisation and cases exist: business-hours
// calendars (France, Indonesia), the Gold and Standard SLAs on them with their KPIs and
// actions, the Gold entitlement's channels, every demo KPI timer rebuilt with the SLA
// engine's own rules, and one fresh Gold case whose first-response timer is running.
// Pure and deterministic, like generate_demo_data.
#pragma once
#include "core/demo/demo_data.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Adds/updates the SLA records described above in `store` (after generate_demo_data's
// Generator has run). Ids derive from the seed, so running it twice upserts the same ones.
void add_demo_sla(const DemoOptions& options, Store& store);

}  // namespace casehub
