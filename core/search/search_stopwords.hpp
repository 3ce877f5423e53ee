// Stop words for French, English and Indonesian, in folded form (no accents, lower case):
// words too common to help ranking, dropped when indexing and querying in that language.
// Lists follow the usual Snowball / Lucene lists, trimmed to function words. Pure.
#pragma once
#include <string_view>

#include "core/search/search_language.hpp"

namespace casehub {

// True when the folded word is a stop word of that language (never for "other").
bool is_stop_word(SearchLanguage language, std::string_view folded);

}  // namespace casehub
