// The Dashboards area: the agent's dashboard, as the hub's "Customer Service Agent
// Dashboard" — my active cases (count), my active cases by priority and by status
// reason, and my activities by due date (overdue / today / upcoming), drawn as small
// bar charts from queries on the local store, so it works offline like every view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/metadata/metadata.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

struct DashboardLook {
    Language language;
    WidthClass width;
    const Store& store;
    const Schema& schema;
    const Metadata& metadata;
    const std::string& user_id;   // "@me"
    TimestampMs now;              // "@today", due buckets
    const Fonts* fonts;
};

struct DashboardIntent {
    std::optional<std::string> open_view;  // a chart was clicked: open this system view (its entity's area)
    bool create_case = false;              // New
    bool open_views = false;               // Open Views: back to the record areas
};

// Counts behind the charts. Recomputed only when the store, user, day or language
// changed (the key is the Store's version), so drawing the page costs no query.
struct DashboardCounts {
    std::size_t my_active_cases = 0;
    std::vector<std::pair<std::string, std::size_t>> by_priority;  // label, count (option order)
    std::vector<std::pair<std::string, std::size_t>> by_status;
    std::vector<std::pair<std::string, std::size_t>> activities_due;  // overdue, today, upcoming, no date
};
const DashboardCounts& dashboard_counts(const DashboardLook& look);

DashboardIntent draw_dashboard_page(const DashboardLook& look);

}  // namespace casehub::ui
