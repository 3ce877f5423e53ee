// The agent workspace in the shell's content area: the entity grid of the current site
// map area, the record form opened from it (with the record set pane), quick create, and
// deep links (#/<entity>/<id>). The glue between UI intents and the data layer: it turns
// Save / Delete / Create into record.* mutations and submits them.
#pragma once
#include <optional>
#include <string>

#include "wasm/ui/i18n.hpp"
#include "wasm/ui/layout.hpp"
#include "wasm/ui/theme.hpp"

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

// The entity whose area a deep link asks the shell to show (taken once), if any.
std::optional<std::string> take_workspace_navigation();

}  // namespace casehub::ui
