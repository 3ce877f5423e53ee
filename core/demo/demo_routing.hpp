// Demo business processes and routing: the Phone to Case Process with a run on each
// open detailed case, the "Contoso case routing" rule set (Gold entitlement or high
// priority -> Gold, French problems -> Tier 2 Support, Indonesian cases -> Dukungan
// Indonesia, social cases -> Camille Martin) and record creation rules for the Gold and
// French support mailboxes. Runs after the organisation and cases exist. Pure.
#pragma once
#include "core/demo/demo_data.hpp"
#include "core/store/store.hpp"

namespace casehub {

void add_demo_routing(const DemoOptions& options, Store& store);

}  // namespace casehub
