// The Queues area: queue switcher (All Queues, My Queues, one queue, with counts), the
// three item views, columns (title, entered queue, worked by, priority, SLA status, age,
// queue), sort by header, filters, multi-select and the command bar (Pick, Release,
// Route, Remove, Edit). Reads the local replica (works offline) through core/queue_view;
// commands become queue.* mutations submitted to the data layer, one per item.
#pragma once
#include <optional>
#include <string>

#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

struct QueuePageIntent {
    std::optional<RecordRef> open;  // edit the record in a queue item (open its form)
};

// Draws the page into the current window. `now` is the browser's clock (ms).
QueuePageIntent draw_queue_page(Language language, WidthClass width, TimestampMs now, const Fonts* fonts);

}  // namespace casehub::ui
