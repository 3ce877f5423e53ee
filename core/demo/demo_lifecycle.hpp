// Demo case resolutions: every resolved demo case with details gets the incidentresolution
// case.resolve would have written (subject, billable time, closed), so the timeline and
// the Case Resolutions view show what solved it. Pure and deterministic.
#pragma once
#include "core/demo/demo_data.hpp"
#include "core/store/store.hpp"

namespace casehub {

// Adds the resolutions to `store` after the demo cases exist; ids derive from the case
// ids, so running it twice upserts the same records. At most detailed_case_limit of them.
void add_demo_lifecycle(const DemoOptions& options, Store& store);

}  // namespace casehub
