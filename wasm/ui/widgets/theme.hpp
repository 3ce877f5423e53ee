// The light theme of the client, in the spirit of Dynamics 365 Customer Service Hub
// (Fluent colours: dark-blue top bar, white and light-grey surfaces, blue accents,
// 4 px rounding) and the fonts: DejaVu Sans for Latin text with Font Awesome merged in.
#pragma once
#include "imgui.h"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

// Colours the shell draws itself (ImGui's own widgets take theirs from the style).
namespace palette {
inline constexpr ImU32 top_bar = IM_COL32(0x00, 0x20, 0x50, 0xFF);        // navy, as the hub's header
inline constexpr ImU32 top_bar_hover = IM_COL32(0x1B, 0x3A, 0x6B, 0xFF);
inline constexpr ImU32 top_bar_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 accent = IM_COL32(0x00, 0x78, 0xD4, 0xFF);          // Fluent "communication blue"
inline constexpr ImU32 accent_dark = IM_COL32(0x00, 0x5A, 0x9E, 0xFF);
inline constexpr ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 canvas = IM_COL32(0xFA, 0xF9, 0xF8, 0xFF);          // content background
inline constexpr ImU32 site_map = IM_COL32(0xF3, 0xF2, 0xF1, 0xFF);
inline constexpr ImU32 site_map_selected = IM_COL32(0xE1, 0xDF, 0xDD, 0xFF);
inline constexpr ImU32 border = IM_COL32(0xE1, 0xDF, 0xDD, 0xFF);
inline constexpr ImU32 text = IM_COL32(0x32, 0x31, 0x30, 0xFF);
inline constexpr ImU32 text_secondary = IM_COL32(0x60, 0x5E, 0x5C, 0xFF);
}  // namespace palette

// The clear colour behind everything (the content background), as floats for glClearColor.
ImVec4 clear_color();

// Applies colours and sizes to `style`; sizes grow on touch layouts (44 px targets).
void apply_theme(ImGuiStyle& style, WidthClass width);

struct Fonts {
    ImFont* regular = nullptr;  // body text, with icons merged
    ImFont* bold = nullptr;     // headings, selected items, with icons merged
    ImFont* large = nullptr;    // page titles
    ImFont* italic = nullptr;       // <em> in articles (DejaVu Sans Oblique); null: not shipped
    ImFont* bold_italic = nullptr;  // <b><em> in articles; null: not shipped
    bool loaded_from_files = false;  // false: files missing, ImGui's built-in font is used
};

// Rebuilds the font atlas for `pixel_ratio` (device pixels per CSS px): glyphs are
// rasterised at size * ratio and drawn at 1/ratio, so text stays crisp on HiDPI.
// Reads /fonts/*.ttf from the preloaded file system; missing files fall back to
// ImGui's default font (ASCII only) rather than failing.
Fonts load_fonts(ImGuiIO& io, float pixel_ratio);

}  // namespace casehub::ui
