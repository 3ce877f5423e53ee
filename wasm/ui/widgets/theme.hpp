// The light theme of the client, in the spirit of Dynamics 365 Customer Service Hub
// (Fluent colours: dark-blue top bar, white and light-grey surfaces, blue accents,
// 4 px rounding) and the fonts: DejaVu Sans for Latin text with Font Awesome merged in.
#pragma once
#include "imgui.h"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/palette.hpp"

namespace casehub::ui {


// The clear colour behind everything (the content background), as floats for glClearColor.
ImVec4 clear_color();

// Applies colours and sizes to `style`; sizes grow on touch layouts (44 px targets).
// `colors` is kDefaultTheme or kHighContrastTheme (palette.hpp).
void apply_theme(ImGuiStyle& style, WidthClass width, const ThemeColors& colors = kDefaultTheme);

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
