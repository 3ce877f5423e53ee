// Command bar with overflow (see command_bar.hpp). The only state is ImGui's own: which
// popup is open; what fits is measured again every frame, so a resize or a language
// switch moves commands in and out of the menu at once.
#include "wasm/ui/widgets/command_bar.hpp"

#include <algorithm>

#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

std::string button_text(const Command& c, bool icon_only) {
    return icon_only ? std::string(c.icon) + "###" + c.id : std::string(c.icon) + "  " + c.label + "###" + c.id;
}

float button_width(const Command& c, bool icon_only, bool touch) {
    const float w = ImGui::CalcTextSize(button_text(c, icon_only).c_str(), nullptr, true).x +
                    ImGui::GetStyle().FramePadding.x * 2.0f;
    return touch && w < 44.0f ? 44.0f : w;
}

}  // namespace

std::size_t commands_that_fit(const std::vector<float>& widths, float available, float spacing, float overflow_width) {
    float total = 0.0f;
    for (std::size_t i = 0; i < widths.size(); ++i) total += (i ? spacing : 0.0f) + widths[i];
    if (total <= available) return widths.size();
    float used = overflow_width;
    std::size_t n = 0;
    while (n < widths.size() && used + widths[n] + spacing <= available) used += widths[n++] + spacing;
    return n;
}

void draw_command_bar(const char* bar_id, const std::vector<Command>& commands, Language language, WidthClass width,
                      float reserve) {
    const bool touch = is_touch_sized(width);
    const bool icon_only = width == WidthClass::phone;
    const float h = touch ? 44.0f : 32.0f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const std::string more_text = std::string(ICON_ELLIPSIS_H "###") + bar_id + "_more";
    const float more_w = touch ? 44.0f
                               : ImGui::CalcTextSize(more_text.c_str(), nullptr, true).x +
                                     ImGui::GetStyle().FramePadding.x * 2.0f + 8.0f;

    std::vector<float> widths;
    widths.reserve(commands.size());
    for (const Command& c : commands) widths.push_back(button_width(c, icon_only, touch));
    const float available = ImGui::GetContentRegionAvail().x - reserve;
    const std::size_t shown = commands_that_fit(widths, available, spacing, more_w + spacing);

    ImGui::PushID(bar_id);
    const Command* clicked = nullptr;
    for (std::size_t i = 0; i < shown; ++i) {
        const Command& c = commands[i];
        ImGui::BeginDisabled(!c.enabled);
        if (ImGui::Button(button_text(c, icon_only).c_str(), ImVec2(widths[i], h))) clicked = &c;
        if (icon_only) {
            record_last_item(c.label.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.label.c_str());
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    if (shown < commands.size()) {
        const char* more_label = tr(language, "command.more");
        if (ImGui::Button(more_text.c_str(), ImVec2(more_w, h))) ImGui::OpenPopup("##overflow");
        record_last_item(more_label);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", more_label);
        // The menu hangs under the button, right-aligned to it, and stays on screen.
        const ImVec2 anchor(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + 2.0f);
        ImGui::SameLine();
        ImGui::SetNextWindowPos(anchor, ImGuiCond_Appearing, ImVec2(1.0f, 0.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6.0f, 6.0f));
        if (ImGui::BeginPopup("##overflow")) {
            const float item_h = touch ? 44.0f : 28.0f;
            float item_w = 200.0f;  // the longest label sets the menu's width
            for (std::size_t i = shown; i < commands.size(); ++i)
                item_w = std::max(item_w, button_width(commands[i], false, false) + 16.0f);
            begin_region("overflow", Role::menu, more_label);  // its items read as menu items
            for (std::size_t i = shown; i < commands.size(); ++i) {
                const Command& c = commands[i];
                const std::string text = std::string(c.icon) + "  " + c.label + "###" + c.id;
                const ImGuiSelectableFlags flags = c.enabled ? 0 : ImGuiSelectableFlags_Disabled;
                // Text centred in the touch-sized row, as the buttons draw theirs.
                ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
                if (ImGui::Selectable(text.c_str(), false, flags, ImVec2(item_w, item_h))) clicked = &c;
                ImGui::PopStyleVar();
            }
            end_region();
            ImGui::EndPopup();
        }
        ImGui::PopStyleVar();
    }
    ImGui::PopID();
    if (clicked && clicked->run) clicked->run();
}

}  // namespace casehub::ui
