// The hub's top bar: site-map toggle, app name, search box, quick create (+), sync
// state and the user menu (where the language is chosen). Draws and returns intents.
#pragma once
#include <optional>
#include <string>

#include "imgui.h"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/views/sync_status.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

// What the sync placeholder shows until the sync issue wires the real state in.

struct TopBarLook {
    Language language;
    WidthClass width;
    SyncStatusLook sync;    // the sync state shown at the right
    float height;
    const char* user_name;  // already display-ready
    ImFont* bold_font;      // for the app name; null: the current font
    bool high_contrast = false;  // the theme in use, ticked in the user menu
};

struct TopBarIntent {
    bool toggle_site_map = false;                // ≡ pressed (tablet: collapse, phone: menu)
    std::optional<std::string> search;           // Enter pressed in the search box
    std::optional<std::string> quick_create;     // entity logical name picked under "+"
    std::optional<Language> language;            // picked in the user menu
    bool toggle_high_contrast = false;           // "High contrast" picked in the user menu
    bool sync_now = false;                       // "Sync now" pressed
    bool sign_out = false;                       // "Sign out" picked in the user menu
};

// Draws the bar across the current window's full width at its cursor. `search` is the
// search box's edit buffer (UI-local text, not domain state).
TopBarIntent draw_top_bar(const TopBarLook& look, char* search, std::size_t search_size);

}  // namespace casehub::ui
