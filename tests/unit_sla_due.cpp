// Which SLA threshold actions a device should ask the core to run (sla.evaluate).
#include <catch2/catch.hpp>

#include "core/domain/sla/sla_due.hpp"

using namespace casehub;

namespace {
KpiEvaluation with(KpiStatus status) {
    KpiEvaluation e;
    e.status = status;
    return e;
}
}  // namespace

TEST_CASE("a timer past its warning or failure time is due once", "[sla]") {
    Record kpi{"slakpiinstance", "k", {{"name", "Resolve By"}}};
    CHECK(due_sla_phase(kpi, with(KpiStatus::InProgress)) == SlaDuePhase::none);
    CHECK(due_sla_phase(kpi, with(KpiStatus::NearingNoncompliance)) == SlaDuePhase::warning);
    CHECK(due_sla_phase(kpi, with(KpiStatus::Noncompliant)) == SlaDuePhase::failure);
    CHECK(std::string(sla_due_phase_name(SlaDuePhase::failure)) == "failure");
    SECTION("actions that ran are not due again") {
        kpi.attributes["warningtimereached"] = true;
        CHECK(due_sla_phase(kpi, with(KpiStatus::NearingNoncompliance)) == SlaDuePhase::none);
        kpi.attributes["casehub_failureactionsdone"] = true;
        CHECK(due_sla_phase(kpi, with(KpiStatus::Noncompliant)) == SlaDuePhase::none);
    }
    SECTION("a succeeded, paused or canceled timer is never due") {
        CHECK(due_sla_phase(kpi, with(KpiStatus::Succeeded)) == SlaDuePhase::none);
        CHECK(due_sla_phase(kpi, with(KpiStatus::Paused)) == SlaDuePhase::none);
        CHECK(due_sla_phase(kpi, with(KpiStatus::Canceled)) == SlaDuePhase::none);
        kpi.attributes["succeededon"] = "2026-11-30T10:00:00Z";
        CHECK(due_sla_phase(kpi, with(KpiStatus::Noncompliant)) == SlaDuePhase::none);
    }
}
