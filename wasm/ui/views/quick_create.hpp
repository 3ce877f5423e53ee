// Quick create: the compact form of the basic fields of account, contact, case, task and
// phone call, reached from the top bar's "+" (and the phone's ellipsis menu). Drawn as a
// pane over the right edge (full width on phones); saving is the caller's, as for forms.
#pragma once
#include <string>
#include <vector>

#include "wasm/ui/views/record_form.hpp"

namespace casehub::ui {

// The basic fields quick create shows for `entity` (attributes that exist in the schema,
// then any other required ones). Empty for entities without quick create.
std::vector<std::string> quick_create_fields(const Schema& schema, const std::string& entity);

struct QuickCreateIntent {
    bool save = false;
    bool cancel = false;
};

// Draws the pane for `form` (a new record) over a `screen_w` x `screen_h` screen below
// `top`. Returns Save / Cancel.
QuickCreateIntent draw_quick_create(FormState& form, const RecordFormLook& look, float screen_w, float screen_h,
                                    float top);

}  // namespace casehub::ui
