// Implements Dear ImGui 1.86's test-engine hooks (compiled in with
// IMGUI_ENABLE_TEST_ENGINE) as a recorder of labelled widgets per frame.
// Only ImGui internals and nlohmann here; the JS export lives in platform/test_api.cpp.
#include "wasm/ui/widgets/widget_recorder.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "wasm/ui/widgets/accessibility.hpp"

namespace casehub::ui {
namespace {

// Fed by ImGui's test-engine hooks, which take no user data: kept here as ImGui keeps its
// own context.
std::vector<RecordedWidget> g_current;  // not state: the widgets recorded this frame, for browser tests
std::vector<RecordedWidget> g_last;     // not state: the last whole frame's, for window.casehub.widgets()

void record(unsigned id, const char* label, const ImRect& rect, bool is_text_input, int status_flags) {
    std::string visible = visible_label(label);
    record_a11y_item(id, visible, status_flags);  // the same widget, for the accessibility mirror
    if (visible.empty()) return;
    ImRect r = rect;
    if (ImGuiWindow* window = GImGui->CurrentWindow) r.ClipWithFull(window->ClipRect);
    if (r.GetWidth() <= 0.0f || r.GetHeight() <= 0.0f) return;  // scrolled out of view
    g_current.push_back({id, std::move(visible), r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight(), is_text_input});
}

}  // namespace

std::string visible_label(const char* label) {
    if (!label) return {};
    const char* end = std::strstr(label, "##");
    const std::string raw = end ? std::string(label, end) : std::string(label);
    // Drop icon glyphs (Font Awesome sits in the Private Use Area, U+E000..U+F8FF, three
    // UTF-8 bytes from 0xEE 0x80 to 0xEF 0xA3), then trim the spaces that padded them.
    std::string s;
    s.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(raw[i]);
        if ((b0 == 0xEE || (b0 == 0xEF && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) <= 0xA3)) &&
            i + 2 < raw.size()) {
            i += 2;
            continue;
        }
        s.push_back(raw[i]);
    }
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(' ');
    return s.substr(first, last - first + 1);
}

void enable_widget_recorder() { GImGui->TestEngineHookItems = true; }

void begin_widget_frame() {
    g_current.clear();
    begin_a11y_frame();
}

void end_widget_frame() {
    g_last.swap(g_current);
    end_a11y_frame();
}

void record_last_item(const char* label) {
    const ImGuiLastItemData& item = GImGui->LastItemData;
    record(item.ID, label, item.Rect, (item.InFlags & ImGuiItemFlags_Inputable) != 0, item.StatusFlags);
}

const std::vector<RecordedWidget>& last_frame_widgets() { return g_last; }

std::string last_frame_widgets_json() {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& w : g_last)
        out.push_back({{"id", w.id}, {"label", w.label}, {"x", w.x}, {"y", w.y}, {"w", w.w}, {"h", w.h},
                       {"input", w.is_text_input}});
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace casehub::ui

// ---- Dear ImGui 1.86 test-engine hooks (declared in imgui_internal.h) ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID id) {
    // Rectangles are taken in ItemInfo, which runs only for items that were not clipped;
    // here the mirror only learns which widget a name_next_item was for.
    casehub::ui::a11y_item_added(id);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (!label) return;
    const ImGuiLastItemData& item = ctx->LastItemData;
    const bool is_text_input = (item.InFlags & ImGuiItemFlags_Inputable) != 0;
    casehub::ui::record(id, label, item.Rect, is_text_input, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    for (const auto& w : casehub::ui::last_frame_widgets())
        if (w.id == id) return w.label.c_str();
    return nullptr;
}
