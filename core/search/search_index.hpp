// SearchIndex: the on-device knowledge search engine (issue #8). An inverted index over
// knowledge articles with BM25F ranking (per-field weights: title > keywords > content),
// French/English/Indonesian analysis (fold, stop words, light stemming), admin-editable
// synonyms applied at query time, search-as-you-type on the last word, facet filters
// (status, language, category, product: any key -> value), snippets with highlights,
// and incremental upsert/remove that leave the index exactly as a rebuild would.
// Pure C++20 with no I/O: the same code runs in the browser (wasm) and on the server.
//
//   SearchIndex index;
//   index.upsert({.id = "kb-1", .language = "fr", .title = "Imprimante hors ligne", ...,
//                 .facets = {{"statuscode", "Published"}, {"product", "P-100"}}});
//   index.synonyms().add_group({"printer", "imprimante", "pencetak"});
//   auto hits = index.search({.text = "imprimantes", .language = "fr",
//                             .filters = {{"statuscode", {"Published"}}}});
//
// Not thread-safe: search() and suggest() reuse scratch buffers, so guard the index with
// a mutex if several threads share it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/search/search_language.hpp"
#include "core/search/search_snippet.hpp"
#include "core/search/search_synonyms.hpp"

namespace casehub {

struct SearchFacet {
    std::string key;    // "statuscode", "category", "product", ... ("language" is added for you)
    std::string value;  // compared exactly, as given
    bool operator==(const SearchFacet&) const = default;
};

struct SearchDocument {
    std::string id;        // the article id (unique key of the index)
    std::string language;  // "fr", "en", "id" (other codes: folded, no stemming)
    std::string title;
    std::string keywords;  // free text: "printer, offline, spooler"
    std::string content;   // plain text (strip markup before indexing)
    std::vector<SearchFacet> facets;  // a key may appear several times (several products)
    bool operator==(const SearchDocument&) const = default;
};

// A document passes when it has `key` with any of `values`; all filters must pass.
struct SearchFilter {
    std::string key;
    std::vector<std::string> values;
};

struct SearchQuery {
    std::string text;
    std::string language;  // the agent's language: analysed first, its documents boosted
    std::vector<SearchFilter> filters;
    std::size_t limit = 10;
    bool prefix_last = false;    // search-as-you-type: the last word also matches as a prefix
    bool with_snippets = true;   // false skips snippet/highlight work (e.g. for counting)
};

struct SearchHit {
    std::string id;
    double score = 0;
    std::vector<TextRange> title_highlights;  // ranges into the document's title
    SearchSnippet snippet;                    // excerpt of the content with highlights
};

struct SearchSuggestion {
    std::string word;          // folded word (lower case, no accents)
    std::uint32_t documents;   // how many live documents contain it
};

// Ranking knobs. Defaults follow common BM25F practice; tests rely on the ordering
// title > keywords > content and on exact titles coming first.
struct SearchWeights {
    double title = 3.0;
    double keywords = 2.0;
    double content = 1.0;
    double k1 = 1.2;
    double b = 0.75;
    double language_boost = 1.5;     // documents in the query's language
    double exact_title_boost = 2.0;  // the title is exactly the query's words
    double synonym_weight = 0.8;     // a synonym counts a little less than the word typed
    double prefix_weight = 0.9;      // so does a completion of the word being typed
    std::size_t max_prefix_words = 48;  // completions tried for the last word, most frequent first
};

struct SearchIndexStats {
    std::size_t documents = 0;
    std::size_t terms = 0;       // distinct stems in the dictionary (including dead ones)
    std::size_t postings = 0;
    std::size_t postings_bytes = 0;
    std::size_t dictionary_bytes = 0;  // stems, words, facets
    std::size_t document_bytes = 0;    // per-document metadata (ids, lengths, facets)
    std::size_t stored_text_bytes = 0; // titles, keywords, contents kept for snippets/re-analysis
    std::size_t total_bytes() const { return postings_bytes + dictionary_bytes + document_bytes + stored_text_bytes; }
};

class SearchIndex {
public:
    explicit SearchIndex(SearchWeights weights = {});
    ~SearchIndex();
    SearchIndex(SearchIndex&&) noexcept;
    SearchIndex& operator=(SearchIndex&&) noexcept;
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // Adds the document or replaces the one with the same id, updating postings and
    // statistics in place. Fails ("invalid_document") for an empty id or a field over 16 MB.
    Status upsert(SearchDocument document);
    // Removes a document; fails ("not_found") when no document has that id.
    Status remove(std::string_view id);

    // The best `limit` documents for the query, best first (ties broken by id).
    std::vector<SearchHit> search(const SearchQuery& query) const;
    // Completions of the last word of `prefix`, most frequent first (ties by word).
    std::vector<SearchSuggestion> suggest(std::string_view prefix, std::size_t limit = 8) const;

    // Query-time synonyms: edit freely, no re-indexing needed.
    SynonymSet& synonyms();
    const SynonymSet& synonyms() const;

    const SearchDocument* find(std::string_view id) const;  // nullptr when absent
    std::size_t size() const;                              // live documents
    SearchIndexStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace casehub
