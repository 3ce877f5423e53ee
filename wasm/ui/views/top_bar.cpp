// Top bar drawing. White-on-navy buttons; the search box is a light field. On phones
// the search box moves to its own row under the bar (drawn by the shell) and the
// sync text collapses to its icon.
#include "wasm/ui/views/top_bar.hpp"

#include <string>

#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/views/login_screen.hpp"  // sync hook (H6)
#include "wasm/ui/views/sync_status.hpp"   // sync hook (H6)
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

struct QuickCreateItem {
    const char* entity;
    const char* label_key;
    const char* icon;
};

constexpr QuickCreateItem kQuickCreate[] = {
    {"account", "record.account", ICON_BUILDING},
    {"contact", "record.contact", ICON_ID_CARD},
    {"incident", "record.incident", ICON_LIFE_RING},
    {"task", "record.task", ICON_TASKS},
    {"phonecall", "record.phonecall", ICON_PHONE},
};

// A square icon button in the bar, recorded under `name` for tests. Its name shows as
// a tooltip on hover (desktop only: touch screens have no hover, and a tap would leave
// the tooltip stuck).
bool bar_button(const char* icon_and_id, const char* name, float size, bool touch) {
    const bool pressed = ImGui::Button(icon_and_id, ImVec2(size, size));
    record_last_item(name);
    if (!touch && ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text));
        ImGui::SetTooltip("%s", name);
        ImGui::PopStyleColor();
    }
    return pressed;
}

// `text` cut at a character boundary and ended with "…" so that it fits `max_width`.
std::string fit_with_ellipsis(const char* text, float max_width) {
    std::string s = text;
    if (ImGui::CalcTextSize(s.c_str()).x <= max_width) return s;
    const char* ellipsis = "\xe2\x80\xa6";
    while (!s.empty()) {
        do s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();  // a lead byte left alone
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (ImGui::CalcTextSize((s + ellipsis).c_str()).x <= max_width) break;
    }
    return s + ellipsis;
}

}  // namespace

