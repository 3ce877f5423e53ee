// Shell layout: one borderless full-screen window; the top bar across it, then the
// site map (list / icon rail / phone menu) and the content area. Pages are placeholders
// until views and forms arrive; they already carry the page title and command bar.
#include "wasm/ui/views/app_shell.hpp"

#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"
#include "wasm/ui/views/search_results.hpp"
#include "wasm/ui/views/ui_state.hpp"
#include "wasm/ui/views/workspace_page.hpp"

namespace casehub::ui {
namespace {

constexpr ImGuiWindowFlags kPaneFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;

void push_font(ImFont* font) { ImGui::PushFont(font ? font : ImGui::GetFont()); }

void draw_command_bar(Language lang, WidthClass width) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const float h = is_touch_sized(width) ? 44.0f : 32.0f;
    const std::string new_label = std::string(ICON_PLUS "  ") + tr(lang, "command.new") + "###cmd_new";
    ImGui::Button(new_label.c_str(), ImVec2(0.0f, h));
    ImGui::SameLine();
    const std::string refresh_label = std::string(ICON_REFRESH "  ") + tr(lang, "command.refresh") + "###cmd_refresh";
    ImGui::Button(refresh_label.c_str(), ImVec2(0.0f, h));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void draw_content_area(UiState& ui, const ShellFrame& frame, const ViewFrame& view, WidthClass width) {
    const ShellState& state = ui.shell;
    const Language lang = state.language;
    const SiteMapEntry& entry = site_map_entry(state.area);
    if (draw_search_results(ui.search, state.last_search, view.model.store, lang, width, frame.fonts)) return;
    // Record areas draw their grid / form instead of the placeholder.
    if (draw_workspace_page(ui.workspace, entry.entity, view)) return;
    const char* title = tr(lang, entry.label_key);

    // Command bar on a white strip, then the page title, as in the hub.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 6.0f));
    const float bar_h = (is_touch_sized(width) ? 44.0f : 32.0f) + 12.0f;
    ImGui::BeginChild("##command_bar", ImVec2(0.0f, bar_h), false, kPaneFlags);
    draw_command_bar(lang, width);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const ImVec2 line_a = ImGui::GetItemRectMin(), line_b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(line_a.x, line_b.y), line_b, palette::border);

    const float pad = width == WidthClass::phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.75f));
    push_font(frame.fonts ? frame.fonts->large : nullptr);
    ImGui::Text("%s %s", entry.icon, title);
    ImGui::PopFont();
    record_last_item(title);
    record_heading(title, 1);

    ImGui::SetCursorPosX(pad);
    const float card_w = ImGui::GetContentRegionAvail().x - pad;
    const float card_pad = width == WidthClass::phone ? 14.0f : 18.0f;
    const Card card = begin_card(card_w, card_pad, true);
    if (state.area == Area::dashboards) {
        push_font(frame.fonts ? frame.fonts->bold : nullptr);
        ImGui::TextUnformatted(tr(lang, "content.welcome"));
        ImGui::PopFont();
    }
    if (state.quick_create) {
        ImGui::Text("%s  %s: %s", ICON_PLUS, tr(lang, "quick_create.title"),
                    tr(lang, ("record." + *state.quick_create).c_str()));
    }
    if (!state.last_search.empty()) {
        ImGui::Text("%s  %s", ICON_SEARCH, state.last_search.c_str());
        record_last_item(state.last_search.c_str());
    }
    ImGui::TextWrapped("%s", tr(lang, "content.coming_soon"));
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(tr(lang, "content.sample_heading"));
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", tr(lang, "content.sample_text"));
    record_last_item(tr(lang, "content.sample_text"));
    end_card(card, card_pad);
    ImGui::Dummy(ImVec2(0.0f, pad));
}

// Phone: the site map as a menu over the content, with a scrim that closes it.
SiteMapPick draw_site_map_menu(const ShellState& state, const ShellFrame& frame, float top,
                               std::span<const SiteMapLink> links, bool* close) {
    const ShellMetrics m = shell_metrics(WidthClass::phone);
    ImGui::SetNextWindowPos(ImVec2(0.0f, top));
    ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height - top));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.2f, 0.2f, 0.2f, 0.35f));
    ImGui::Begin("##site_map_scrim", nullptr, kPaneFlags | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(ImVec2(0.0f, top));
    if (ImGui::InvisibleButton("##scrim", ImVec2(frame.width, frame.height - top))) *close = true;
    ImGui::End();

    const float w = frame.width < m.site_map_width + 40.0f ? frame.width - 40.0f : m.site_map_width;
    ImGui::SetNextWindowPos(ImVec2(0.0f, top));
    ImGui::SetNextWindowSize(ImVec2(w, frame.height - top));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(palette::site_map));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 4.0f));
    ImGui::Begin("##site_map_menu", nullptr, kPaneFlags);
    auto picked = draw_site_map({state.language, state.area, false, m.row_height, links});
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return picked;
}

}  // namespace

