// Light stemmers for folded (lower-case, accent-free) words: they strip inflections so
// "printers"/"printer", "configurées"/"configurer", "menggunakan"/"digunakan" meet, and
// stay conservative rather than aggressive (a wrong merge hurts ranking more than a miss).
//   en: Porter steps 1a, 1b and 5 (plurals, -ed/-ing, final -e / -ll)
//   fr: after Savoy's light stemmer: plurals, feminine, -ement, -ation, -ateur, -er/-ez/-ee
//   id: after Tala: particles (-kah -lah -pun), possessives (-ku -mu -nya), prefixes
//       me-/pe- (with their nasal forms), di-, ter-, ke-, ber-, per-, suffixes -kan -an -i
// Words with digits or characters outside a..z are returned unchanged. Pure.
#pragma once
#include <string>
#include <string_view>

#include "core/search/search_language.hpp"

namespace casehub {

// The stem of a folded word in that language (the word itself for SearchLanguage::other).
std::string stem_word(SearchLanguage language, std::string_view folded);

// In-place variant used by the indexer to avoid allocating.
void stem_in_place(SearchLanguage language, std::string& folded);

}  // namespace casehub
