// Rejection notice: a small white card with a red edge, the server's reason, what the
// change was (its mutation name and record title when there is one) and "Dismiss".
#include "wasm/ui/views/rejection_notice.hpp"

#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/views/sync_status.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

// "record.update incident 'Printer on fire'": enough for the agent to recognise it.
std::string describe(const Mutation& m) {
    std::string text = m.name;
    if (auto e = m.args.find("entity"); e != m.args.end() && e->is_string()) text += " · " + e->get<std::string>();
    if (auto f = m.args.find("fields"); f != m.args.end() && f->is_object()) {
        for (const char* key : {"title", "name", "subject", "fullname"}) {
            auto v = f->find(key);
            if (v != f->end() && v->is_string()) {
                text += " · \"" + v->get<std::string>() + "\"";
                break;
            }
        }
    }
    return text;
}

}  // namespace

std::optional<std::string> draw_rejection_notice(Language language, const std::vector<Rejection>& rejections,
                                                 float width, float height) {
    if (rejections.empty()) return std::nullopt;
    const Rejection& r = rejections.back();
    const float w = width < 440.0f ? width - 16.0f : 400.0f;
    ImGui::SetNextWindowPos(ImVec2(width - w - 8.0f, height - 8.0f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(w, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.64f, 0.15f, 0.17f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f, 12.0f));
    ImGui::Begin("##rejection_notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.64f, 0.15f, 0.17f, 1.0f));
    ImGui::TextUnformatted(tr(language, "rejection.title"));
    ImGui::PopStyleColor();
    record_last_item(tr(language, "rejection.title"));
    const std::string message = localize_message(r.error.message, language);
    ImGui::TextWrapped("%s", message.empty() ? r.error.code.c_str() : message.c_str());
    record_last_item(message.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextWrapped("%s", describe(r.mutation).c_str());
    if (rejections.size() > 1) ImGui::Text("+%zu", rejections.size() - 1);
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    std::optional<std::string> dismissed;
    const std::string button = std::string(ICON_CHECK " ") + tr(language, "rejection.dismiss") + "###reject_ok";
    if (ImGui::Button(button.c_str())) dismissed = r.mutation.id;
    record_last_item(tr(language, "rejection.dismiss"));
    ImGui::End();
    return dismissed;
}

}  // namespace casehub::ui
