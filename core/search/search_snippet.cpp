// Snippets and highlights; see search_snippet.hpp.
#include "core/search/search_snippet.hpp"

#include <algorithm>

#include "core/search/search_analyzer.hpp"
#include "core/text/text_tokenize.hpp"

namespace casehub {
namespace {

struct MatchedToken {
    TextRange range;
    int term = -1;  // index into terms, -1 when the word is not a query term
};

std::vector<MatchedToken> match_tokens(std::string_view text, SearchLanguage language,
                                       const std::vector<std::string>& terms) {
    std::vector<MatchedToken> out;
    Tokenizer tokenizer(text);
    TextToken token;
    while (tokenizer.next(token)) {
        MatchedToken m{{token.begin, token.end}, -1};
        if (analyze_term(language, token.text)) {
            auto it = std::lower_bound(terms.begin(), terms.end(), token.text);
            if (it != terms.end() && *it == token.text) m.term = static_cast<int>(it - terms.begin());
        }
        out.push_back(m);
    }
    return out;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Copies text[from, to) into out with runs of whitespace collapsed to one space.
void append_collapsed(std::string_view text, std::size_t from, std::size_t to, std::string& out) {
    for (std::size_t i = from; i < to; ++i) {
        const char c = text[i];
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
}

}  // namespace

std::vector<TextRange> find_highlights(std::string_view text, SearchLanguage language,
                                       const std::vector<std::string>& terms) {
    std::vector<TextRange> out;
    if (terms.empty()) return out;
    for (const MatchedToken& m : match_tokens(text, language, terms))
        if (m.term >= 0) out.push_back(m.range);
    return out;
}

SearchSnippet make_snippet(std::string_view text, SearchLanguage language, const std::vector<std::string>& terms,
                           std::size_t max_bytes) {
    SearchSnippet snippet;
    const std::vector<MatchedToken> tokens = match_tokens(text, language, terms);
    if (tokens.empty()) return snippet;

    // Sliding window over tokens no wider than max_bytes: most distinct terms, then most hits.
    std::size_t best_first = 0;
    int best_distinct = 0;
    int best_hits = 0;
    std::vector<int> seen(terms.size(), 0);
    int distinct = 0;
    int hits = 0;
    std::size_t first = 0;
    for (std::size_t last = 0; last < tokens.size(); ++last) {
        if (tokens[last].term >= 0) {
            ++hits;
            if (seen[static_cast<std::size_t>(tokens[last].term)]++ == 0) ++distinct;
        }
        while (tokens[last].range.end - tokens[first].range.begin > max_bytes && first < last) {
            if (tokens[first].term >= 0) {
                --hits;
                if (--seen[static_cast<std::size_t>(tokens[first].term)] == 0) --distinct;
            }
            ++first;
        }
        if (distinct > best_distinct || (distinct == best_distinct && hits > best_hits)) {
            best_distinct = distinct, best_hits = hits;
            // Start a few words before the first match so the excerpt reads as a sentence.
            std::size_t start = first;
            while (start < last && tokens[start].term < 0) ++start;
            best_first = std::max(first, start >= 3 ? start - 3 : std::size_t{0});
        }
    }
    if (best_hits == 0) best_first = 0;

    // Take whole words from best_first while they fit.
    const std::size_t begin = tokens[best_first].range.begin;
    std::size_t end_token = best_first;
    while (end_token + 1 < tokens.size() && tokens[end_token + 1].range.end - begin <= max_bytes) ++end_token;
    // Short texts (or an excerpt near the end) use the room left before the first word.
    while (best_first > 0 && tokens[end_token].range.end - tokens[best_first - 1].range.begin <= max_bytes) {
        --best_first;
    }
    if (best_first > 0) {
        snippet.text = "\u2026 ";
    } else {
        append_collapsed(text, 0, tokens[0].range.begin, snippet.text);  // a leading quote or bracket
    }
    for (std::size_t i = best_first; i <= end_token; ++i) {
        if (i > best_first) append_collapsed(text, tokens[i - 1].range.end, tokens[i].range.begin, snippet.text);
        const auto from = static_cast<std::uint32_t>(snippet.text.size());
        snippet.text.append(text.substr(tokens[i].range.begin, tokens[i].range.end - tokens[i].range.begin));
        if (tokens[i].term >= 0) snippet.highlights.push_back({from, static_cast<std::uint32_t>(snippet.text.size())});
    }
    if (end_token + 1 < tokens.size()) {
        snippet.text += " \u2026";
    } else {
        append_collapsed(text, tokens[end_token].range.end, text.size(), snippet.text);  // final punctuation
        while (!snippet.text.empty() && snippet.text.back() == ' ') snippet.text.pop_back();
    }
    return snippet;
}

std::string mark_highlights(std::string_view text, const std::vector<TextRange>& ranges, std::string_view open,
                            std::string_view close) {
    std::string out;
    std::size_t at = 0;
    for (const TextRange& r : ranges) {
        if (r.begin < at || r.end > text.size() || r.begin > r.end) continue;  // ignore malformed ranges
        out.append(text.substr(at, r.begin - at));
        out.append(open);
        out.append(text.substr(r.begin, r.end - r.begin));
        out.append(close);
        at = r.end;
    }
    out.append(text.substr(at));
    return out;
}

}  // namespace casehub
