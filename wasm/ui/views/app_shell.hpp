// The app shell of Customer Service Hub: top bar, site map and content area, laid out
// by width class (desktop / tablet / phone). It takes the app's one UI state and the
// frame's read model; what the agent asks for comes back as a ShellIntent (applied by the
// caller, persisted by platform/) and as mutations in the frame's intents.
#pragma once
#include <array>
#include <optional>
#include <string>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/views/site_map.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/views/top_bar.hpp"
#include "wasm/ui/views/view_frame.hpp"

namespace casehub::ui {

struct UiState;  // ui_state.hpp

struct ShellState {
    Area area = Area::dashboards;
    Language language = Language::en;
    bool site_map_collapsed = false;           // tablet: icon rail instead of names
    bool site_map_menu_open = false;           // phone: site map shown as a menu
    bool high_contrast = false;                // the high-contrast theme (user menu; kept as a preference)
    std::optional<std::string> quick_create;   // entity whose quick create was asked for
    std::string last_search;                   // the last submitted search
    std::array<char, 256> search{};            // search box edit buffer
};

struct ShellIntent {
    std::optional<Area> navigate;
    std::optional<Language> language;
    bool toggle_site_map = false;
    bool toggle_high_contrast = false;  // picked in the user menu
    std::optional<std::string> search;
    std::optional<std::string> quick_create;
    bool sync_now = false;  // "Sync now" pressed
    bool sign_out = false;  // "Sign out" picked
};

// What the shell is drawn into this frame.
struct ShellFrame {
    float width;   // CSS px
    float height;  // CSS px
    const Fonts* fonts;
    const char* user_name;
};

// Draws the whole shell as one full-screen ImGui window, the pages of `ui` inside it.
// The shell's own state is only written by the widgets' edit buffers (the search box);
// the rest comes back as an intent.
ShellIntent draw_app_shell(UiState& ui, const ShellFrame& frame, const ViewFrame& view);

// Applies an intent to the UI state (navigation, toggles, language). Persisting the
// language, syncing and signing out are left to the caller, which owns the platform
// and the data layer.
void apply_shell_intent(UiState& ui, const ShellIntent& intent, WidthClass width);

}  // namespace casehub::ui
