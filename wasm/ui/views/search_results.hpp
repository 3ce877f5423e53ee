// The top bar's search: records of the local replica whose name (or case number, or
// email) contains every word typed, accent- and case-insensitive, across cases,
// accounts, contacts and knowledge articles — answered on the device, offline too.
#pragma once
#include <string>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// Draws the results of `query` into the content area, until the agent opens one of
// them or closes the results. False when there is nothing to show (empty or closed
// query), so the shell draws the current page instead.
bool draw_search_results(const std::string& query, Language language, WidthClass width, const Fonts* fonts);

// The agent searched (again): show the results even if this query's were closed.
void reopen_search_results();

}  // namespace casehub::ui
