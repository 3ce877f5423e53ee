// What the site map lists under an area besides its name: the records the agent opened
// last (most recent first) and the views the agent pinned. Kept in the browser's
// preferences as JSON, so both survive a reload and work offline; per browser, as the
// hub's "Recent" and "Pinned" lists are per user and device.
#pragma once
#include <string>
#include <vector>

namespace casehub::ui {

struct RecentRecord {
    std::string entity;  // the record's own entity ("task" under the Activities area)
    std::string id;
};

// How many recent records an area keeps.
inline constexpr std::size_t kRecentPerArea = 5;

// Notes that a record of `area_entity`'s area was opened: it moves to the front.
void note_recent_record(const std::string& area_entity, const std::string& entity, const std::string& id);
// The area's recent records, most recent first (at most kRecentPerArea).
std::vector<RecentRecord> recent_records(const std::string& area_entity);
// Forgets a record everywhere (it was deleted).
void forget_recent_record(const std::string& entity, const std::string& id);

// Pinned views of an area, in the order they were pinned.
std::vector<std::string> pinned_views(const std::string& area_entity);
bool is_view_pinned(const std::string& area_entity, const std::string& view_name);
// Pins the view, or unpins it when it already is.
void toggle_pinned_view(const std::string& area_entity, const std::string& view_name);

}  // namespace casehub::ui
