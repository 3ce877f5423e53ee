// UI state of one entity grid: the chosen system view, the agent's sort and column
// filters, the quick search text, the selected rows, and the cached row ids of the
// last query (recomputed only when one of those or the store changes, never per frame).
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/store/query.hpp"
#include "core/base/record.hpp"
#include "core/store/sorted_rows.hpp"

namespace casehub::ui {

struct ViewState {
    std::string entity;                        // the area's entity ("incident", "activitypointer")
    std::string view_name;                     // chosen system view; "" = the entity's default
    std::vector<Sort> sort;                    // the agent's sort; empty = the view's own
    std::map<std::string, std::array<char, 96>> column_filters;  // attribute -> "contains" text
    std::array<char, 128> quick_search{};
    bool show_filters = false;                 // the filter row under the headers
    std::set<std::string> selected;            // "entity/id" of checked rows
    bool confirm_delete = false;               // the delete confirmation is open

    // Cache of the last query: row keys "entity/id" in view order.
    std::string cache_key;
    std::vector<std::string> rows;
    std::size_t total = 0;
    double last_query_ms = 0.0;

    // The view's rows at one store version with every sort order made for them so far
    // (a header click on a kept order, or its reverse, costs O(n); a new one is made a few
    // ms per frame while `rows` keep the previous order), and which of them pass the quick
    // search and column filters: typing or clearing a filter never queries the store again.
    std::string base_key;                                  // view, store version, user, language
    std::shared_ptr<SortedRows> sorted;                    // valid while base_key holds
    std::vector<char> passes;                              // per sorted->records(): shown under the filters
    std::string rows_search;                               // quick search text of `passes`
    std::map<std::string, std::string> rows_filters;       // column filter texts of `passes`
    std::vector<Sort> rows_sort;                           // the order `rows` are in
    bool sorting = false;                                  // the order of `sort` is still being made
    std::size_t presorted = 0;                             // view columns whose order idle frames made
};

// "entity/id" <-> parts: activity views mix entities, so rows carry both.
inline std::string row_key(const std::string& entity, const std::string& id) { return entity + "/" + id; }
inline void split_row_key(const std::string& key, std::string& entity, std::string& id) {
    const auto slash = key.find('/');
    entity = key.substr(0, slash);
    id = slash == std::string::npos ? std::string() : key.substr(slash + 1);
}

}  // namespace casehub::ui
