// KnowledgeSearch: the SearchIndex over the knowledge articles of a Store, kept in step
// with it record by record (an article whose modifiedon, state or links changed is
// re-indexed; a deleted one removed), so the reference panel searches the local replica
// in under a frame. Also the case-side helpers of the panel: the query an open case
// suggests, and similar cases by text and customer/product. Pure, no I/O.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/search/search_index.hpp"
#include "core/store/store.hpp"

namespace casehub {

// The search document of an article: plain text of its HTML content, language from
// languagecode (1033 en, 1036 fr, 1057 id), facets "state" (statecode as text),
// "category" and "product" (ids of its links), "internal" ("true"/"false").
SearchDocument knowledge_document(const Store& store, const Record& article);

class KnowledgeSearch {
public:
    // Brings the index in line with the store: upserts the articles that are new or
    // changed since the last call and removes the ones that are gone. Returns how many
    // documents it touched. O(articles) comparisons, re-analysing only the changed ones.
    std::size_t sync(const Store& store);

    // The best `limit` articles for `text`, in `language` first; `states` filters on
    // statecode ("3" = Published; empty = any).
    std::vector<SearchHit> search(const std::string& text, const std::string& language,
                                  const std::vector<std::string>& states, std::size_t limit = 10,
                                  bool prefix_last = true) const;

    const SearchIndex& index() const { return index_; }
    SearchIndex& index() { return index_; }

private:
    SearchIndex index_;
    std::unordered_map<std::string, std::string> seen_;  // article id -> signature indexed
};

// The words of a case worth searching the knowledge base for: its title then its
// description (the first 40 words).
std::string case_search_text(const Record& incident);

struct SimilarCase {
    const Record* incident = nullptr;
    double score = 0;  // text similarity (0..1) plus 0.25 same customer, 0.25 same product
};

// Cases most like `incident` (never itself), best first (ties by id), at most `limit`,
// scored by word overlap of title and description (cosine of folded word sets) plus
// the same customer and the same product. Cases with no shared word and no shared
// customer/product are left out.
std::vector<SimilarCase> similar_cases(const Store& store, const Record& incident, std::size_t limit = 10);

}  // namespace casehub
