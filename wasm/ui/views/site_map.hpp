// The site map of the hub: the areas an agent navigates between (Dashboards, Cases,
// Accounts ...), grouped as in Customer Service Hub, and its drawing for each layout
// (full list, icon rail, phone menu). Draws and returns the area picked; keeps no state.
#pragma once
#include <optional>
#include <span>
#include <string>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"

namespace casehub::ui {

enum class Area {
    dashboards,
    activities,
    accounts,
    contacts,
    social_profiles,
    cases,
    queues,
    knowledge_articles,
    sites,
    equipment,
};

struct SiteMapEntry {
    Area area;
    const char* entity;     // Dataverse logical name of the area's records ("incident")
    const char* label_key;  // i18n key of its name
    const char* icon;       // icons.hpp glyph
    const char* group_key;  // i18n key of its group ("site_map.group.service")
};

// Every area in site-map order.
std::span<const SiteMapEntry> site_map_entries();
const SiteMapEntry& site_map_entry(Area area);

// A row under an area: a recently opened record or a pinned view.
struct SiteMapLink {
    enum class Kind { recent_record, pinned_view } kind = Kind::recent_record;
    Area area = Area::dashboards;
    std::string label;   // the record's name or the view's name, as shown
    std::string entity;  // recent_record: the record's entity
    std::string target;  // recent_record: its id; pinned_view: the view's name
};

struct SiteMapLook {
    Language language;
    Area current;
    bool collapsed;    // icon rail (tablet); names are still recorded for tests, links are not drawn
    float row_height;  // >= 44 on touch layouts
    std::span<const SiteMapLink> links = {};  // drawn under their area (pinned, then recent)
};

struct SiteMapPick {
    std::optional<Area> area;         // an area row was picked (or a link's area)
    std::optional<SiteMapLink> link;  // a link was picked
};

// Draws the site map into the current window/child, filling its width. Returns what
// the user picked this frame, if anything.
SiteMapPick draw_site_map(const SiteMapLook& look);

}  // namespace casehub::ui
