// The entity-specific commands of a record form's command bar, after Save & Close: on a
// case Resolve Case (dialog: resolution type, resolution, billable time), Cancel Case,
// Reactivate, Follow / Unfollow, Merge and Add Child Case; on an activity Mark Complete
// and Cancel, and Send on an email draft. They submit the core's lifecycle mutations
// (core/case_lifecycle, core/activity_lifecycle) through the data layer; the core
// decides, the form shows its message. Also keeps the unsaved text of an email or note
// form on this device so a reload does not lose it.
#pragma once
#include <string>
#include <vector>

#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// Appends the commands of `form`'s entity to the form's command bar. Outcomes go to
// form.notice / form.error; a record to show next (the new child case) comes back in
// intent.open. The commands refer to `form`, `look` and `intent`: draw the bar while
// they live.
void add_record_commands(FormState& form, const RecordFormLook& look, RecordFormIntent& intent,
                         std::vector<Command>& commands);

// Draws the dialogs the commands open (Resolve Case, Merge) and keeps email and note
// drafts; call every frame in the window and ID scope where the bar was drawn.
void draw_record_command_dialogs(FormState& form, const RecordFormLook& look);

// True when the form's record may not be edited: a resolved or canceled case, or a
// completed or canceled activity (reactivate the case first).
bool is_record_read_only(const FormState& form, const Store& store);

// "Read-only" with its icon when the record is read-only, else empty: shown at the end of
// the command bar.
std::string read_only_note(const FormState& form, const RecordFormLook& look);

}  // namespace casehub::ui
