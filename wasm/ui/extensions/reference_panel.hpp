// The reference panel (the hub's "Related" section) beside a case, account, contact or
// knowledge article form: on a case, recent cases and entitlements of the customer,
// knowledge search with suggestions from the case (preview, link to case, copy link,
// insert into / send by email) and similar cases with Follow; on an account, its
// contacts, cases and entitlements; on a contact, its cases and entitlements; on an
// article, the Content editor, versions, translations, categories and related records.
// Everything runs on the local replica; actions are mutations asked for as intents.
#pragma once
#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

// The panel as a form extension of cases, accounts, contacts and articles: drawn to the
// right of the form from under the header down (desktop, tablet) or as the form's
// "Related" page (phone), narrowing the window's content region so the form's tabs and
// body take the width that is left. Nothing for a new record.
FormExtension reference_panel_extension();

}  // namespace casehub::ui
