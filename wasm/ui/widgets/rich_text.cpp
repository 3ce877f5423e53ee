// Rich text drawing: each block is laid out word by word (ImGui wraps only whole text
// items, and one paragraph mixes fonts), breaking lines at `width`. Italic has its own
// face (DejaVu Sans Oblique / Bold Oblique); where those files are missing it is drawn
// in the secondary text colour instead, so it still stands out.
#include "wasm/ui/widgets/rich_text.hpp"

#include "imgui.h"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

ImFont* font_for(const Fonts* fonts, RichBlockKind kind, bool bold, bool italic) {
    ImFont* fallback = ImGui::GetFont();
    if (!fonts) return fallback;
    if (kind == RichBlockKind::heading1 && fonts->large) return fonts->large;
    const bool strong = bold || kind == RichBlockKind::heading2 || kind == RichBlockKind::heading3;
    if (italic && strong && fonts->bold_italic) return fonts->bold_italic;
    if (italic && !strong && fonts->italic) return fonts->italic;
    if (strong && fonts->bold) return fonts->bold;
    return fonts->regular ? fonts->regular : fallback;
}

// True when the span's italic is drawn with an oblique face rather than a colour.
bool has_italic_face(const Fonts* fonts, RichBlockKind kind, bool bold) {
    if (!fonts || kind == RichBlockKind::heading1) return false;
    const bool strong = bold || kind == RichBlockKind::heading2 || kind == RichBlockKind::heading3;
    return (strong ? fonts->bold_italic : fonts->italic) != nullptr;
}

// Lays out one word (or a space) at the cursor, breaking the line first when it would
// pass `right`. Returns true when the item was clicked.
bool place_word(const std::string& word, float left, float right, bool& line_started, ImU32 color, bool underline) {
    const ImVec2 size = ImGui::CalcTextSize(word.c_str());
    if (line_started) {
        ImGui::SameLine(0.0f, 0.0f);
        if (ImGui::GetCursorPosX() + size.x > right && word != " ") {
            ImGui::NewLine();
            ImGui::SetCursorPosX(left);
        }
    } else {
        ImGui::SetCursorPosX(left);
    }
    if (word == " " && ImGui::GetCursorPosX() <= left + 0.5f) return false;  // no blank at a line start
    line_started = true;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
    ImGui::TextUnformatted(word.c_str());
    ImGui::PopStyleColor();
    if (underline) {
        const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(mn.x, mx.y - 1.0f), ImVec2(mx.x, mx.y - 1.0f), color);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    return ImGui::IsItemClicked();
}

struct ParsedCache {
    std::string html;
    std::vector<RichBlock> blocks;
};

struct EditorCallbackData {
    std::string* text;
    RichEditorState* state;
};

int editor_callback(ImGuiInputTextCallbackData* data) {
    auto* d = static_cast<EditorCallbackData*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        d->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = d->text->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
        d->state->selection_begin = static_cast<std::size_t>(data->SelectionStart);
        d->state->selection_end = static_cast<std::size_t>(data->SelectionEnd);
        if (data->SelectionStart == data->SelectionEnd)
            d->state->selection_begin = d->state->selection_end = static_cast<std::size_t>(data->CursorPos);
    }
    return 0;
}

}  // namespace

std::string draw_rich_text(const std::vector<RichBlock>& blocks, const Fonts* fonts, float width) {
    std::string clicked;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushID(&blocks);
    int item = 0;
    for (const RichBlock& block : blocks) {
        const bool list = block.kind == RichBlockKind::bullet || block.kind == RichBlockKind::numbered;
        const float indent = list ? 18.0f * static_cast<float>(block.depth) : 0.0f;
        const float left = x0 + indent;
        const float right = x0 + width;
        bool line_started = false;
        if (list) {
            ImGui::SetCursorPosX(left - 14.0f);
            const std::string marker =
                block.kind == RichBlockKind::bullet ? "\xe2\x80\xa2" : std::to_string(block.number) + ".";
            ImGui::TextUnformatted(marker.c_str());
            line_started = true;
            ImGui::SameLine(0.0f, 0.0f);
            ImGui::SetCursorPosX(left + 4.0f);
        }
        const float item_left = list ? left + 4.0f : left;
        for (const RichSpan& span : block.spans) {
            ImGui::PushFont(font_for(fonts, block.kind, span.bold, span.italic));
            const bool dim_italic = span.italic && !has_italic_face(fonts, block.kind, span.bold);
            const ImU32 color = !span.href.empty() ? palette::accent : dim_italic ? palette::text_secondary : palette::text;
            std::string word;
            auto flush = [&]() {
                if (word.empty()) return;
                ImGui::PushID(item++);
                if (place_word(word, item_left, right, line_started, color, !span.href.empty()) && !span.href.empty())
                    clicked = span.href;
                ImGui::PopID();
                word.clear();
            };
            for (char c : span.text) {
                if (c == '\n') {
                    flush();
                    ImGui::NewLine();
                    line_started = false;
                } else if (c == ' ') {
                    word += ' ';
                    flush();
                } else {
                    word += c;
                }
            }
            flush();
            ImGui::PopFont();
        }
        if (line_started) ImGui::NewLine();
        const bool heading = block.kind == RichBlockKind::heading1 || block.kind == RichBlockKind::heading2 ||
                             block.kind == RichBlockKind::heading3;
        ImGui::Dummy(ImVec2(0.0f, list ? 1.0f : heading ? 4.0f : 6.0f));
    }
    ImGui::PopID();
    return clicked;
}

