// Records the label and rectangle of every widget drawn in a frame, through Dear
// ImGui's test-engine hooks, so browser tests can find and click widgets by label
// (window.casehub.widgets()). Coordinates are ImGui's, which the shell keeps in CSS px.
#pragma once
#include <string>
#include <vector>

namespace casehub::ui {

struct RecordedWidget {
    unsigned id;        // ImGuiID (0 for plain text recorded with record_last_item)
    std::string label;  // visible part of the label ("Cases##nav" -> "Cases")
    float x, y, w, h;   // clipped to the window that drew it
    bool is_text_input; // a tap here should bring up the on-screen keyboard
};

// Turns recording on for the current ImGui context (sets GImGui->TestEngineHookItems).
void enable_widget_recorder();
// Call right after ImGui::NewFrame(): starts a new frame's list.
void begin_widget_frame();
// Call after ImGui::Render(): the frame's list becomes the published "last frame".
void end_widget_frame();
// Records the last item under `label`: for headings and other text tests want to find
// (ImGui::TextUnformatted has no label hook), and for fields whose label is hidden
// ("##search") but whose purpose has a name.
void record_last_item(const char* label);

// Widgets of the last complete frame.
const std::vector<RecordedWidget>& last_frame_widgets();
// The same as a JSON array [{id,label,x,y,w,h,input}], for the JS side.
std::string last_frame_widgets_json();
// The label of `label` as shown: the part before "##" (ImGui's ID suffix).
std::string visible_label(const char* label);

}  // namespace casehub::ui
