// One editor and one display format per attribute type (text, memo, whole number,
// decimal, money, yes/no, date/time, option set, lookup / customer / owner), written
// once and used by every form, grid and quick create. Draws and returns the new value;
// keeps no domain state (only ImGui's own edit buffers and a lookup search cache).
#pragma once
#include <string>

#include "core/base/record.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

struct FieldContext {
    Language language;
    WidthClass width;
    const Store& store;    // the replica on screen: lookups are resolved and searched here
    const Schema& schema;
};

// The value as an agent reads it: option-set labels in the UI language, lookups by the
// target's primary name, dates and numbers in the locale's format. "" for no value.
std::string format_value(const EntityDef& entity, const AttributeDef& attribute, const Json* value,
                         const FieldContext& ctx);

// A datetime ("2026-11-24T09:37:00Z") in the locale's format: 11/24/2026 09:37 (en),
// 24/11/2026 09:37 (fr), 24/11/2026 09.37 (id). Unparseable text is returned as is.
std::string format_datetime(std::string_view iso, Language language);

// A number with the locale's separators ("1,234.5" / "1 234,5" / "1.234,5");
// `decimals` < 0 keeps the shortest form.
std::string format_number(double value, int decimals, Language language);

// The label of an attribute in the UI language.
const std::string& attribute_label(const AttributeDef& attribute, Language language);

// Draws the editor of `attribute` filling the available width, with the ImGui id `id`.
// `value` is what the field shows now (the record's value or the agent's unsaved edit;
// null for none). Returns true when the agent changed it this frame, the new value
// (null to clear) in `out`.
bool draw_field_editor(const char* id, const EntityDef& entity, const AttributeDef& attribute, const Json& value,
                       Json& out, const FieldContext& ctx);

}  // namespace casehub::ui
