// Assign: the dialog that gives records a new owner (a user or a team), as the hub's
// Assign command on grids and forms. Generic for every user-owned entity; the caller
// turns the answer into one record.update {ownerid} per record. UI state only: which
// records the open dialog is for and the search text.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

struct AssignAnswer {
    std::vector<RecordRef> records;
    Json owner;  // lookup {"entity": "systemuser" | "team", "id": ...}
};

// True when records of `entity` have an owner the agent can change.
bool is_assignable(const Schema& schema, const std::string& entity);

// Opens the dialog for `records` (drawn by draw_assign_dialog from the next frame).
void open_assign_dialog(std::vector<RecordRef> records);

// Draws the dialog if it is open, as a modal over everything; call once per frame at
// the top level. `me` is the signed-in user's id ("Assign to me"). Returns the answer
// once the agent confirms.
std::optional<AssignAnswer> draw_assign_dialog(Language language, WidthClass width, const Store& store,
                                               const Schema& schema, const std::string& me);

}  // namespace casehub::ui
