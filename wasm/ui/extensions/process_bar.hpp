// The business process bar of a record form (core/business_process): the stages of the
// record's active process as chevrons, completed ones ticked and the active one flagged;
// the selected stage's steps as the form's own fields; Next Stage / Previous Stage,
// Switch Process, Abandon / Reactivate. On phones it folds to the active stage's name
// with an expander. Also the "Apply Routing Rule" command of a case (core/routing_rules).
// Decisions are the core's mutations; this file keeps only which stage is selected.
#pragma once
#include <vector>

#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// Draws the bar under the form header (nothing for a new record or an entity without
// processes). Outcomes go to form.notice / form.error; a step typed here is an edit of
// the form, and Next Stage saves pending edits before moving.
void draw_process_bar(FormState& form, const RecordFormLook& look, float pad);

// Appends the "Apply Routing Rule" command to a case's command bar; nothing on other
// entities or a new case. The command refers to `form` and `look`: draw the bar while they live.
void add_apply_routing_command(FormState& form, const RecordFormLook& look, std::vector<Command>& commands);

}  // namespace casehub::ui
