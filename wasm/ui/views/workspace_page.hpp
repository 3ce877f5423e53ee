// The agent workspace in the shell's content area: the entity grid of the current site
// map area, the record form opened from it (with the record set pane), quick create,
// the Assign / Merge Cases / Delete dialogs, and deep links (#/<entity>/<id>). It turns
// Save / Delete / Create into record.* mutations asked for as intents; the app's
// executor submits them.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/schema/ticket_sequence.hpp"
#include "wasm/ui/views/assign_dialog.hpp"
#include "wasm/ui/views/dashboard_page.hpp"
#include "wasm/ui/views/merge_dialog.hpp"
#include "wasm/ui/views/queue_page.hpp"
#include "wasm/ui/views/recent_items.hpp"
#include "wasm/ui/views/record_form.hpp"
#include "wasm/ui/views/site_map.hpp"
#include "wasm/ui/views/view_frame.hpp"
#include "wasm/ui/views/view_state.hpp"

namespace casehub::ui {

// The workspace's UI state: a grid state per area, the open form and quick create, the
// dialogs, the recent and pinned lists, and this client's ticket number sequence.
struct WorkspaceState {
    std::map<std::string, ViewState> views;  // by area entity
    std::optional<FormState> form;
    std::string form_area;                   // area entity the form was opened in
    std::optional<FormState> quick;
    std::optional<std::string> navigate;     // area entity a deep link asks for
    std::string last_area;
    bool watching_hash = false;
    std::vector<RecordRef> confirm_delete;   // the form's Delete, waiting for the agent's answer
    bool confirm_delete_requested = false;
    TicketSequence tickets;                  // kept in preferences by the app
    RecentItems recent;
    AssignDialogState assign;
    MergeCasesDialogState merge;
    DashboardState dashboard;
    QueuePageState queues;
};

// Reads a deep link that arrived since the last frame (#/<entity>/<id>): call once per
// frame before anything of the workspace is drawn.
void begin_workspace_frame(WorkspaceState& workspace);

// Draws the page of an area whose records are `area_entity` ("incident", ...) into the
// current window: the open form if there is one, else the entity's grid. False when
// there is nothing to draw for that area (no views) and no form is open.
bool draw_workspace_page(WorkspaceState& workspace, const std::string& area_entity, const ViewFrame& frame);

// Opens quick create for `entity` (from the top bar's "+").
void open_quick_create(WorkspaceState& workspace, const std::string& entity);

// Draws what floats over the shell (quick create pane, the Assign, Merge Cases and Delete
// dialogs). Call once per shell frame, after the shell's window. `top` is the top bar's height.
void draw_workspace_overlays(WorkspaceState& workspace, const ViewFrame& frame, float screen_w, float screen_h,
                             float top);

// The entity whose area a deep link (or Open Dashboards / Open Views, a pinned view, a
// recent record) asks the shell to show (taken once), if any.
std::optional<std::string> take_workspace_navigation(WorkspaceState& workspace);

// The site map's links: pinned views under every area, recent records under `current`.
std::vector<SiteMapLink> site_map_links(WorkspaceState& workspace, Area current, Language language, const Store& store);
// Follows a link picked in the site map: shows the pinned view, or opens the record.
void open_site_map_link(WorkspaceState& workspace, const SiteMapLink& link);

}  // namespace casehub::ui
