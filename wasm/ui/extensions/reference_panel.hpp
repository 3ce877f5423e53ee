// The reference panel (the hub's "Related" section) beside a case, account, contact or
// knowledge article form: on a case, recent cases and entitlements of the customer,
// knowledge search with suggestions from the case (preview, link to case, copy link,
// insert into / send by email) and similar cases with Follow; on an account, its
// contacts, cases and entitlements; on a contact, its cases and entitlements; on an
// article, the Content editor, versions, translations, categories and related records.
// Everything runs on the local replica; actions are mutations through the data layer.
#pragma once
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// Draws the panel to the right of the form from the cursor down (desktop, tablet) or as
// the form's "Related" tab (phone), then narrows the window's content region so the
// form's tabs and body take the width that is left. Call once per form frame, after the
// header and before the form's tabs. Draws nothing for other entities or new records.
void draw_reference_panel(FormState& form, const RecordFormLook& look, float pad);

}  // namespace casehub::ui