std::string draw_rich_html(const std::string& html, const Fonts* fonts, float width) {
    // A few cached parses: the panel's preview and the editor's preview differ.
    static ParsedCache cache[4];
    static int next = 0;
    for (auto& c : cache)
        if (c.html == html && (!c.blocks.empty() || html.empty())) return draw_rich_text(c.blocks, fonts, width);
    ParsedCache& c = cache[next];
    next = (next + 1) % 4;
    c.html = html;
    c.blocks = parse_rich_text(html);
    return draw_rich_text(c.blocks, fonts, width);
}

bool draw_rich_text_editor(const char* id, std::string& html, RichEditorState& state, Language language,
                           const Fonts* fonts, float width, bool touch) {
    bool changed = false;
    ImGui::PushID(id);
    const ImVec2 button(touch ? 44.0f : 0.0f, touch ? 44.0f : 0.0f);
    struct Tool {
        const char* label;
        const char* key;
        RichEdit edit;
    };
    const Tool tools[] = {{"H1", "kb.editor_heading1", RichEdit::heading1},
                          {"H2", "kb.editor_heading2", RichEdit::heading2},
                          {"B", "kb.editor_bold", RichEdit::bold},
                          {"I", "kb.editor_italic", RichEdit::italic},
                          {"\xe2\x80\xa2", "kb.editor_bullets", RichEdit::bullet_list},
                          {"1.", "kb.editor_numbering", RichEdit::numbered_list},
                          {"Link", "kb.editor_link", RichEdit::link}};
    for (std::size_t i = 0; i < sizeof tools / sizeof tools[0]; ++i) {
        if (i > 0) ImGui::SameLine();
        const Tool& t = tools[i];
        const std::string label = std::string(t.edit == RichEdit::link ? tr(language, "kb.editor_link") : t.label) + "##" + t.key;
        ImFont* face = t.edit == RichEdit::bold ? (fonts ? fonts->bold : nullptr)
                       : t.edit == RichEdit::italic ? (fonts ? fonts->italic : nullptr)
                                                    : nullptr;
        if (face) ImGui::PushFont(face);
        const bool pressed = ImGui::Button(label.c_str(), button);
        if (face) ImGui::PopFont();
        record_last_item(tr(language, t.key));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(language, t.key));
        if (pressed) {
            const RichEditResult r = apply_rich_edit(html, state.selection_begin, state.selection_end, t.edit, state.link_url);
            html = r.text;
            state.selection_begin = state.selection_end = r.cursor;
            changed = true;
        }
    }
    ImGui::SetNextItemWidth(width * 0.5f);
    ImGui::InputText("##link_url", &state.link_url[0], state.link_url.capacity() + 1, ImGuiInputTextFlags_CallbackResize,
                     [](ImGuiInputTextCallbackData* data) {
                         auto* s = static_cast<std::string*>(data->UserData);
                         if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
                             s->resize(static_cast<std::size_t>(data->BufTextLen));
                             data->Buf = s->data();
                         }
                         return 0;
                     },
                     &state.link_url);
    // The resize callback only grows the string; a shortened text ends at its NUL.
    state.link_url.resize(std::char_traits<char>::length(state.link_url.c_str()));
    record_last_item(tr(language, "kb.editor_link_url"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(language, "kb.editor_link_url"));

    EditorCallbackData data{&html, &state};
    if (ImGui::InputTextMultiline("##markup", html.data(), html.capacity() + 1,
                                  ImVec2(width, ImGui::GetTextLineHeight() * 10.0f),
                                  ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways,
                                  editor_callback, &data))
        changed = true;
    html.resize(std::char_traits<char>::length(html.c_str()));
    record_last_item(tr(language, "kb.editor_markup"));
    ImGui::TextDisabled("%s", tr(language, "kb.editor_preview"));
    ImGui::BeginChild("##preview", ImVec2(width, ImGui::GetTextLineHeight() * 12.0f), true);
    const std::string href = draw_rich_html(html, fonts, width - 20.0f);
    ImGui::EndChild();
    (void)href;  // links are not followed while editing
    ImGui::PopID();
    return changed;
}

}  // namespace casehub::ui
