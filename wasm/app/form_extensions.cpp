// Form extension registration (see form_extensions.hpp). The order is the order of the
// commands on a form's bar and of the lines under its header.
#include "wasm/app/form_extensions.hpp"

#include "wasm/ui/extensions/activity_commands.hpp"
#include "wasm/ui/extensions/article_commands.hpp"
#include "wasm/ui/extensions/case_commands.hpp"
#include "wasm/ui/extensions/form_drafts.hpp"
#include "wasm/ui/extensions/process_bar.hpp"
#include "wasm/ui/extensions/reference_panel.hpp"
#include "wasm/ui/extensions/routing_commands.hpp"
#include "wasm/ui/extensions/sla_panel.hpp"
#include "wasm/ui/extensions/timeline.hpp"

namespace casehub::client {

ui::FormExtensionRegistry make_form_extensions() {
    ui::FormExtensionRegistry registry;
    registry.add(ui::form_drafts_extension());      // email and note drafts kept on this device
    registry.add(ui::case_form_extension());        // commands: Resolve, Cancel, Add Child, Merge ...
    registry.add(ui::activity_form_extension());    // commands: Send, Mark Complete, Cancel
    registry.add(ui::article_form_extension());     // commands: the article lifecycle; Analytics tab
    registry.add(ui::routing_form_extension());     // Apply Routing Rule, after the workspace's commands
    registry.add(ui::sla_form_extension());         // header: countdowns; SLA tab
    registry.add(ui::process_bar_extension());      // header: the business process bar
    registry.add(ui::reference_panel_extension());  // the side panel
    registry.add(ui::timeline_extension());         // the "timeline" section
    return registry;
}

}  // namespace casehub::client
