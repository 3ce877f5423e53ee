// The main form of a record, drawn from the form metadata: header (primary name, entity,
// status), tabs > sections > fields with required markers and the core's validation
// messages beside them, related-record subgrids, Save / Save & Close and the
// unsaved-changes prompt. The agent's unsaved edits are the only state it keeps.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/metadata/metadata.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

struct FormState {
    std::string entity;
    std::string id;
    bool is_new = false;                        // not in the store yet: Save creates it
    Json edits = Json::object();                // attribute -> value typed (null clears)
    std::map<std::string, std::string> errors;  // attribute -> the core's message
    std::string error;                          // a message not about one field
    std::string notice;                         // "Saved", shown under the header
    int tab = 0;
    bool confirm_leave = false;                 // the unsaved-changes prompt is open
    std::vector<std::string> record_set;        // row keys of the view it was opened from
    std::string record_set_title;
};

struct RecordFormLook {
    Language language;
    WidthClass width;
    const Store& store;
    const Schema& schema;
    const Metadata& metadata;
    const Fonts* fonts;
};

struct RecordFormIntent {
    bool save = false;                 // Save (or Save & Close with close_after)
    bool close_after = false;
    bool close = false;                // leave: no edits, or the agent chose to discard them
    std::optional<RecordRef> open;     // a related record or another of the record set
    std::optional<std::string> restore_conflict;  // syncconflict id whose kept value to put back
};

bool has_unsaved_changes(const FormState& form);

// One field of a form: label (with * when required), its editor `width` wide (label
// above it on phones), and the core's message under it. Edits go to form.edits.
void draw_form_field(FormState& form, const EntityDef& entity, const AttributeDef& attribute,
                     const RecordFormLook& look, float width);

// The record as it would be after saving: the stored attributes with the edits applied.
Record record_with_edits(const FormState& form, const Store& store);

// Draws the form into the current window (filling it). A request to leave with unsaved
// edits opens the prompt first; `close` / `open` come back only once it is answered.
RecordFormIntent draw_record_form(FormState& form, const RecordFormLook& look);

}  // namespace casehub::ui
