// Snippets and highlights for search hits: which byte ranges of a text hold query terms,
// and a short excerpt around the densest cluster of them, with ranges into the excerpt
// that the UI draws highlighted (or mark_highlights renders as «…» markers). Pure.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/search_language.hpp"

namespace casehub {

struct TextRange {
    std::uint32_t begin = 0;  // byte offsets, on UTF-8 code point boundaries
    std::uint32_t end = 0;
    bool operator==(const TextRange&) const = default;
};

struct SearchSnippet {
    std::string text;                    // excerpt, whitespace collapsed, "…" where cut
    std::vector<TextRange> highlights;   // ranges of text holding matched terms
};

// Ranges of the words in text whose analysed term (in language) is one of terms
// (sorted ascending, as produced by the index for a query).
std::vector<TextRange> find_highlights(std::string_view text, SearchLanguage language,
                                       const std::vector<std::string>& terms);

// An excerpt of at most about max_bytes around the window with the most distinct
// matched terms; the start of the text when nothing matches.
SearchSnippet make_snippet(std::string_view text, SearchLanguage language, const std::vector<std::string>& terms,
                           std::size_t max_bytes = 180);

// text with each range wrapped in open/close (default « and »).
std::string mark_highlights(std::string_view text, const std::vector<TextRange>& ranges,
                            std::string_view open = "\u00AB", std::string_view close = "\u00BB");

}  // namespace casehub
