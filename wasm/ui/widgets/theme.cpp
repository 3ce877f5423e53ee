// Colours, sizes and fonts of the light theme. ImGui's default style is a dark debug
// look; everything here is overridden so the client reads like the hub it models.
#include "wasm/ui/widgets/theme.hpp"

#include <cstdio>

#include "wasm/ui/widgets/icons.hpp"

namespace casehub::ui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }
ImVec4 col(std::uint32_t c, float alpha = 1.0f) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w *= alpha;
    return v;
}

bool file_exists(const char* path) {
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

// Latin (French, Indonesian and neighbours) + the punctuation they use.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (é ç ñ ü « »)
    0x0100, 0x024F,  // Latin Extended-A and -B (œ Œ ğ ş ...)
    0x2010, 0x205E,  // General Punctuation (– — ’ “ ” … •)
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,  // ™
    0x2190, 0x2193,  // arrows
    0,
};
const ImWchar* icon_ranges() {
    // The font atlas keeps a pointer to the ranges for its lifetime: built once, never changed.
    static ImVector<ImWchar> ranges;  // not state: a font resource ImGui requires to outlive the atlas
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddText(ICONS_USED);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* add_font(ImGuiIO& io, const char* path, float size, float ratio, bool with_icons) {
    ImFontConfig text;
    text.OversampleH = ratio >= 2.0f ? 1 : 2;  // HiDPI needs no sub-pixel oversampling
    text.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromFileTTF(path, size * ratio, &text, kTextRanges);
    if (!font || !with_icons) return font;
    ImFontConfig icons;
    icons.MergeMode = true;
    icons.PixelSnapH = true;
    icons.GlyphMinAdvanceX = size * 1.25f * ratio;  // icons line up in the site map
    icons.GlyphOffset = ImVec2(0.0f, 0.5f * ratio);
    io.Fonts->AddFontFromFileTTF("/fonts/fontawesome-webfont.ttf", size * 0.95f * ratio, &icons, icon_ranges());
    return font;
}

}  // namespace

ImVec4 clear_color() { return rgb(0xFA, 0xF9, 0xF8); }

void apply_theme(ImGuiStyle& style, WidthClass width, const ThemeColors& t) {
    style = ImGuiStyle();
    const bool touch = is_touch_sized(width);
    style.WindowPadding = ImVec2(12, 12);
    style.FramePadding = touch ? ImVec2(12, 12) : ImVec2(10, 7);
    style.ItemSpacing = touch ? ImVec2(10, 10) : ImVec2(8, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 6);
    style.TouchExtraPadding = touch ? ImVec2(4, 4) : ImVec2(0, 0);
    style.ScrollbarSize = touch ? 16 : 12;
    style.GrabMinSize = touch ? 20 : 12;
    style.WindowRounding = 4;
    style.ChildRounding = 4;
    style.FrameRounding = 4;
    style.PopupRounding = 4;
    style.ScrollbarRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = col(t.text);
    c[ImGuiCol_TextDisabled] = col(t.text_disabled);
    c[ImGuiCol_WindowBg] = col(t.window_bg);
    c[ImGuiCol_ChildBg] = rgb(0xFF, 0xFF, 0xFF, 0.0f);
    c[ImGuiCol_PopupBg] = col(t.popup_bg);
    c[ImGuiCol_Border] = col(t.frame_border);  // outlines controls (FrameBorderSize 1): >= 3:1
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_FrameBg] = col(t.frame_bg);
    c[ImGuiCol_FrameBgHovered] = col(t.button_hovered);
    c[ImGuiCol_FrameBgActive] = rgb(0xED, 0xEB, 0xE9);
    c[ImGuiCol_TitleBg] = rgb(0xF3, 0xF2, 0xF1);
    c[ImGuiCol_TitleBgActive] = rgb(0xED, 0xEB, 0xE9);
    c[ImGuiCol_TitleBgCollapsed] = rgb(0xF3, 0xF2, 0xF1);
    c[ImGuiCol_MenuBarBg] = rgb(0xF3, 0xF2, 0xF1);
    c[ImGuiCol_ScrollbarBg] = rgb(0xF3, 0xF2, 0xF1, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = col(t.scrollbar_grab);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xA1, 0x9F, 0x9D);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(0x8A, 0x88, 0x86);
    c[ImGuiCol_CheckMark] = col(t.check_mark);
    c[ImGuiCol_SliderGrab] = col(t.check_mark);
    c[ImGuiCol_SliderGrabActive] = rgb(0x00, 0x5A, 0x9E);
    c[ImGuiCol_Button] = col(t.button);
    c[ImGuiCol_ButtonHovered] = col(t.button_hovered);
    c[ImGuiCol_ButtonActive] = rgb(0xED, 0xEB, 0xE9);
    c[ImGuiCol_Header] = col(t.selected_row);  // selected rows: light blue
    c[ImGuiCol_HeaderHovered] = col(t.hovered_row);
    c[ImGuiCol_HeaderActive] = rgb(0xC7, 0xE0, 0xF4);
    c[ImGuiCol_Separator] = col(t.divider);
    c[ImGuiCol_SeparatorHovered] = rgb(0x00, 0x78, 0xD4, 0.6f);
    c[ImGuiCol_SeparatorActive] = rgb(0x00, 0x78, 0xD4);
    c[ImGuiCol_ResizeGrip] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_ResizeGripHovered] = rgb(0x00, 0x78, 0xD4, 0.4f);
    c[ImGuiCol_ResizeGripActive] = rgb(0x00, 0x78, 0xD4, 0.8f);
    c[ImGuiCol_Tab] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_TabHovered] = rgb(0xF3, 0xF2, 0xF1);
    c[ImGuiCol_TabActive] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_TabUnfocused] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_TabUnfocusedActive] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_PlotLines] = rgb(0x00, 0x78, 0xD4);
    c[ImGuiCol_PlotLinesHovered] = rgb(0x00, 0x5A, 0x9E);
    c[ImGuiCol_PlotHistogram] = rgb(0x00, 0x78, 0xD4);
    c[ImGuiCol_PlotHistogramHovered] = rgb(0x00, 0x5A, 0x9E);
    c[ImGuiCol_TableHeaderBg] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_TableBorderStrong] = rgb(0xE1, 0xDF, 0xDD);
    c[ImGuiCol_TableBorderLight] = rgb(0xED, 0xEB, 0xE9);
    c[ImGuiCol_TableRowBg] = rgb(0xFF, 0xFF, 0xFF);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xFA, 0xF9, 0xF8);
    c[ImGuiCol_TextSelectedBg] = rgb(0x00, 0x78, 0xD4, 0.25f);
    c[ImGuiCol_DragDropTarget] = rgb(0x00, 0x78, 0xD4);
    c[ImGuiCol_NavHighlight] = col(t.nav_highlight);  // the focus ring
    c[ImGuiCol_NavWindowingHighlight] = rgb(0x00, 0x78, 0xD4, 0.7f);
    c[ImGuiCol_NavWindowingDimBg] = rgb(0x32, 0x31, 0x30, 0.2f);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0x32, 0x31, 0x30, 0.35f);
}

