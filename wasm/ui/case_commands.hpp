// The entity-specific commands of a record form's command bar, drawn after Save & Close:
// on a case Resolve Case (dialog: resolution type, resolution, billable time), Cancel
// Case, Reactivate, Follow / Unfollow, Merge and Add Child Case; on an activity Mark
// Complete and Cancel, and Send on an email draft. They submit the core's lifecycle
// mutations (core/case_lifecycle, core/activity_lifecycle) through the data layer; the
// core decides, the form shows its message. Also keeps the unsaved text of an email or
// note form on this device so a reload does not lose it.
#pragma once
#include "wasm/ui/record_form.hpp"

namespace casehub::ui {

// Draws the commands of `form`'s entity on the current line of the command bar and the
// dialogs they open. Outcomes go to form.notice / form.error; a record to show next
// (the new child case) comes back in intent.open.
void draw_record_commands(FormState& form, const RecordFormLook& look, RecordFormIntent& intent);

// True when the form's record may not be edited: a resolved or canceled case, or a
// completed or canceled activity (reactivate the case first).
bool is_record_read_only(const FormState& form, const Store& store);

}  // namespace casehub::ui
