// The client's colours as plain data: the palette the shell draws with and the colours of
// ImGui's own widgets per theme (default and high contrast). No ImGui here, so a Catch2
// test computes every pair's WCAG contrast from these very values (tests/unit_theme_contrast.cpp).
// Colours are packed as ImGui's IM_COL32 (0xAABBGGRR).
#pragma once
#include <cstdint>

namespace casehub::ui {

constexpr std::uint32_t rgba(unsigned r, unsigned g, unsigned b, unsigned a = 0xFF) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}

// Colours the shell draws itself (ImGui's own widgets take theirs from the style).
namespace palette {
inline constexpr std::uint32_t top_bar = rgba(0x00, 0x20, 0x50);         // navy, as the hub's header
inline constexpr std::uint32_t top_bar_hover = rgba(0x1B, 0x3A, 0x6B);
inline constexpr std::uint32_t top_bar_text = rgba(0xFF, 0xFF, 0xFF);
// Fluent's blue one step darker than "communication blue" (0x0078D4, 4.3:1 on the canvas):
// links and white-on-blue buttons need 4.5:1.
inline constexpr std::uint32_t accent = rgba(0x00, 0x67, 0xB8);
inline constexpr std::uint32_t accent_dark = rgba(0x00, 0x5A, 0x9E);
inline constexpr std::uint32_t surface = rgba(0xFF, 0xFF, 0xFF);
inline constexpr std::uint32_t canvas = rgba(0xFA, 0xF9, 0xF8);          // content background
inline constexpr std::uint32_t site_map = rgba(0xF3, 0xF2, 0xF1);
inline constexpr std::uint32_t site_map_selected = rgba(0xE1, 0xDF, 0xDD);
inline constexpr std::uint32_t border = rgba(0xE1, 0xDF, 0xDD);          // dividers between areas (not controls)
inline constexpr std::uint32_t text = rgba(0x32, 0x31, 0x30);
inline constexpr std::uint32_t text_secondary = rgba(0x60, 0x5E, 0x5C);
}  // namespace palette

// The colours of ImGui's widgets in one theme.
struct ThemeColors {
    std::uint32_t text;            // body text
    std::uint32_t text_disabled;   // greyed-out commands (WCAG exempts inactive controls; kept readable anyway)
    std::uint32_t window_bg;       // the content background
    std::uint32_t popup_bg;        // menus, dialogs
    std::uint32_t frame_bg;        // text fields, check boxes
    std::uint32_t frame_border;    // a control's outline: >= 3:1 on its background
    std::uint32_t divider;         // separators and table lines (decoration)
    std::uint32_t button;
    std::uint32_t button_hovered;
    std::uint32_t check_mark;      // and slider grabs
    std::uint32_t selected_row;    // ImGuiCol_Header: a selected row behind text
    std::uint32_t hovered_row;
    std::uint32_t nav_highlight;   // the keyboard focus ring: >= 3:1 on the background
    std::uint32_t link;            // a record's name in a grid
    std::uint32_t scrollbar_grab;
};

inline constexpr ThemeColors kDefaultTheme{
    rgba(0x32, 0x31, 0x30), rgba(0x6E, 0x6C, 0x6A), rgba(0xFA, 0xF9, 0xF8), rgba(0xFF, 0xFF, 0xFF),
    rgba(0xFF, 0xFF, 0xFF), rgba(0x8A, 0x88, 0x86), rgba(0xE1, 0xDF, 0xDD), rgba(0xFF, 0xFF, 0xFF),
    rgba(0xF3, 0xF2, 0xF1), rgba(0x00, 0x67, 0xB8), rgba(0xDE, 0xEC, 0xF9), rgba(0xF3, 0xF2, 0xF1),
    rgba(0x00, 0x5A, 0x9E), rgba(0x00, 0x67, 0xB8), rgba(0xA1, 0x9F, 0x9D),
};

// Black on white with heavy outlines, as Windows' "High Contrast White".
inline constexpr ThemeColors kHighContrastTheme{
    rgba(0x00, 0x00, 0x00), rgba(0x4A, 0x4A, 0x4A), rgba(0xFF, 0xFF, 0xFF), rgba(0xFF, 0xFF, 0xFF),
    rgba(0xFF, 0xFF, 0xFF), rgba(0x00, 0x00, 0x00), rgba(0x00, 0x00, 0x00), rgba(0xFF, 0xFF, 0xFF),
    rgba(0xE6, 0xE6, 0xE6), rgba(0x00, 0x00, 0x00), rgba(0xCC, 0xE4, 0xF7), rgba(0xE6, 0xE6, 0xE6),
    rgba(0x00, 0x00, 0x00), rgba(0x00, 0x3A, 0x8C), rgba(0x4A, 0x4A, 0x4A),
};

}  // namespace casehub::ui
