// Sign-in screen: a navy bar with the app name over a centred white card, as the hub's
// own sign-in page. Enter in the password field signs in too.
#include "wasm/ui/views/login_screen.hpp"

#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/views/sync_status.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {


constexpr ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus;

void label(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

}  // namespace

LoginIntent draw_login_screen(LoginForm& form, const LoginLook& look) {
    LoginIntent intent;
    const Language lang = look.language;
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(look.width, look.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette::canvas));
    ImGui::Begin("##login", nullptr, kScreenFlags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    // The bar, as the shell's.
    const float bar_h = look.width < 600.0f ? 56.0f : 48.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0.0f, 0.0f), ImVec2(look.width, bar_h), palette::top_bar);
    ImGui::SetCursorScreenPos(ImVec2(16.0f, (bar_h - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::top_bar_text));
    if (look.fonts && look.fonts->bold) ImGui::PushFont(look.fonts->bold);
    ImGui::TextUnformatted(tr(lang, "app.name"));
    if (look.fonts && look.fonts->bold) ImGui::PopFont();
    ImGui::PopStyleColor();

    // The card.
    const float card_w = look.width < 440.0f ? look.width - 24.0f : 400.0f;
    const float pad = 24.0f;
    const float x = (look.width - card_w) * 0.5f;
    const float y = bar_h + (look.height > 700.0f ? 80.0f : 24.0f);
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(x + pad, y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x + card_w - pad);
    const float field_w = card_w - 2.0f * pad;
    if (look.fonts && look.fonts->large) ImGui::PushFont(look.fonts->large);
    ImGui::TextWrapped("%s", tr(lang, "login.title"));
    record_heading(tr(lang, "login.title"), 1);
    if (look.fonts && look.fonts->large) ImGui::PopFont();
    ImGui::Dummy(ImVec2(0.0f, 8.0f));

    if (look.loading) {
        ImGui::TextUnformatted(tr(lang, "login.loading"));
        record_last_item(tr(lang, "login.loading"));
    } else {
        const bool touch_sized = look.width <= 1024.0f;  // tablets and phones: 44 px targets
        const ImVec2 field_pad(10.0f, touch_sized ? 13.0f : 8.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, field_pad);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1, 1, 1, 1));

        label(tr(lang, "login.username"));
        if (!form.focus_set) {
            ImGui::SetKeyboardFocusHere();
            form.focus_set = true;
        }
        ImGui::SetNextItemWidth(field_w);
        ImGui::InputText("##login_username", form.username.data(), form.username.size(),
                         ImGuiInputTextFlags_AutoSelectAll);
        record_last_item(tr(lang, "login.username"));
        set_last_item_value(form.username.data());
        ImGui::Dummy(ImVec2(0.0f, 4.0f));

        label(tr(lang, "login.password"));
        ImGui::SetNextItemWidth(field_w);
        const bool enter = ImGui::InputText("##login_password", form.password.data(), form.password.size(),
                                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        record_last_item(tr(lang, "login.password"));
        set_last_item_value({}, true);
        ImGui::Dummy(ImVec2(0.0f, 10.0f));

        ImGui::PopStyleColor();
        ImGui::PopStyleVar();  // border: the button has its own look

        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::top_bar_text));
        const char* button_text = tr(lang, look.signing_in ? "login.signing_in" : "login.button");
        const std::string button = std::string(button_text) + "###login_button";
        ImGui::BeginDisabled(look.signing_in);
        const bool pressed = ImGui::Button(button.c_str(), ImVec2(field_w, 0.0f));
        ImGui::EndDisabled();
        record_last_item(button_text);
        ImGui::PopStyleColor(4);
        ImGui::PopStyleVar();  // frame padding

        const bool filled = form.username[0] != '\0' && form.password[0] != '\0';
        if ((pressed || enter) && filled && !look.signing_in) {
            intent.sign_in = true;
            intent.username = form.username.data();
            intent.password = form.password.data();
            form.password.fill('\0');  // never kept longer than needed
        }

        if (!look.error.empty()) {
            ImGui::Dummy(ImVec2(0.0f, 6.0f));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.64f, 0.15f, 0.17f, 1.0f));
            const std::string error = localize_message(look.error, lang);
            begin_region("login_error", Role::alert, nullptr);
            ImGui::TextWrapped("%s", error.c_str());
            ImGui::PopStyleColor();
            record_last_item(error.c_str());
            end_region();
        } else if (!look.online) {
            ImGui::Dummy(ImVec2(0.0f, 6.0f));
            ImGui::TextWrapped("%s %s", ICON_TIMES, tr(lang, "login.offline"));
        }
        if (look.kept_changes > 0) {
            ImGui::Dummy(ImVec2(0.0f, 6.0f));
            ImGui::TextWrapped("%s %zu %s", ICON_CLOUD_UPLOAD, look.kept_changes, tr(lang, "login.kept"));
        }
        ImGui::Dummy(ImVec2(0.0f, 8.0f));
        label(tr(lang, "login.hint"));
        record_last_item(tr(lang, "login.hint"));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + card_w, bottom), palette::surface, 4.0f);
    draw->AddRect(ImVec2(x, y), ImVec2(x + card_w, bottom), palette::border, 4.0f);
    draw->ChannelsMerge();
    ImGui::End();
    return intent;
}

bool draw_sign_out_item(Language language, float row_height) {
    const std::string item = std::string(ICON_USER "  ") + tr(language, "menu.sign_out") + "###sign_out";
    const bool picked = ImGui::Selectable(item.c_str(), false, ImGuiSelectableFlags_None, ImVec2(220.0f, row_height));
    record_last_item(tr(language, "menu.sign_out"));
    return picked;
}

}  // namespace casehub::ui
