// The knowledge article's lifecycle commands on its form's command bar, shown by state as
// Dataverse does: Submit for Review / Approve / Reject, Publish (now) and Schedule (on a
// date), Update (edit a published article in place), Create Minor / Major Version,
// Translate, Archive, Discard and Restore. Each submits the core's kb.* mutation (or a
// status change through record.update for Update) and shows the core's message when it
// is refused; the core decides, never this file. Also the article's Analytics tab.
#pragma once
#include <optional>
#include <vector>

#include "wasm/ui/views/form_extension.hpp"

namespace casehub::ui {

// The knowledge article form's extension: its lifecycle commands (by state) and the
// Schedule and Translate dialogs they open, fields locked while the article is not
// editable, and the Analytics tab (views, rating, feedback, cases that used it).
FormExtension article_form_extension();

// True when the article's fields may not be edited on its form: Scheduled, Published
// (unless in "Updating"), Expired, Archived or Discarded articles change through the
// commands instead.
bool is_article_read_only(const FormState& form, const Store& store);

}  // namespace casehub::ui
