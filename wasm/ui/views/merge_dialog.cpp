// Merge Cases dialog (see merge_dialog.hpp): one radio row per case (ticket number and
// title), the primary chosen, Merge / Cancel.
#include "wasm/ui/views/merge_dialog.hpp"

#include <algorithm>

#include "core/domain/cases/case_lifecycle.hpp"
#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr const char* kPopup = "##merge_cases_dialog";

std::string case_title(const Store& store, const Schema& schema, const std::string& id) {
    const Record* r = store.find("incident", id);
    if (!r) return id;
    std::string name = primary_name_of(schema, *r);
    if (const Json* n = r->get("ticketnumber"); n && n->is_string() && !n->get<std::string>().empty())
        name = n->get<std::string>() + "  " + name;
    return name;
}

}  // namespace

void open_merge_cases_dialog(MergeCasesDialogState& d, std::vector<std::string> case_ids) {
    d = MergeCasesDialogState{};
    d.cases = std::move(case_ids);
    d.open_requested = d.cases.size() >= 2;
}

void draw_merge_cases_dialog(MergeCasesDialogState& d, Language language, WidthClass width, const Store& store,
                             const Schema& schema, Intents& intents, std::function<void()> merged) {
    if (d.open_requested) {
        ImGui::OpenPopup(kPopup);
        d.open_requested = false;
    }
    const bool touch = is_touch_sized(width);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, display.x - 24.0f), 0.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18.0f, 16.0f));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        ImGui::PopStyleVar();
        return;
    }
    if (d.close) {
        d = MergeCasesDialogState{};
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        ImGui::PopStyleVar();
        return;
    }
    ImGui::TextUnformatted(tr(language, "lifecycle.merge_cases"));
    record_last_item(tr(language, "lifecycle.merge_cases"));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(language, "lifecycle.merge_grid_text"));
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(language, "lifecycle.merge_primary"));
    record_last_item(tr(language, "lifecycle.merge_primary"));
    const float row_h = touch ? 44.0f : 28.0f;
    for (std::size_t i = 0; i < d.cases.size(); ++i) {
        const std::string label = case_title(store, schema, d.cases[i]) + "##primary_" + d.cases[i];
        if (ImGui::Selectable(label.c_str(), d.primary == i, ImGuiSelectableFlags_DontClosePopups, ImVec2(0.0f, row_h)))
            d.primary = i;
    }
    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
        ImGui::PushTextWrapPos(0.0f);
        const std::string error = localize_message(d.error, language);
        ImGui::TextWrapped("%s %s", ICON_TIMES, error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        record_last_item(error.c_str());
    }
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    const ImVec2 bs(touch ? 140.0f : 120.0f, touch ? 44.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::surface));
    const bool confirm = ImGui::Button((std::string(tr(language, "lifecycle.merge")) + "###merge_cases_ok").c_str(), bs);
    ImGui::PopStyleColor(3);
    if (confirm) {
        std::vector<std::string> others;
        for (std::size_t i = 0; i < d.cases.size(); ++i)
            if (i != d.primary) others.push_back(d.cases[i]);
        intents.submit("case.merge", case_merge_args(d.cases[d.primary], others),
                       [&d, merged = std::move(merged)](const Result<Mutation>& result) {
                           if (!result) {
                               d.error = result.error().message;
                               return;
                           }
                           d.close = true;
                           if (merged) merged();
                       });
    }
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(language, "workspace.cancel")) + "###merge_cases_cancel").c_str(), bs) ||
        escape_closes_dialog()) {
        d = MergeCasesDialogState{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace casehub::ui
