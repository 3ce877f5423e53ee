// SLA timers on the case form: a line of countdowns under the header (time left to
// first response / resolve, coloured by status) and the SLA tab's cards (status, time
// left, deadlines, business hours, the entitlement and its remaining terms). Computed
// every frame from the local replica with evaluate_kpi and the frame's clock, so they
// count down offline; nothing is written while time passes.
#pragma once
#include <cstdint>
#include <string>

#include "core/base/record.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

// The case form's SLA extension: the countdowns under the header and the SLA tab's cards.
// A timer the clock carried past a threshold asks the core, once per timer and phase on
// this device, to run its actions (sla.evaluate).
FormExtension sla_form_extension();

// "2 d 3 h 4 min 5 s" in the language's units (days and hours only when not zero).
std::string format_sla_duration(Language language, std::int64_t ms);

}  // namespace casehub::ui
