// The one analysis chain shared by indexing, querying and snippet highlighting, so the
// three can never disagree: tokenise + fold (text_tokenize.hpp), drop stop words, stem.
#pragma once
#include <string>

#include "core/search/search_language.hpp"
#include "core/search/search_stemmer.hpp"
#include "core/search/search_stopwords.hpp"

namespace casehub {

// Rewrites a folded token into the term stored for that language; false for a stop word
// (the token is then left unchanged and must be skipped).
inline bool analyze_term(SearchLanguage language, std::string& folded) {
    if (is_stop_word(language, folded)) return false;
    stem_in_place(language, folded);
    return true;
}

}  // namespace casehub
