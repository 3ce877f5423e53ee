// The business process bar of a record form (core/business_process): the stages of the
// record's active process as chevrons, completed ones ticked and the active one flagged;
// the selected stage's steps as the form's own fields; Next Stage / Previous Stage,
// Switch Process, Abandon / Reactivate. On phones it folds to the active stage's name
// with an expander.
// Decisions are the core's mutations; this file keeps only which stage is selected.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

// The bar under the form header of any entity with processes (nothing for a new record).
// Outcomes go to form.notice / form.error; a step typed here is an edit of the form, and
// Next Stage saves pending edits (validated, as Save does) before moving.
FormExtension process_bar_extension();

}  // namespace casehub::ui
