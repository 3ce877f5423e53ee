// Record set pane: a clipped list of the originating view's rows (row keys cached by
// the view), with previous / next buttons, as the hub's "open record set" pane.
#include "wasm/ui/views/record_set_pane.hpp"

#include "imgui.h"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/views/view_state.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {

bool shows_record_set_pane(WidthClass width, const std::vector<std::string>& record_set) {
    return width == WidthClass::desktop && record_set.size() > 1;
}

std::optional<RecordRef> draw_record_set_pane(const std::vector<std::string>& record_set, const std::string& title,
                                              const RecordRef& current, const Store& store, const Schema& schema,
                                              Language language, float width, float height) {
    std::optional<RecordRef> picked;
    const std::string current_key = row_key(current.entity, current.id);
    int index = -1;
    for (std::size_t i = 0; i < record_set.size(); ++i)
        if (record_set[i] == current_key) index = static_cast<int>(i);
    auto pick = [&](int i) {
        if (i < 0 || i >= static_cast<int>(record_set.size())) return;
        RecordRef ref;
        split_row_key(record_set[static_cast<std::size_t>(i)], ref.entity, ref.id);
        picked = ref;
    };

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::BeginChild("##record_set_pane", ImVec2(width, height), true);
    ImGui::TextDisabled("%s", tr(language, "workspace.record_set"));
    record_last_item(tr(language, "workspace.record_set"));
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::Button(ICON_CHEVRON_LEFT "##record_set_prev")) pick(index - 1);
    ImGui::EndDisabled();
    record_last_item(tr(language, "workspace.previous"));
    ImGui::SameLine();
    ImGui::BeginDisabled(index < 0 || index + 1 >= static_cast<int>(record_set.size()));
    if (ImGui::Button(ICON_CHEVRON_RIGHT "##record_set_next")) pick(index + 1);
    ImGui::EndDisabled();
    record_last_item(tr(language, "workspace.next"));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%d / %zu", index + 1, record_set.size());
    ImGui::Separator();
    ImGui::BeginChild("##record_set_list");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(record_set.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            std::string entity, id;
            split_row_key(record_set[static_cast<std::size_t>(i)], entity, id);
            const Record* r = store.find(entity, id);
            std::string name = r ? primary_name_of(schema, *r) : id;
            if (name.empty()) name = id;
            name += "##rs_" + record_set[static_cast<std::size_t>(i)];
            if (ImGui::Selectable(name.c_str(), i == index)) pick(i);
        }
    }
    ImGui::EndChild();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return picked;
}

}  // namespace casehub::ui
