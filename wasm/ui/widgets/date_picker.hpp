// The date / date-and-time field: a button with the value in the locale's format that
// opens a month grid (previous / next month, Today, a time entry for date-and-time
// fields, Clear), touch-sized on tablets and phones. Values are UTC ISO strings, as
// stored; the client shows UTC as the rest of the grid and form do. Draws and returns
// the new value; the only state kept is which month the open popup shows.
#pragma once
#include <cstdint>
#include <string>

#include "core/base/record.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"

namespace casehub::ui {

// A day (days since 1970-01-01) in the locale's short date: 11/24/2026 (en),
// 24/11/2026 (fr, id).
std::string format_date(std::int64_t days, Language language);

// True for attributes that hold a date without a time of day (birthdate, startdate ...):
// by the Dataverse naming habit, their logical name ends in "date".
bool is_date_only(const AttributeDef& attribute);

// Draws the field with the ImGui id `id`, filling the available width. Returns true
// when the agent picked or cleared a value this frame, the new value (null to clear)
// in `out`. Each day cell of the popup is recorded for tests under its format_date.
bool draw_date_picker(const char* id, const Json& value, bool with_time, Json& out, const FieldContext& ctx);

}  // namespace casehub::ui
