// The app shell of Customer Service Hub: top bar, site map and content area, laid out
// by width class (desktop / tablet / phone). UI state only; what the agent asks for
// comes back as a ShellIntent, applied by the caller (and persisted by platform/).
#pragma once
#include <array>
#include <optional>
#include <string>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/views/site_map.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/views/top_bar.hpp"

namespace casehub::ui {

struct ShellState {
    Area area = Area::dashboards;
    Language language = Language::en;
    bool site_map_collapsed = false;           // tablet: icon rail instead of names
    bool site_map_menu_open = false;           // phone: site map shown as a menu
    std::optional<std::string> quick_create;   // entity whose quick create was asked for
    std::string last_search;                   // the last submitted search
    std::array<char, 256> search{};            // search box edit buffer
};

struct ShellIntent {
    std::optional<Area> navigate;
    std::optional<Language> language;
    bool toggle_site_map = false;
    std::optional<std::string> search;
    std::optional<std::string> quick_create;
};

// What the shell is drawn into this frame.
struct ShellFrame {
    float width;   // CSS px
    float height;  // CSS px
    const Fonts* fonts;
    SyncBadge sync;
    const char* user_name;
};

// Draws the whole shell as one full-screen ImGui window. `state` is only written by
// the widgets' own edit buffers (the search box); everything else is an intent.
ShellIntent draw_app_shell(ShellState& state, const ShellFrame& frame);

// Applies an intent to the UI state (navigation, toggles, language). Persisting the
// language is left to the caller, which owns the platform.
void apply_shell_intent(ShellState& state, const ShellIntent& intent, WidthClass width);

}  // namespace casehub::ui
