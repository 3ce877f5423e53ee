// The Queues area: queue switcher (All Queues, My Queues, one queue, with counts), the
// three item views, columns (title, entered queue, worked by, priority, SLA status, age,
// queue), sort by header, filters, multi-select and the command bar (Pick, Release,
// Route, Remove, Edit). Reads the local replica (works offline) through core/queue_view;
// commands become queue.* mutations asked for as intents, one per item.
#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/domain/queues/queue_view.hpp"

#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/views/view_frame.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// The page's UI state: the request (queue, view, sort, filters), the selection, the
// rows of the last query and the Route dialog.
enum class RouteTarget { queue, user, team };

struct RouteDialog {
    bool open_requested = false;
    RouteTarget to = RouteTarget::queue;
    bool remove = false;                // routing to a user or team: take the item out of the queue
    std::array<char, 96> search{};
    std::string target;                 // chosen queue, user or team id
};

struct QueuePageState {
    QueueViewRequest request;
    std::array<char, 96> title_filter{};
    std::array<char, 96> worker_filter{};
    bool show_filters = false;
    bool pick_to_own_queue = false;  // Pick options: move the item to the agent's own queue,
    bool pick_removes = false;       // or take it out of the queue
    std::set<std::string> selected;  // queue item ids
    std::string cache_key;
    std::vector<QueueRow> rows;
    std::vector<QueueCount> counts;
    std::string notice;  // outcome of the last command
    bool notice_is_error = false;
    RouteDialog route;
};

struct QueuePageIntent {
    std::optional<RecordRef> open;  // edit the record in a queue item (open its form)
};

// Draws the page into the current window. `now` is the browser's clock (ms).
QueuePageIntent draw_queue_page(QueuePageState& state, const ViewFrame& frame);

}  // namespace casehub::ui
