// The "open record set" side pane of a form: the records of the view the form was
// opened from, to move through them without going back to the grid. Desktop only (the
// hub hides it on small screens). Draws and returns the record picked.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

// True when the pane is shown at this width (desktop, with a record set to show).
bool shows_record_set_pane(WidthClass width, const std::vector<std::string>& record_set);

// Draws the pane (title, previous/next, the list with the current record highlighted)
// into a child `width` x `height` at the cursor; returns the record the agent picked.
std::optional<RecordRef> draw_record_set_pane(const std::vector<std::string>& record_set, const std::string& title,
                                              const RecordRef& current, const Store& store, const Schema& schema,
                                              Language language, float width, float height);

}  // namespace casehub::ui
