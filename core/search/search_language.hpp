// The languages the search engine analyses (stop words, stemming): French, English and
// Indonesian, plus "other" (folded and tokenised only). Codes are ISO 639-1 as in
// Dataverse's knowledge article language tags ("fr", "en", "id"; "fr-FR" also parses).
#pragma once
#include <cstdint>
#include <string_view>

namespace casehub {

enum class SearchLanguage : std::uint8_t {
    other = 0,  // anything else: no stop words, no stemming
    en = 1,
    fr = 2,
    id = 3,
};
inline constexpr int search_language_count = 4;

// "en", "EN", "en-US", "fr_FR", "id" ...; anything unknown is SearchLanguage::other.
SearchLanguage parse_search_language(std::string_view code);
// "en", "fr", "id" or "" for other.
std::string_view search_language_code(SearchLanguage language);

}  // namespace casehub
