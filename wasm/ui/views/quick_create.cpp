// Quick create pane: a fixed list of basic fields per entity, drawn with the form's own
// field widgets so validation messages and edits behave exactly as on the main form.
#include "wasm/ui/views/quick_create.hpp"

#include <algorithm>

#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {

std::vector<std::string> quick_create_fields(const Schema& schema, const std::string& entity) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kFields = {
        {"account", {"name", "telephone1", "emailaddress1", "websiteurl", "address1_city", "primarycontactid"}},
        {"contact", {"firstname", "lastname", "jobtitle", "parentcustomerid", "emailaddress1", "telephone1"}},
        {"incident", {"title", "customerid", "primarycontactid", "caseorigincode", "prioritycode", "description"}},
        {"task", {"subject", "regardingobjectid", "scheduledend", "prioritycode", "description"}},
        {"phonecall", {"subject", "phonenumber", "directioncode", "regardingobjectid", "scheduledend", "description"}},
    };
    std::vector<std::string> out;
    const EntityDef* e = schema.entity(entity);
    if (!e) return out;
    for (const auto& [name, fields] : kFields) {
        if (name != entity) continue;
        for (const auto& f : fields)
            if (e->attribute(f)) out.push_back(f);
    }
    if (out.empty()) return out;
    for (const auto& a : e->attributes) {
        if (!a.required || a.system || a.name == "ownerid" || a.type == AttributeType::StateCode ||
            a.type == AttributeType::StatusCode || a.name == "ticketnumber")
            continue;
        if (std::find(out.begin(), out.end(), a.name) == out.end()) out.push_back(a.name);
    }
    return out;
}

QuickCreateIntent draw_quick_create(FormState& form, const RecordFormLook& look, float screen_w, float screen_h,
                                    float top) {
    QuickCreateIntent intent;
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    const float w = look.width == WidthClass::phone ? screen_w : 420.0f;
    ImGui::SetNextWindowPos(ImVec2(screen_w - w, top));
    ImGui::SetNextWindowSize(ImVec2(w, screen_h - top));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16.0f, 12.0f));
    ImGui::Begin("##quick_create_pane", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    const EntityDef* e = look.schema.entity(form.entity);
    const std::string title = std::string(ICON_PLUS "  ") + tr(lang, "quick_create.title") + ": " +
                              tr(lang, ("record." + form.entity).c_str());
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    record_last_item(title.c_str());
    ImGui::Separator();
    if (!form.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
        const std::string error = localize_message(form.error, lang);
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        record_last_item(error.c_str());
    }
    const float bh = touch ? 44.0f : 32.0f;
    ImGui::BeginChild("##quick_create_fields", ImVec2(0.0f, ImGui::GetContentRegionAvail().y - bh - 16.0f));
    if (e) {
        const float inner = ImGui::GetContentRegionAvail().x;
        for (const auto& f : quick_create_fields(look.schema, form.entity))
            if (const AttributeDef* a = e->attribute(f)) draw_form_field(form, *e, *a, look, inner);
    }
    ImGui::EndChild();
    ImGui::Separator();
    const std::string save = std::string(ICON_CHECK "  ") + tr(lang, "workspace.save_close") + "###qc_save";
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button(save.c_str(), ImVec2(0.0f, bh))) intent.save = true;
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    const std::string cancel = std::string(tr(lang, "workspace.cancel")) + "###qc_cancel";
    if (ImGui::Button(cancel.c_str(), ImVec2(0.0f, bh))) intent.cancel = true;
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return intent;
}

}  // namespace casehub::ui
