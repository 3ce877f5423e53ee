// Assign dialog: users and teams of the local replica, filtered as the agent types
// (accent-insensitive, on the primary name), the current pick highlighted, then Assign.
#include "wasm/ui/views/assign_dialog.hpp"

#include "core/text/text_fold.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr const char* kPopup = "##assign_dialog";

}  // namespace

bool is_assignable(const Schema& schema, const std::string& entity) {
    const EntityDef* e = schema.entity(entity);
    return e && e->user_owned && e->attribute("ownerid") != nullptr;
}

void open_assign_dialog(AssignDialogState& d, std::vector<RecordRef> records) {
    d.records = std::move(records);
    d.search[0] = '\0';
    d.picked.reset();
    d.open_requested = !d.records.empty();
}

std::optional<AssignAnswer> draw_assign_dialog(AssignDialogState& d, Language language, WidthClass width,
                                               const Store& store, const Schema& schema, const std::string& me) {
    std::optional<AssignAnswer> answer;
    if (d.open_requested) {
        ImGui::OpenPopup(kPopup);
        d.open_requested = false;
    }
    const bool touch = is_touch_sized(width);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = width == WidthClass::phone ? display.x - 24.0f : 440.0f;
    ImGui::SetNextWindowSize(ImVec2(w, 0.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18.0f, 16.0f));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        ImGui::PopStyleVar();
        return answer;
    }
    ImGui::TextUnformatted(tr(language, "workspace.assign_title"));
    record_last_item(tr(language, "workspace.assign_title"));
    ImGui::TextDisabled("%zu %s", d.records.size(), tr(language, "workspace.rows"));

    if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10.0f, 12.0f));
    const ImVec2 button(0.0f, touch ? 44.0f : 0.0f);
    if (!me.empty() && ImGui::Button((std::string(ICON_USER "  ") + tr(language, "workspace.assign_me") + "###assign_me").c_str(),
                                     button)) {
        d.picked = RecordRef{"systemuser", me};
    }
    record_last_item(tr(language, "workspace.assign_me"));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const std::string hint = std::string(ICON_SEARCH "  ") + tr(language, "workspace.assign_search");
    ImGui::InputTextWithHint("##assign_search", hint.c_str(), d.search, sizeof d.search);
    record_last_item(tr(language, "workspace.assign_search"));
    if (touch) ImGui::PopStyleVar();

    // Users, then teams, whose name contains the text (at most a screenful each).
    const float row_h = touch ? 44.0f : 28.0f;
    ImGui::BeginChild("##assign_candidates", ImVec2(0.0f, row_h * 7.0f), true);
    const std::string needle = fold_text(d.search);
    const char* code = language_code(language);
    for (const char* target : {"systemuser", "team"}) {
        const EntityDef* def = schema.entity(target);
        if (!def) continue;
        std::size_t shown = 0;
        store.for_each(target, [&](const Record& r) {
            if (shown >= 50) return;
            const std::string name = primary_name_of(schema, r);
            if (name.empty() || (!needle.empty() && fold_text(name).find(needle) == std::string::npos)) return;
            ++shown;
            const bool selected = d.picked && d.picked->entity == r.entity && d.picked->id == r.id;
            const std::string label = name + "  (" + def->label.in(code) + ")##" + r.id;
            if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0.0f, row_h - 4.0f))) d.picked = RecordRef{r.entity, r.id};
            record_last_item(name.c_str());
        });
    }
    ImGui::EndChild();

    const ImVec2 action(touch ? 140.0f : 120.0f, touch ? 44.0f : 0.0f);
    ImGui::BeginDisabled(!d.picked);
    if (ImGui::Button((std::string(tr(language, "workspace.assign")) + "###assign_confirm").c_str(), action)) {
        answer = AssignAnswer{d.records, make_lookup(d.picked->entity, d.picked->id)};
        d.records.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(language, "workspace.cancel")) + "###assign_cancel").c_str(), action) ||
        escape_closes_dialog()) {
        d.records.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
    return answer;
}

}  // namespace casehub::ui
