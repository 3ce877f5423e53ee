// Due SLA threshold actions (see sla_due.hpp).
#include "core/domain/sla/sla_due.hpp"

namespace casehub {
namespace {

bool is_true(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_boolean() && v->get<bool>();
}

}  // namespace

SlaDuePhase due_sla_phase(const Record& kpi_instance, const KpiEvaluation& evaluation) {
    if (evaluation.status == KpiStatus::Noncompliant && !kpi_instance.get("succeededon") &&
        !is_true(kpi_instance, "casehub_failureactionsdone"))
        return SlaDuePhase::failure;
    if (evaluation.status == KpiStatus::NearingNoncompliance && !is_true(kpi_instance, "warningtimereached"))
        return SlaDuePhase::warning;
    return SlaDuePhase::none;
}

const char* sla_due_phase_name(SlaDuePhase phase) {
    switch (phase) {
        case SlaDuePhase::warning: return "warning";
        case SlaDuePhase::failure: return "failure";
        case SlaDuePhase::none: break;
    }
    return "";
}

}  // namespace casehub
