// The command bar of forms and pages, as the hub draws it: the commands that fit the
// bar's width in a row, the rest behind a "More commands" button whose popup lists them
// (icon + label). Every bar (record form, entity grid, queues) describes its commands as
// data and draws them here, so the overflow rule lives in one place.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

struct Command {
    std::string id;              // stable ImGui id of the button and its menu item ("cmd_resolve")
    const char* icon = "";       // an ICON_* glyph
    std::string label;           // translated text; also what the widget recorder reports
    std::function<void()> run;   // what a click does (see draw_command_bar for when it runs)
    bool enabled = true;         // drawn greyed out and inert when false
};

// Draws `commands` in order on the current line of the current window: as many as fit in
// the width left on the line minus `reserve` (room the caller keeps for what it draws
// after the bar), then a "More commands" button holding the rest in a popup. Buttons are
// touch-sized (44 px) on tablet and phone; on phone they show the icon alone, still
// recorded under their label. A clicked command's `run` is called after the bar and its
// popup are drawn, with the caller's window and ID stack current, so a dialog it opens
// with ImGui::OpenPopup is the one the caller draws. Leaves the cursor on the same line
// after the last button. `bar_id` keeps two bars of one window apart.
void draw_command_bar(const char* bar_id, const std::vector<Command>& commands, Language language, WidthClass width,
                      float reserve = 0.0f);

// How many of the commands with `widths` fit in `available` px, `spacing` between
// buttons; when not all of them fit, `overflow_width` (the "More commands" button) is
// kept free as well. Exposed for tests of the layout rule.
std::size_t commands_that_fit(const std::vector<float>& widths, float available, float spacing, float overflow_width);

}  // namespace casehub::ui
