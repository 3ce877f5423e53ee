// Knowledge article content in ImGui: the blocks of core/safe_html drawn with the large
// font for h1, bold for h2/h3 and <b>, oblique for <i>/<em>, bullets and numbers for
// lists, links underlined and clickable; and the Content editor (toolbar + markup field
// + live preview).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "core/text/safe_html.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// Draws blocks wrapped at `width` from the cursor. Returns the href of a link the agent
// clicked this frame, or "".
std::string draw_rich_text(const std::vector<RichBlock>& blocks, const Fonts* fonts, float width);

// Parses (sanitising) then draws; cached on the markup so long articles parse once.
std::string draw_rich_html(const std::string& html, const Fonts* fonts, float width);

// The editor's own state: the selection of its markup field, kept between frames so a
// toolbar click (which takes focus from the field) still knows what was selected.
struct RichEditorState {
    std::size_t selection_begin = 0;
    std::size_t selection_end = 0;
    std::string link_url = "https://";
};

// Toolbar (H1, H2, bold, italic, bullets, numbering, link), the markup in a multiline
// field and a live preview under it. True when `html` changed.
bool draw_rich_text_editor(const char* id, std::string& html, RichEditorState& state, Language language,
                           const Fonts* fonts, float width, bool touch);

}  // namespace casehub::ui
