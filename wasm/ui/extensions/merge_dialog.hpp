// Merge Cases from a grid, as Dataverse offers it on the Cases view: two selected active
// cases, the agent picks the primary (surviving) one, and case.merge (core/case_lifecycle)
// cancels the other as Merged and moves its activities, notes and child cases. The core
// decides (same customer, both active); its message is shown in the dialog. UI state only:
// the two cases and which is primary.
#pragma once
#include <string>
#include <vector>

#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

// Opens the dialog for `case_ids` (the first is the proposed primary); drawn from the next
// draw_merge_cases_dialog on.
void open_merge_cases_dialog(std::vector<std::string> case_ids);

// Draws the dialog if it is open, as a modal over everything; call once per frame at the
// top level. Submits case.merge when the agent confirms; true in the frame it succeeded.
bool draw_merge_cases_dialog(Language language, WidthClass width, const Store& store, const Schema& schema);

}  // namespace casehub::ui