Fonts load_fonts(ImGuiIO& io, float pixel_ratio) {
    const float ratio = pixel_ratio > 0.0f ? pixel_ratio : 1.0f;
    io.Fonts->Clear();
    Fonts fonts;
    const char* regular = "/fonts/DejaVuSans.ttf";
    const char* bold = "/fonts/DejaVuSans-Bold.ttf";
    if (file_exists(regular) && file_exists(bold) && file_exists("/fonts/fontawesome-webfont.ttf")) {
        fonts.regular = add_font(io, regular, 15.0f, ratio, true);
        fonts.bold = add_font(io, bold, 15.0f, ratio, true);
        fonts.large = add_font(io, bold, 20.0f, ratio, true);
        fonts.loaded_from_files = fonts.regular && fonts.bold && fonts.large;
        // Italic faces only for article text, so no icons: each adds ~600 glyphs to the atlas.
        if (file_exists("/fonts/DejaVuSans-Oblique.ttf"))
            fonts.italic = add_font(io, "/fonts/DejaVuSans-Oblique.ttf", 15.0f, ratio, false);
        if (file_exists("/fonts/DejaVuSans-BoldOblique.ttf"))
            fonts.bold_italic = add_font(io, "/fonts/DejaVuSans-BoldOblique.ttf", 15.0f, ratio, false);
    }
    if (!fonts.loaded_from_files) {
        std::fprintf(stderr, "casehub: fonts missing from /fonts; using ImGui's built-in font (ASCII only)\n");
        io.Fonts->Clear();
        ImFontConfig config;
        config.SizePixels = 13.0f * ratio;
        ImFont* fallback = io.Fonts->AddFontDefault(&config);
        fonts.regular = fonts.bold = fonts.large = fallback;
        fonts.italic = fonts.bold_italic = nullptr;
    }
    io.FontDefault = fonts.regular;
    io.FontGlobalScale = 1.0f / ratio;
    io.Fonts->Build();
    std::printf("casehub: font atlas %dx%d at pixel ratio %.2f\n", io.Fonts->TexWidth, io.Fonts->TexHeight,
                 static_cast<double>(ratio));
    return fonts;
}

}  // namespace casehub::ui
