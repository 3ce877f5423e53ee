// The main form of a record, drawn from the form metadata: header (primary name, entity,
// status), tabs > sections > fields with required markers and the core's validation
// messages beside them, related-record subgrids, Save / Save & Close and the
// unsaved-changes prompt. The agent's unsaved edits are the only state it keeps.
// What entities add (commands, panels, tabs) comes from the form extension registry.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/metadata/metadata.hpp"
#include "core/schema/ticket_sequence.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/views/extension_states.hpp"
#include "wasm/ui/views/view_frame.hpp"
#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
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
    std::string notice;                         // a command's outcome, shown under the header
    std::int64_t saving_client_seq = 0;         // the last save's change: "saved on this device" once stored
    int tab = 0;
    bool confirm_leave = false;                 // the unsaved-changes prompt is open
    std::vector<std::string> record_set;        // row keys of the view it was opened from
    std::string record_set_title;
    std::optional<RecordRef> open_request;      // a command's outcome asks to show this record next
};

struct RecordFormLook {
    Language language;
    WidthClass width;
    const Store& store;
    const Schema& schema;
    const Metadata& metadata;
    const Fonts* fonts;
    const ReadModel& model;              // the signed-in user, the clock, the sync state
    Intents& intents;                    // mutations the form and its extensions ask for
    ExtensionStates& extension_states;   // what form extensions keep between frames
    WidgetState& widgets;                // what generic widgets keep between frames
    TicketSequence& tickets;             // this client's case numbers, for records made here
};

// The field widgets' context for a form drawn with `look`.
FieldContext field_context(const RecordFormLook& look);

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

// Draws the form into the current window (filling it), with the hooks of the extensions
// `extensions` registers for its entity; `host_commands` (the workspace's Assign, Delete
// ...) go on the bar after the entity's commands. A request to leave with unsaved edits
// opens the prompt first; `close` / `open` come back only once it is answered.
RecordFormIntent draw_record_form(FormState& form, const RecordFormLook& look, const FormExtensionRegistry& extensions,
                                  const std::vector<Command>& host_commands);

}  // namespace casehub::ui
