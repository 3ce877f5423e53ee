// The agent workspace in the shell's content area: the entity grid of the current site
// map area, the record form opened from it (with the record set pane), quick create, and
// deep links (#/<entity>/<id>). The glue between UI intents and the data layer: it turns
// Save / Delete / Create into record.* mutations and submits them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/views/site_map.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// Draws the page of an area whose records are `area_entity` ("incident", ...) into the
// current window: the open form if there is one, else the entity's grid. False when
// there is nothing to draw for that area (no views, e.g. dashboards) and no form is open.
bool draw_workspace_page(const std::string& area_entity, Language language, WidthClass width, const Fonts* fonts);

// Opens quick create for `entity` (from the top bar's "+").
void open_quick_create(const std::string& entity);

// Draws what floats over the shell (quick create pane) and reads deep links. Call once
// per shell frame, after the shell's window. `top` is the top bar's height.
void draw_workspace_overlays(Language language, WidthClass width, float screen_w, float screen_h, float top,
                             const Fonts* fonts);

// The entity whose area a deep link (or Open Dashboards / Open Views, a pinned view, a
// recent record) asks the shell to show (taken once), if any.
std::optional<std::string> take_workspace_navigation();

// The site map's links: pinned views under every area, recent records under `current`.
std::vector<SiteMapLink> site_map_links(Area current, Language language);
// Follows a link picked in the site map: shows the pinned view, or opens the record.
void open_site_map_link(const SiteMapLink& link);

// Appends the form command bar's workspace commands (Assign, Email a Link, Delete, Open
// Dashboards) after the form's own; the form is `entity`/`id` (nothing for a record not
// saved yet).
void add_form_workspace_commands(const std::string& entity, const std::string& id, bool is_new, Language language,
                                 std::vector<Command>& commands);

}  // namespace casehub::ui
