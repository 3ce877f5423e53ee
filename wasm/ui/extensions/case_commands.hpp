// The case form's extension: after Save & Close, Resolve Case (dialog: resolution type,
// resolution, billable time), Cancel Case, Reactivate, Follow / Unfollow, Merge and Add
// Child Case; "Read-only" and locked fields on a resolved or canceled case. Each command
// asks for the core's lifecycle mutation (core/domain/cases) as an intent; the core
// decides, the form shows its message.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

FormExtension case_form_extension();

}  // namespace casehub::ui