ShellIntent draw_app_shell(UiState& ui, const ShellFrame& frame, const ViewFrame& view) {
    ShellState& state = ui.shell;
    ShellIntent intent;
    const WidthClass width = width_class_for(frame.width);
    // A deep link that arrived since the last frame is followed before anything is drawn
    // (the area it needs included), so no form the frame draws is replaced under it.
    begin_workspace_frame(ui.workspace);
    if (auto entity = take_workspace_navigation(ui.workspace)) {
        ShellIntent follow;
        for (const auto& e : site_map_entries())
            if (*entity == e.entity) follow.navigate = e.area;
        apply_shell_intent(ui, follow, width);
    }
    const ShellMetrics m = shell_metrics(width);

    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(frame.width, frame.height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    ImGui::Begin("##shell", nullptr, kPaneFlags | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(4);

    // Top bar.
    const TopBarLook bar{state.language, width, SyncStatusLook{view.model.sync, view.model.utc_offset_minutes},
                         m.top_bar_height, frame.user_name, frame.fonts ? frame.fonts->bold : nullptr,
                         state.high_contrast};
    TopBarIntent bar_intent = draw_top_bar(bar, state.search.data(), state.search.size());
    intent.toggle_site_map = bar_intent.toggle_site_map;
    intent.search = std::move(bar_intent.search);
    intent.quick_create = std::move(bar_intent.quick_create);
    // Quick create opens the workspace's compact form.
    if (intent.quick_create) {
        open_quick_create(ui.workspace, *intent.quick_create);
        intent.quick_create.reset();
    }
    intent.language = bar_intent.language;
    intent.toggle_high_contrast = bar_intent.toggle_high_contrast;
    intent.sync_now = bar_intent.sync_now;
    intent.sign_out = bar_intent.sign_out;
    float top = m.top_bar_height;

    // Phones: the search box gets its own row under the bar.
    if (width == WidthClass::phone) {
        const float row_h = 52.0f;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(ImVec2(0.0f, top), ImVec2(frame.width, top + row_h), palette::surface);
        draw->AddLine(ImVec2(0.0f, top + row_h - 1.0f), ImVec2(frame.width, top + row_h - 1.0f), palette::border);
        ImGui::SetCursorScreenPos(ImVec2(m.padding, top + 6.0f));
        ImGui::SetNextItemWidth(frame.width - 2.0f * m.padding);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12.0f, 11.0f));
        const std::string hint = std::string(ICON_SEARCH "  ") + tr(state.language, "search.hint");
        if (ImGui::InputTextWithHint("##search_phone", hint.c_str(), state.search.data(), state.search.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            intent.search = std::string(state.search.data());
        record_last_item(tr(state.language, "search.hint"));
        ImGui::PopStyleVar();
        top += row_h;
    }

    // Site map (desktop: list; tablet: list or icon rail; phone: menu, drawn last), with
    // the pinned views and recent records the workspace keeps.
    const std::vector<SiteMapLink> links = site_map_links(ui.workspace, state.area, state.language, view.model.store);
    float content_x = 0.0f;
    if (width != WidthClass::phone) {
        const bool collapsed = width == WidthClass::tablet && state.site_map_collapsed;
        const float map_w = collapsed ? m.site_map_collapsed_width : m.site_map_width;
        ImGui::SetCursorScreenPos(ImVec2(0.0f, top));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::site_map));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 4.0f));
        ImGui::BeginChild("##site_map", ImVec2(map_w, frame.height - top), false, ImGuiWindowFlags_NoSavedSettings);
        begin_region("site_map", Role::navigation, tr(state.language, "a11y.site_map"));
        const SiteMapPick picked = draw_site_map({state.language, state.area, collapsed, m.row_height, links});
        end_region();
        if (picked.area) intent.navigate = picked.area;
        if (picked.link) open_site_map_link(ui.workspace, *picked.link);
        ImGui::EndChild();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(map_w, top), ImVec2(map_w, frame.height), palette::border);
        content_x = map_w + 1.0f;
    }

    // Content.
    ImGui::SetCursorScreenPos(ImVec2(content_x, top));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::canvas));
    ImGui::BeginChild("##content", ImVec2(frame.width - content_x, frame.height - top), false,
                      ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImGui::GetStyle().ItemSpacing);
    begin_region("main", Role::main, tr(state.language, "a11y.main"));  // the skip link's target
    draw_content_area(ui, frame, view, width);
    end_region();
    ImGui::PopStyleVar();
    ImGui::EndChild();
    // The content area is recorded under its page's name, so tests can tell which page
    // is up whatever the page draws inside (placeholder, grid or form); a reader meets
    // the page's heading instead.
    record_last_item(tr(state.language, site_map_entry(state.area).label_key));
    leave_last_item_out();
    ImGui::End();

    if (width == WidthClass::phone && state.site_map_menu_open) {
        bool close = false;
        const SiteMapPick picked = draw_site_map_menu(state, frame, top, links, &close);
        if (picked.area) intent.navigate = picked.area;
        if (picked.link) open_site_map_link(ui.workspace, *picked.link);
        if (close) intent.toggle_site_map = true;
    }
    // Quick create pane and the workspace's dialogs; where a deep link asked to go.
    draw_workspace_overlays(ui.workspace, view, frame.width, frame.height, top);
    if (auto entity = take_workspace_navigation(ui.workspace)) {
        for (const auto& e : site_map_entries())
            if (*entity == e.entity) intent.navigate = e.area;
    }
    return intent;
}

void apply_shell_intent(UiState& ui, const ShellIntent& intent, WidthClass width) {
    ShellState& state = ui.shell;
    if (intent.toggle_site_map) {
        if (width == WidthClass::phone)
            state.site_map_menu_open = !state.site_map_menu_open;
        else
            state.site_map_collapsed = !state.site_map_collapsed;
    }
    if (intent.navigate) {
        state.area = *intent.navigate;
        state.site_map_menu_open = false;  // a pick closes the phone menu
        state.quick_create.reset();
    }
    if (intent.language) state.language = *intent.language;
    if (intent.toggle_high_contrast) state.high_contrast = !state.high_contrast;
    if (intent.search) {
        state.last_search = *intent.search;
        reopen_search_results(ui.search);
    }
    if (intent.quick_create) state.quick_create = intent.quick_create;
}

}  // namespace casehub::ui
