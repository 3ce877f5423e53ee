// Recent records and pinned views as two JSON preferences:
//   recent_records: {"incident": [["incident", "<id>"], ...], ...}
//   pinned_views:   {"incident": ["high_priority_active_cases", ...], ...}
// Read once, then kept in memory; every change is written through. A preference that
// does not parse (hand-edited, older format) reads as empty rather than failing.
#include "wasm/ui/views/recent_items.hpp"

#include <algorithm>

#include "core/base/record.hpp"
#include "wasm/platform/preferences.hpp"

namespace casehub::ui {
namespace {

constexpr const char* kRecentKey = "recent_records";
constexpr const char* kPinnedKey = "pinned_views";

Json load_object(const char* key) {
    Json j = Json::parse(platform::load_preference(key), nullptr, false);
    return j.is_object() ? j : Json::object();
}

Json& recent() {
    static Json j = load_object(kRecentKey);
    return j;
}

Json& pinned() {
    static Json j = load_object(kPinnedKey);
    return j;
}

bool is_pair(const Json& v) { return v.is_array() && v.size() == 2 && v[0].is_string() && v[1].is_string(); }

}  // namespace

void note_recent_record(const std::string& area_entity, const std::string& entity, const std::string& id) {
    Json& all = recent();
    Json list = all.contains(area_entity) && all[area_entity].is_array() ? all[area_entity] : Json::array();
    Json next = Json::array({Json::array({entity, id})});
    for (const Json& v : list) {
        if (!is_pair(v) || (v[0] == entity && v[1] == id)) continue;
        if (next.size() >= kRecentPerArea) break;
        next.push_back(v);
    }
    if (next == list) return;
    all[area_entity] = std::move(next);
    platform::save_preference(kRecentKey, all.dump());
}

std::vector<RecentRecord> recent_records(const std::string& area_entity) {
    std::vector<RecentRecord> out;
    const Json& all = recent();
    if (!all.contains(area_entity) || !all[area_entity].is_array()) return out;
    for (const Json& v : all[area_entity])
        if (is_pair(v) && out.size() < kRecentPerArea) out.push_back({v[0].get<std::string>(), v[1].get<std::string>()});
    return out;
}

void forget_recent_record(const std::string& entity, const std::string& id) {
    Json& all = recent();
    bool changed = false;
    for (auto it = all.begin(); it != all.end(); ++it) {
        Json& list = it.value();
        if (!list.is_array()) continue;
        Json kept = Json::array();
        for (const Json& v : list)
            if (is_pair(v) && !(v[0] == entity && v[1] == id)) kept.push_back(v);
        if (kept.size() != list.size()) {
            list = std::move(kept);
            changed = true;
        }
    }
    if (changed) platform::save_preference(kRecentKey, all.dump());
}

std::vector<std::string> pinned_views(const std::string& area_entity) {
    std::vector<std::string> out;
    const Json& all = pinned();
    if (!all.contains(area_entity) || !all[area_entity].is_array()) return out;
    for (const Json& v : all[area_entity])
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

bool is_view_pinned(const std::string& area_entity, const std::string& view_name) {
    const auto views = pinned_views(area_entity);
    return std::find(views.begin(), views.end(), view_name) != views.end();
}

void toggle_pinned_view(const std::string& area_entity, const std::string& view_name) {
    Json& all = pinned();
    Json list = Json::array();
    bool was_pinned = false;
    for (const std::string& v : pinned_views(area_entity)) {
        if (v == view_name)
            was_pinned = true;
        else
            list.push_back(v);
    }
    if (!was_pinned) list.push_back(view_name);
    all[area_entity] = std::move(list);
    platform::save_preference(kPinnedKey, all.dump());
}

}  // namespace casehub::ui
