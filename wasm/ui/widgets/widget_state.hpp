// What the generic widgets remember between frames besides ImGui's own state: the open
// date picker's month and typed time, the lookup popup's search text and its candidates,
// and a few parsed rich texts. Owned by the app inside its UiState and handed to the
// widgets (FieldContext::widgets, draw_rich_html); widgets keep nothing themselves.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/text/safe_html.hpp"
#include "imgui.h"

namespace casehub::ui {

// The open date picker's popup (one is open at a time).
struct DatePickerState {
    ImGuiID id = 0;
    int year = 1970;
    unsigned month = 1;
    char time[8] = "09:00";
};

// The lookup popup: the text typed and the candidates found for it, recomputed only when
// the text, the targets or the store change.
struct LookupSearchState {
    char text[128] = {};
    std::string key;
    std::vector<std::pair<std::string, std::string>> hits;  // entity, id
};

// Rich texts parsed lately (the panel's preview and the editor's differ), so a long
// article is parsed once, not every frame.
struct RichTextCache {
    struct Parsed {
        std::string html;
        std::vector<RichBlock> blocks;
    };
    Parsed entries[4];
    int next = 0;
};

struct WidgetState {
    DatePickerState date_picker;
    LookupSearchState lookup;
    RichTextCache rich_text;
};

}  // namespace casehub::ui