TopBarIntent draw_top_bar(const TopBarLook& look, char* search, std::size_t search_size) {
    TopBarIntent intent;
    const Language lang = look.language;
    const bool phone = look.width == WidthClass::phone;
    const bool touch = is_touch_sized(look.width);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + look.height), palette::top_bar);

    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::top_bar_text));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(palette::top_bar_hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.0f, 0.0f));

    const float button = look.height;  // square, full-height targets (>= 44 px on touch)
    const float text_y = origin.y + (look.height - ImGui::GetFontSize()) * 0.5f;

    // Left: site map toggle (not on desktop, where the site map is always there) + name.
    float x = origin.x;
    if (look.width != WidthClass::desktop) {
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
        const char* name = tr(lang, phone ? "site_map.menu" : "site_map.collapse");
        if (bar_button(ICON_BARS "##site_map_toggle", name, button, touch)) intent.toggle_site_map = true;
        x += button;
    } else {
        x += 16.0f;
    }
    ImGui::SetCursorScreenPos(ImVec2(x + 4.0f, text_y));
    if (look.bold_font) ImGui::PushFont(look.bold_font);
    // The name gives way to the buttons on the right: on a phone in French it would run
    // into quick create, so it is shortened with an ellipsis instead.
    const float right_side = 2.0f * button + sync_status_width(look.sync, lang, phone, look.height);
    ImGui::TextUnformatted(fit_with_ellipsis(tr(lang, "app.name"), origin.x + width - right_side - (x + 4.0f) - 8.0f).c_str());
    if (look.bold_font) ImGui::PopFont();
    record_last_item(tr(lang, "app.name"));
    const float name_right = ImGui::GetItemRectMax().x;

    // Right side, laid out from the right edge: user, sync, quick create.
    float right = origin.x + width;
    right -= button;
    ImGui::SetCursorScreenPos(ImVec2(right, origin.y));
    if (bar_button(ICON_USER "##user_menu", tr(lang, "menu.user"), button, touch)) ImGui::OpenPopup("##user_menu_popup");

    // sync hook (H6): the real sync state (online/offline, pending, last synced, errors).
    const float sync_w = sync_status_width(look.sync, lang, phone, look.height);
    right -= sync_w;
    ImGui::SetCursorScreenPos(ImVec2(right, origin.y));
    if (draw_sync_status(look.sync, lang, phone, look.height)) intent.sync_now = true;

    right -= button;
    ImGui::SetCursorScreenPos(ImVec2(right, origin.y));
    if (bar_button(ICON_PLUS "##quick_create", tr(lang, "quick_create.title"), button, touch))
        ImGui::OpenPopup("##quick_create_popup");
    const float quick_create_right = right + button;

    // Middle: the search box, when there is room for it (phones get a row of their own).
    if (!phone) {
        const float room = right - name_right - 48.0f;
        const float search_w = room > 420.0f ? 420.0f : room;
        if (search_w > 140.0f) {
            const float field_h = ImGui::GetFontSize() + 14.0f;
            const float search_x = name_right + 24.0f + (room - search_w) * 0.5f;
            ImGui::SetCursorScreenPos(ImVec2(search_x, origin.y + (look.height - field_h) * 0.5f));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text));
            ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(1, 1, 1, 1));
            ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ImVec4(1, 1, 1, 1));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10.0f, 7.0f));
            ImGui::SetNextItemWidth(search_w);
            const std::string hint = std::string(ICON_SEARCH "  ") + tr(lang, "search.hint");
            if (ImGui::InputTextWithHint("##search", hint.c_str(), search, search_size,
                                         ImGuiInputTextFlags_EnterReturnsTrue))
                intent.search = std::string(search);
            record_last_item(tr(lang, "search.hint"));
            ImGui::PopStyleVar();
            ImGui::PopStyleColor(3);
        }
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(4);

    // Popups use the normal (dark-on-white) look and hang under their button, right-
    // aligned to it, as the hub's menus do (not wherever the pointer happened to be).
    const float row = is_touch_sized(look.width) ? 44.0f : 30.0f;
    const float bar_bottom = origin.y + look.height;
    ImGui::SetNextWindowPos(ImVec2(quick_create_right, bar_bottom), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    if (ImGui::BeginPopup("##quick_create_popup")) {
        ImGui::TextDisabled("%s", tr(lang, "quick_create.title"));
        ImGui::Separator();
        for (const auto& item : kQuickCreate) {
            const std::string label = std::string(item.icon) + "  " + tr(lang, item.label_key) + "###" + item.entity;
            if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(220.0f, row)))
                intent.quick_create = item.entity;
            record_last_item(tr(lang, item.label_key));
        }
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(ImVec2(origin.x + width, bar_bottom), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    if (ImGui::BeginPopup("##user_menu_popup")) {
        ImGui::TextDisabled("%s", tr(lang, "menu.signed_in_as"));
        ImGui::TextUnformatted(look.user_name);
        ImGui::Separator();
        ImGui::TextDisabled("%s  %s", ICON_LANGUAGE, tr(lang, "menu.language"));
        for (Language option : {Language::en, Language::fr, Language::id}) {
            const std::string label = std::string(language_name(option)) + "###lang_" + language_code(option);
            if (ImGui::Selectable(label.c_str(), option == lang, ImGuiSelectableFlags_None, ImVec2(220.0f, row)))
                intent.language = option;
        }
        ImGui::Separator();
        const std::string contrast = std::string(look.high_contrast ? ICON_CHECK "  " : "     ") +
                                     tr(lang, "menu.high_contrast") + "###high_contrast";
        if (ImGui::Selectable(contrast.c_str(), false, ImGuiSelectableFlags_None, ImVec2(220.0f, row)))
            intent.toggle_high_contrast = true;
        record_last_item(tr(lang, "menu.high_contrast"));
        set_last_item_role(Role::checkbox);
        set_last_item_checked(look.high_contrast);
        ImGui::Separator();
        if (draw_sign_out_item(lang, row)) intent.sign_out = true;
        ImGui::EndPopup();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + look.height));
    return intent;
}

}  // namespace casehub::ui
