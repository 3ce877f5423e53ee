// The knowledge article's lifecycle commands on its form's command bar, shown by state as
// Dataverse does: Submit for Review / Approve / Reject, Publish (now) and Schedule (on a
// date), Update (edit a published article in place), Create Minor / Major Version,
// Translate, Archive, Discard and Restore. Each submits the core's kb.* mutation (or a
// status change through record.update for Update) and shows the core's message when it
// is refused; the core decides, never this file. Also the article's Analytics tab.
#pragma once
#include <optional>
#include <vector>

#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// Appends the commands of a stored knowledge article to the form's command bar (none
// for other entities or new records) and draws the Schedule and Translate dialogs they
// open: call where the bar is drawn, before draw_command_bar. A new version or
// translation comes back in intent.open. The commands refer to `form`, `look` and
// `intent`: draw the bar while they live.
void add_article_commands(FormState& form, const RecordFormLook& look, RecordFormIntent& intent,
                          std::vector<Command>& commands);

// True when the article's fields may not be edited on its form: Scheduled, Published
// (unless in "Updating"), Expired, Archived or Discarded articles change through the
// commands instead.
bool is_article_read_only(const FormState& form, const Store& store);

// The Analytics tab of an article: views, average rating and count, the feedback list
// and the cases that used the article (a case clicked comes back in `open`).
void draw_article_analytics(const Record* article, const RecordFormLook& look, float width,
                            std::optional<RecordRef>& open);

}  // namespace casehub::ui
