// Site map rows: icon + name, the current area marked with a blue bar as in the hub.
// Every row is recorded under its visible name for browser tests, even in the icon rail.
#include "wasm/ui/views/site_map.hpp"

#include <cstring>

#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr SiteMapEntry kEntries[] = {
    {Area::dashboards, "dashboard", "entity.dashboard", ICON_DASHBOARD, "site_map.group.my_work"},
    {Area::activities, "activitypointer", "entity.activitypointer", ICON_TASKS, "site_map.group.my_work"},
    {Area::accounts, "account", "entity.account", ICON_BUILDING, "site_map.group.customers"},
    {Area::contacts, "contact", "entity.contact", ICON_ID_CARD, "site_map.group.customers"},
    {Area::social_profiles, "socialprofile", "entity.socialprofile", ICON_SHARE_ALT, "site_map.group.customers"},
    {Area::cases, "incident", "entity.incident", ICON_LIFE_RING, "site_map.group.service"},
    {Area::queues, "queue", "entity.queue", ICON_INBOX, "site_map.group.service"},
    {Area::knowledge_articles, "knowledgearticle", "entity.knowledgearticle", ICON_BOOK,
     "site_map.group.knowledge"},
    {Area::sites, "site", "entity.site", ICON_MAP_MARKER, "site_map.group.scheduling"},
    {Area::equipment, "equipment", "entity.equipment", ICON_WRENCH, "site_map.group.scheduling"},
};

bool draw_row(const SiteMapEntry& entry, const SiteMapLook& look) {
    const char* name = tr(look.language, entry.label_key);
    const bool selected = entry.area == look.current;
    ImGui::PushID(entry.entity);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::Selectable("##row", selected, ImGuiSelectableFlags_None, ImVec2(width, look.row_height));
    record_last_item(name);
    set_last_item_role(Role::link);
    set_last_item_selected(selected);  // aria-current="page"

    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (selected) draw->AddRectFilled(pos, ImVec2(pos.x + 3.0f, pos.y + look.row_height), palette::accent);
    ImFont* font = ImGui::GetFont();
    const float font_size = ImGui::GetFontSize();
    const float text_y = pos.y + (look.row_height - font_size) * 0.5f;
    const ImU32 color = selected ? palette::accent_dark : palette::text;
    const float icon_x = look.collapsed ? pos.x + (width - font_size * 1.25f) * 0.5f : pos.x + 16.0f;
    draw->AddText(font, font_size, ImVec2(icon_x, text_y), color, entry.icon);
    if (!look.collapsed) draw->AddText(font, font_size, ImVec2(pos.x + 16.0f + font_size * 1.25f + 10.0f, text_y),
                                       selected ? palette::accent_dark : palette::text, name);
    ImGui::PopID();
    return clicked;
}

// A pinned view or recent record: indented under its area, smaller, with its own glyph.
bool draw_link(const SiteMapLink& link, const SiteMapLook& look) {
    const bool pinned = link.kind == SiteMapLink::Kind::pinned_view;
    ImGui::PushID(pinned ? "pin" : "recent");
    ImGui::PushID(link.target.c_str());
    // Touch rows stay 44 px; on desktop a link is lighter than an area row.
    const float h = look.row_height >= 44.0f ? look.row_height : look.row_height * 0.8f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool clicked = ImGui::Selectable("##link", false, ImGuiSelectableFlags_None, ImVec2(width, h));
    record_last_item(link.label.c_str());
    set_last_item_role(Role::link);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * 0.9f;
    const float y = pos.y + (h - size) * 0.5f;
    const float x = pos.x + 16.0f + ImGui::GetFontSize() * 1.25f + 10.0f;
    draw->AddText(font, size, ImVec2(x, y), palette::text_secondary, pinned ? ICON_STAR : ICON_CLOCK);
    ImGui::PushClipRect(pos, ImVec2(pos.x + width - 6.0f, pos.y + h), true);
    draw->AddText(font, size, ImVec2(x + size * 1.4f, y), palette::text, link.label.c_str());
    ImGui::PopClipRect();
    ImGui::PopID();
    ImGui::PopID();
    return clicked;
}

}  // namespace

std::span<const SiteMapEntry> site_map_entries() { return kEntries; }

const SiteMapEntry& site_map_entry(Area area) {
    for (const auto& e : kEntries)
        if (e.area == area) return e;
    return kEntries[0];
}

SiteMapPick draw_site_map(const SiteMapLook& look) {
    SiteMapPick picked;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Header, ImGui::ColorConvertU32ToFloat4(palette::site_map_selected));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4(0.0f, 0.0f, 0.0f, 0.05f));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImVec4(0.0f, 0.0f, 0.0f, 0.09f));
    const char* group = nullptr;
    for (const auto& entry : kEntries) {
        if (!group || std::strcmp(group, entry.group_key) != 0) {
            group = entry.group_key;
            ImGui::Dummy(ImVec2(0.0f, 8.0f));
            if (look.collapsed) {
                ImGui::Separator();
                ImGui::Dummy(ImVec2(0.0f, 4.0f));
            } else {
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 16.0f);
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
                ImGui::TextUnformatted(tr(look.language, group));
                ImGui::PopStyleColor();
                ImGui::Dummy(ImVec2(0.0f, 4.0f));
            }
        }
        if (draw_row(entry, look)) picked.area = entry.area;
        if (look.collapsed) continue;
        for (const SiteMapLink& link : look.links) {
            if (link.area != entry.area) continue;
            if (draw_link(link, look)) {
                picked.area = entry.area;
                picked.link = link;
            }
        }
    }
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    return picked;
}

}  // namespace casehub::ui
