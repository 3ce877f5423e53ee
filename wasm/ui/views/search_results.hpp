// The top bar's search: records of the local replica whose name (or case number, or
// email) contains every word typed, accent- and case-insensitive, across cases,
// accounts, contacts and knowledge articles — answered on the device, offline too.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/store.hpp"

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// One record found.
struct SearchHit {
    std::string entity, id, name, detail;
};

// The results' UI state: the hits of the last query (recomputed when the query or the
// store changes) and the query whose results the agent closed or left.
struct SearchResultsState {
    std::string query;
    std::uint64_t store_version = 0;
    std::vector<SearchHit> hits;
    std::string closed;
};

// Draws the results of `query` in `store` into the content area, until the agent opens
// one of them or closes the results. False when there is nothing to show (empty or
// closed query), so the shell draws the current page instead.
bool draw_search_results(SearchResultsState& state, const std::string& query, const Store& store, Language language,
                         WidthClass width, const Fonts* fonts);

// The agent searched (again): show the results even if this query's were closed.
void reopen_search_results(SearchResultsState& state);

}  // namespace casehub::ui
