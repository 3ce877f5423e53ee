// The entity grid of the agent workspace: view switcher (the entity's system views),
// columns from the view, sort by header (shift-click adds a secondary sort), a filter row,
// quick search, row selection and a list clipper over the cached rows, with the command
// bar (New, Delete, Merge Cases, Refresh, Email a Link, Assign, Pin, Open Dashboards). Returns intents; mutations are the caller's.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/metadata/metadata.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/views/view_state.hpp"

namespace casehub::ui {

struct EntityViewLook {
    Language language;
    WidthClass width;
    const Store& store;
    const Schema& schema;
    const Metadata& metadata;
    const std::string& user_id;    // binds "@me" in view filters
    TimestampMs now;               // binds "@today" / "@now"
    std::uint64_t store_version;   // changes whenever the store may have changed
    const Fonts* fonts;
    const char* area_title;        // the site map area's name, shown above the view name
    bool view_pinned = false;      // the current view is pinned in the site map
    bool can_assign = false;       // the area's records have an owner (Assign is offered)
};

struct RecordRef {
    std::string entity;
    std::string id;
};

struct EntityViewIntent {
    std::optional<RecordRef> open;          // open this record's form
    bool create = false;                    // New
    std::vector<RecordRef> remove;          // Delete (already confirmed by the agent)
    std::vector<RecordRef> email_links;     // Email a Link for these rows
    std::vector<RecordRef> assign;          // Assign these rows (opens the assign dialog)
    std::vector<RecordRef> merge;           // Merge Cases: these two cases (opens the merge dialog)
    bool toggle_pin = false;                // Pin / unpin the current view in the site map
    bool open_dashboards = false;           // Open Dashboards
};

// The view the state names, else the entity's default, else its first; nullptr if none.
const View* current_view(const ViewState& state, const Metadata& metadata);

// Re-runs the view query when (view, sort, filters, quick search, store version) changed
// since the cached result; a no-op otherwise. Exposed for the benchmark and tests.
void refresh_view_rows(ViewState& state, const EntityViewLook& look);

// The attribute of a column, for a view's entity ("activitypointer": the first activity
// entity that has it); nullptr when no entity has it.
const AttributeDef* column_attribute(const Schema& schema, const std::string& entity, const std::string& attribute);

// Draws the command bar, the view switcher and the grid into the current window.
EntityViewIntent draw_entity_view(ViewState& state, const EntityViewLook& look);

}  // namespace casehub::ui
