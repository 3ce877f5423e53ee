// Merge Cases from a grid, as Dataverse offers it on the Cases view: two selected active
// cases, the agent picks the primary (surviving) one, and case.merge (core/case_lifecycle)
// cancels the other as Merged and moves its activities, notes and child cases. The core
// decides (same customer, both active); its message is shown in the dialog. A dialog of
// the Cases grid (the case form has its own Merge, in ui/extensions/case_commands).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/views/intents.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

// The dialog's UI state: the cases and which is primary.
struct MergeCasesDialogState {
    bool open_requested = false;
    std::vector<std::string> cases;
    std::size_t primary = 0;  // index into cases
    std::string error;
    bool close = false;       // merged: close at the next frame
};

// Opens the dialog for `case_ids` (the first is the proposed primary); drawn from the next
// draw_merge_cases_dialog on.
void open_merge_cases_dialog(MergeCasesDialogState& dialog, std::vector<std::string> case_ids);

// Draws the dialog if it is open, as a modal over everything; call once per frame at the
// top level. Asks for case.merge when the agent confirms; `merged` runs once it is applied.
void draw_merge_cases_dialog(MergeCasesDialogState& dialog, Language language, WidthClass width, const Store& store,
                             const Schema& schema, Intents& intents, std::function<void()> merged);

}  // namespace casehub::ui
