// When the clock has carried an SLA timer past a threshold whose actions have not run yet
// (the warning's or the failure's), a device asks the core to run them with sla.evaluate
// — a no-op when another device or the server got there first. Pure: the evaluation is
// core/domain/sla/sla_engine's at the caller's `now`.
#pragma once
#include "core/base/record.hpp"
#include "core/domain/sla/sla_engine.hpp"

namespace casehub {

enum class SlaDuePhase {
    none,     // nothing to run: in time, succeeded, paused, or its actions already ran
    warning,  // nearing noncompliance and warningtimereached not set yet
    failure,  // noncompliant, not succeeded, and the failure actions not done yet
};

// The phase of `kpi_instance` (an slakpiinstance) whose actions are due, given its
// evaluation now.
SlaDuePhase due_sla_phase(const Record& kpi_instance, const KpiEvaluation& evaluation);

// "warning" / "failure" / "" — stable names, e.g. to remember what a device asked for.
const char* sla_due_phase_name(SlaDuePhase phase);

}  // namespace casehub
