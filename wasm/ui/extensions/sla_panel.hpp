// SLA timers on the case form: a line of countdowns under the header (time left to
// first response / resolve, coloured by status) and the SLA tab's cards (status, time
// left, deadlines, business hours, the entitlement and its remaining terms). Computed
// every frame from the local replica with evaluate_kpi and the browser's clock, so they
// count down offline; nothing is written while time passes.
#pragma once
#include <cstdint>
#include <string>

#include "core/base/record.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// The countdown line under a case's header; draws nothing for a record that is not a
// case or has no timers.
void draw_sla_header(const Record* incident, const RecordFormLook& look);

// The SLA tab body of a case, `width` wide: one card per KPI timer, then the entitlement.
void draw_sla_tab(const Record* incident, const RecordFormLook& look, float width);

// "2 d 3 h 4 min 5 s" in the language's units (days and hours only when not zero).
std::string format_sla_duration(Language language, std::int64_t ms);

}  // namespace casehub::ui
