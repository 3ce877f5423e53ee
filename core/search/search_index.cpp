// The knowledge search engine; see search_index.hpp for the contract.
//
// Layout: stems are interned in a TermDictionary; each stem owns a posting list sorted
// by document slot, one 8-byte posting per (stem, document) with the term frequency in
// each field. Per-slot arrays hold the field lengths and language needed while scoring,
// away from the stored text, so a query walks postings and two compact arrays only.
// Removing a document re-analyses its stored text to find its postings (no forward
// index to keep), erases them and subtracts its lengths: the statistics BM25 reads
// (document count, average field lengths, document frequencies) are then exactly those
// of an index built from scratch, which the property test checks.
#include "core/search/search_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "core/search/search_analyzer.hpp"
#include "core/search/search_terms.hpp"
#include "core/text/text_tokenize.hpp"

namespace casehub {
namespace {

constexpr int field_count = 3;  // title, keywords, content
constexpr std::size_t max_field_bytes = 16u << 20;
constexpr std::size_t max_query_words = 32;  // one bit per word in the accumulators

struct Posting {
    std::uint32_t slot;
    std::uint8_t tf_title;
    std::uint8_t tf_keywords;
    std::uint16_t tf_content;
};
static_assert(sizeof(Posting) == 8, "postings must stay 8 bytes");

struct Slot {
    SearchDocument document;
    bool live = false;
    std::vector<TermId> facets;  // ids of "key\x1fvalue" in facet_values, sorted
};

struct Accumulator {
    double total = 0;
    double best = 0;          // best variant score of the current word
    std::uint32_t epoch = 0;  // query that last touched this slot
    std::uint32_t word = 0;   // 1 + index of the word whose variants are being summed
    std::uint32_t mask = 0;   // query words matched
    std::uint32_t title_mask = 0;  // query words matched in the title
};

// One query word and every stem that may stand for it, with a weight.
struct QueryWord {
    std::vector<std::pair<TermId, double>> variants;
    void add(TermId term, double weight) {
        for (auto& v : variants) {
            if (v.first == term) {
                v.second = std::max(v.second, weight);
                return;
            }
        }
        variants.emplace_back(term, weight);
    }
};

const std::string& field_text(const SearchDocument& d, int field) {
    return field == 0 ? d.title : field == 1 ? d.keywords : d.content;
}

template <class T>
std::size_t vector_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

// Heap bytes of a string: none while the text fits in the object (small-string buffer).
std::size_t string_bytes(const std::string& s) {
    const auto* object = reinterpret_cast<const char*>(&s);
    const bool inline_buffer = s.data() >= object && s.data() < object + sizeof(std::string);
    return inline_buffer ? 0 : s.capacity() + 1;
}

}  // namespace

struct SearchIndex::Impl {
    SearchWeights weights;
    SynonymSet synonyms;

    TermDictionary terms;  // stems
    std::vector<std::vector<Posting>> postings;  // by TermId
    TermDictionary words;  // folded words as written, for completion and suggest
    std::vector<std::uint32_t> word_documents;  // by word id: live documents containing it
    TermDictionary facet_values;                // "key\x1fvalue"

    std::vector<Slot> slots;
    std::vector<std::array<std::uint32_t, field_count>> lengths;  // by slot: analysed tokens per field
    std::vector<SearchLanguage> languages;                         // by slot
    std::vector<std::uint32_t> free_slots;
    std::unordered_map<std::string, std::uint32_t> slot_of;  // document id -> slot

    std::array<std::uint64_t, field_count> total_length{};
    std::size_t live = 0;
    std::array<std::uint32_t, search_language_count> language_documents{};

    // Scratch space reused by every call, so searching does not allocate per posting.
    std::vector<std::uint64_t> scratch_terms;  // term << 2 | field
    std::vector<TermId> scratch_words;
    mutable std::vector<Accumulator> accumulators;
    mutable std::vector<std::uint32_t> touched;
    mutable std::uint32_t epoch = 0;

    // Calls on_term(field, stem, word) for every indexed token of the document.
    template <class F>
    static void analyze_document(const SearchDocument& d, SearchLanguage language, F&& on_term) {
        TextToken token;
        std::string word;
        for (int field = 0; field < field_count; ++field) {
            Tokenizer tokenizer(field_text(d, field));
            while (tokenizer.next(token)) {
                word = token.text;
                if (!analyze_term(language, token.text)) continue;
                on_term(field, token.text, word);
            }
        }
    }

    std::uint32_t facet_id(const std::string& key, const std::string& value) {
        std::string joined = key;
        joined += '\x1f';
        joined += value;
        return facet_values.intern(joined);
    }

    void index_slot(std::uint32_t slot) {
        Slot& s = slots[slot];
        const SearchLanguage language = parse_search_language(s.document.language);
        std::array<std::uint32_t, field_count> length{};
        scratch_terms.clear();
        scratch_words.clear();
        analyze_document(s.document, language, [&](int field, const std::string& stem, const std::string& word) {
            const TermId term = terms.intern(stem);
            if (term >= postings.size()) postings.resize(term + 1);
            scratch_terms.push_back(std::uint64_t{term} << 2 | static_cast<std::uint64_t>(field));
            scratch_words.push_back(words.intern(word));
            ++length[static_cast<std::size_t>(field)];
        });
        std::sort(scratch_terms.begin(), scratch_terms.end());
        for (std::size_t i = 0; i < scratch_terms.size();) {
            const auto term = static_cast<TermId>(scratch_terms[i] >> 2);
            std::array<std::uint32_t, field_count> tf{};
            for (; i < scratch_terms.size() && (scratch_terms[i] >> 2) == term; ++i) ++tf[scratch_terms[i] & 3];
            const Posting p{slot, static_cast<std::uint8_t>(std::min<std::uint32_t>(tf[0], 255)),
                            static_cast<std::uint8_t>(std::min<std::uint32_t>(tf[1], 255)),
                            static_cast<std::uint16_t>(std::min<std::uint32_t>(tf[2], 65535))};
            std::vector<Posting>& list = postings[term];
            if (list.empty() || list.back().slot < slot) {
                list.push_back(p);
            } else {
                auto at = std::lower_bound(list.begin(), list.end(), slot,
                                           [](const Posting& q, std::uint32_t v) { return q.slot < v; });
                list.insert(at, p);
            }
        }
        std::sort(scratch_words.begin(), scratch_words.end());
        scratch_words.erase(std::unique(scratch_words.begin(), scratch_words.end()), scratch_words.end());
        if (words.size() > word_documents.size()) word_documents.resize(words.size(), 0);
        for (TermId w : scratch_words) ++word_documents[w];

        s.facets.clear();
        for (const SearchFacet& f : s.document.facets) s.facets.push_back(facet_id(f.key, f.value));
        s.facets.push_back(facet_id("language", s.document.language));
        std::sort(s.facets.begin(), s.facets.end());
        s.facets.erase(std::unique(s.facets.begin(), s.facets.end()), s.facets.end());

        lengths[slot] = length;
        languages[slot] = language;
        for (int f = 0; f < field_count; ++f) total_length[static_cast<std::size_t>(f)] += length[static_cast<std::size_t>(f)];
        ++language_documents[static_cast<std::size_t>(language)];
        ++live;
        s.live = true;
    }

    void unindex_slot(std::uint32_t slot) {
        Slot& s = slots[slot];
        const SearchLanguage language = languages[slot];
        scratch_terms.clear();
        scratch_words.clear();
        analyze_document(s.document, language, [&](int, const std::string& stem, const std::string& word) {
            scratch_terms.push_back(terms.find(stem));
            scratch_words.push_back(words.find(word));
        });
        std::sort(scratch_terms.begin(), scratch_terms.end());
        scratch_terms.erase(std::unique(scratch_terms.begin(), scratch_terms.end()), scratch_terms.end());
        for (std::uint64_t term : scratch_terms) {
            std::vector<Posting>& list = postings[static_cast<TermId>(term)];
            auto at = std::lower_bound(list.begin(), list.end(), slot,
                                       [](const Posting& q, std::uint32_t v) { return q.slot < v; });
            if (at != list.end() && at->slot == slot) list.erase(at);
            if (list.empty()) std::vector<Posting>().swap(list);  // give the memory back
        }
        std::sort(scratch_words.begin(), scratch_words.end());
        scratch_words.erase(std::unique(scratch_words.begin(), scratch_words.end()), scratch_words.end());
        for (TermId w : scratch_words) --word_documents[w];
        for (int f = 0; f < field_count; ++f) total_length[static_cast<std::size_t>(f)] -= lengths[slot][static_cast<std::size_t>(f)];
        lengths[slot] = {};
        --language_documents[static_cast<std::size_t>(language)];
        --live;
        s.live = false;
        s.document = SearchDocument{};
        s.facets = {};
    }

    // The languages a query word is analysed in: the agent's first, then every other
    // language that has documents.
    std::vector<SearchLanguage> query_languages(SearchLanguage agent) const {
        std::vector<SearchLanguage> out;
        if (language_documents[static_cast<std::size_t>(agent)] > 0) out.push_back(agent);
        for (SearchLanguage l : {SearchLanguage::en, SearchLanguage::fr, SearchLanguage::id, SearchLanguage::other})
            if (l != agent && language_documents[static_cast<std::size_t>(l)] > 0) out.push_back(l);
        return out;
    }

    void add_variants(QueryWord& word, const std::string& folded, double weight,
                      const std::vector<SearchLanguage>& langs) const {
        std::string stem;
        for (SearchLanguage l : langs) {
            stem = folded;
            if (!analyze_term(l, stem)) continue;
            const TermId t = terms.find(stem);
            if (t != no_term && !postings[t].empty()) word.add(t, weight);
        }
    }

    bool is_query_stop_word(SearchLanguage agent, const std::string& folded) const {
        if (agent != SearchLanguage::other) return is_stop_word(agent, folded);
        return is_stop_word(SearchLanguage::en, folded) || is_stop_word(SearchLanguage::fr, folded) ||
               is_stop_word(SearchLanguage::id, folded);
    }

    std::vector<TermId> completions(const std::string& folded_prefix, std::size_t limit) const {
        std::vector<TermId> ids = words.with_prefix(folded_prefix);
        ids.erase(std::remove_if(ids.begin(), ids.end(), [&](TermId w) { return word_documents[w] == 0; }), ids.end());
        const auto more_frequent = [&](TermId a, TermId b) {
            if (word_documents[a] != word_documents[b]) return word_documents[a] > word_documents[b];
            return words.text(a) < words.text(b);
        };
        if (ids.size() > limit) {
            std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(limit), ids.end(), more_frequent);
            ids.resize(limit);
        } else {
            std::sort(ids.begin(), ids.end(), more_frequent);
        }
        return ids;
    }

    bool passes(std::uint32_t slot, const std::vector<std::vector<TermId>>& filters) const {
        const std::vector<TermId>& have = slots[slot].facets;
        for (const std::vector<TermId>& allowed : filters) {
            bool any = false;
            for (TermId id : allowed) any = any || std::binary_search(have.begin(), have.end(), id);
            if (!any) return false;
        }
        return true;
    }

    std::vector<SearchHit> search(const SearchQuery& query) const;
};

std::vector<SearchHit> SearchIndex::Impl::search(const SearchQuery& query) const {
    std::vector<SearchHit> hits;
    if (live == 0 || query.limit == 0) return hits;

    // Resolve filters to facet ids first: a filter nothing can satisfy ends the search.
    std::vector<std::vector<TermId>> filters;
    for (const SearchFilter& f : query.filters) {
        std::vector<TermId> allowed;
        for (const std::string& v : f.values) {
            const TermId id = facet_values.find(f.key + '\x1f' + v);
            if (id != no_term) allowed.push_back(id);
        }
        if (allowed.empty()) return hits;
        filters.push_back(std::move(allowed));
    }

    const SearchLanguage agent = parse_search_language(query.language);
    const std::vector<SearchLanguage> langs = query_languages(agent);
    std::vector<TextToken> tokens = tokenize(query.text);
    const bool prefix = query.prefix_last && !tokens.empty() && tokens.back().end == query.text.size();
    std::vector<bool> keep(tokens.size(), true);
    bool any_kept = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool typing = prefix && i + 1 == tokens.size();
        keep[i] = typing || !is_query_stop_word(agent, tokens[i].text);
        any_kept = any_kept || keep[i];
    }
    std::vector<QueryWord> qwords;
    for (std::size_t i = 0; i < tokens.size() && qwords.size() < max_query_words; ++i) {
        if (any_kept && !keep[i]) continue;
        QueryWord w;
        add_variants(w, tokens[i].text, 1.0, langs);
        for (const std::string& syn : synonyms.synonyms_of(tokens[i].text))
            add_variants(w, syn, weights.synonym_weight, langs);
        if (prefix && i + 1 == tokens.size()) {
            for (TermId c : completions(tokens[i].text, weights.max_prefix_words))
                add_variants(w, std::string(words.text(c)), weights.prefix_weight, langs);
        }
        qwords.push_back(std::move(w));
    }
    if (qwords.empty()) return hits;

    // BM25F: per-field normalised frequencies are weighted and summed before saturation.
    const double n_docs = static_cast<double>(live);
    const std::array<double, field_count> field_weight{weights.title, weights.keywords, weights.content};
    std::array<double, field_count> b_over_avg{};
    for (std::size_t f = 0; f < field_count; ++f) {
        const double avg = static_cast<double>(total_length[f]) / n_docs;
        b_over_avg[f] = avg > 0 ? weights.b / avg : 0;
    }
    const double k1 = weights.k1;
    const double one_minus_b = 1 - weights.b;

    if (accumulators.size() < slots.size()) accumulators.resize(slots.size());
    if (++epoch == 0) {  // wrapped: forget every old mark
        for (Accumulator& a : accumulators) a.epoch = 0;
        epoch = 1;
    }
    touched.clear();
    for (std::size_t wi = 0; wi < qwords.size(); ++wi) {
        const auto word_tag = static_cast<std::uint32_t>(wi + 1);
        const std::uint32_t bit = 1u << wi;
        for (const auto& [term, weight] : qwords[wi].variants) {
            const std::vector<Posting>& list = postings[term];
            const double df = static_cast<double>(list.size());
            const double idf = std::log(1 + (n_docs - df + 0.5) / (df + 0.5)) * weight;
            for (const Posting& p : list) {
                const auto& len = lengths[p.slot];
                double tf = 0;
                if (p.tf_title) tf += field_weight[0] * p.tf_title / (one_minus_b + b_over_avg[0] * len[0]);
                if (p.tf_keywords) tf += field_weight[1] * p.tf_keywords / (one_minus_b + b_over_avg[1] * len[1]);
                if (p.tf_content) tf += field_weight[2] * p.tf_content / (one_minus_b + b_over_avg[2] * len[2]);
                const double s = idf * tf * (k1 + 1) / (k1 + tf);
                Accumulator& a = accumulators[p.slot];
                if (a.epoch != epoch) {
                    a = Accumulator{0, 0, epoch, 0, 0, 0};
                    touched.push_back(p.slot);
                }
                if (a.word != word_tag) {
                    a.word = word_tag;
                    a.best = s;
                    a.total += s;
                    a.mask |= bit;
                } else if (s > a.best) {
                    a.total += s - a.best;
                    a.best = s;
                }
                if (p.tf_title) a.title_mask |= bit;
            }
        }
    }

    // Coordination (share of the words matched), the agent's language and exact titles.
    const auto n_words = static_cast<std::uint32_t>(qwords.size());
    std::vector<std::pair<double, std::uint32_t>> ranked;
    ranked.reserve(touched.size());
    for (std::uint32_t slot : touched) {
        if (!filters.empty() && !passes(slot, filters)) continue;
        const Accumulator& a = accumulators[slot];
        const auto matched = static_cast<std::uint32_t>(std::popcount(a.mask));
        double score = a.total * matched / n_words;
        if (languages[slot] == agent && agent != SearchLanguage::other) score *= weights.language_boost;
        if (static_cast<std::uint32_t>(std::popcount(a.title_mask)) == n_words && lengths[slot][0] == n_words)
            score *= weights.exact_title_boost;
        ranked.emplace_back(score, slot);
    }
    const auto better = [this](const std::pair<double, std::uint32_t>& x, const std::pair<double, std::uint32_t>& y) {
        if (x.first != y.first) return x.first > y.first;
        return slots[x.second].document.id < slots[y.second].document.id;
    };
    const std::size_t count = std::min(query.limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count), ranked.end(), better);

    std::vector<std::string> matched_terms;
    if (query.with_snippets) {
        for (const QueryWord& w : qwords)
            for (const auto& v : w.variants) matched_terms.emplace_back(terms.text(v.first));
        std::sort(matched_terms.begin(), matched_terms.end());
        matched_terms.erase(std::unique(matched_terms.begin(), matched_terms.end()), matched_terms.end());
    }
    hits.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint32_t slot = ranked[i].second;
        const SearchDocument& d = slots[slot].document;
        SearchHit hit;
        hit.id = d.id;
        hit.score = ranked[i].first;
        if (query.with_snippets) {
            hit.title_highlights = find_highlights(d.title, languages[slot], matched_terms);
            hit.snippet = make_snippet(d.content, languages[slot], matched_terms);
        }
        hits.push_back(std::move(hit));
    }
    return hits;
}

SearchIndex::SearchIndex(SearchWeights weights) : impl_(std::make_unique<Impl>()) { impl_->weights = weights; }
SearchIndex::~SearchIndex() = default;
SearchIndex::SearchIndex(SearchIndex&&) noexcept = default;
SearchIndex& SearchIndex::operator=(SearchIndex&&) noexcept = default;

Status SearchIndex::upsert(SearchDocument document) {
    if (document.id.empty()) return make_error("invalid_document", "a search document needs an id", "id");
    for (int f = 0; f < field_count; ++f) {
        if (field_text(document, f).size() > max_field_bytes) {
            return make_error("invalid_document",
                              "article " + document.id + " has a field over 16 MB; split it before indexing",
                              f == 0 ? "title" : f == 1 ? "keywords" : "content");
        }
    }
    Impl& m = *impl_;
    std::uint32_t slot = 0;
    if (auto it = m.slot_of.find(document.id); it != m.slot_of.end()) {
        slot = it->second;
        m.unindex_slot(slot);
    } else if (!m.free_slots.empty()) {
        slot = m.free_slots.back();
        m.free_slots.pop_back();
        m.slot_of.emplace(document.id, slot);
    } else {
        slot = static_cast<std::uint32_t>(m.slots.size());
        m.slots.emplace_back();
        m.lengths.emplace_back();
        m.languages.push_back(SearchLanguage::other);
        m.slot_of.emplace(document.id, slot);
    }
    m.slots[slot].document = std::move(document);
    m.index_slot(slot);
    return {};
}

Status SearchIndex::remove(std::string_view id) {
    Impl& m = *impl_;
    auto it = m.slot_of.find(std::string(id));
    if (it == m.slot_of.end()) {
        return make_error("not_found", "no article " + std::string(id) + " in the search index", "id");
    }
    m.unindex_slot(it->second);
    m.free_slots.push_back(it->second);
    m.slot_of.erase(it);
    return {};
}

std::vector<SearchHit> SearchIndex::search(const SearchQuery& query) const { return impl_->search(query); }

std::vector<SearchSuggestion> SearchIndex::suggest(std::string_view prefix, std::size_t limit) const {
    std::vector<SearchSuggestion> out;
    const std::vector<TextToken> tokens = tokenize(prefix);
    if (tokens.empty() || limit == 0) return out;
    for (TermId w : impl_->completions(tokens.back().text, limit))
        out.push_back(SearchSuggestion{std::string(impl_->words.text(w)), impl_->word_documents[w]});
    return out;
}

SynonymSet& SearchIndex::synonyms() { return impl_->synonyms; }
const SynonymSet& SearchIndex::synonyms() const { return impl_->synonyms; }

const SearchDocument* SearchIndex::find(std::string_view id) const {
    auto it = impl_->slot_of.find(std::string(id));
    return it == impl_->slot_of.end() ? nullptr : &impl_->slots[it->second].document;
}

std::size_t SearchIndex::size() const { return impl_->live; }

SearchIndexStats SearchIndex::stats() const {
    const Impl& m = *impl_;
    SearchIndexStats s;
    s.documents = m.live;
    s.terms = m.terms.size();
    s.postings_bytes = vector_bytes(m.postings);
    for (const auto& list : m.postings) {
        s.postings += list.size();
        s.postings_bytes += vector_bytes(list);
    }
    s.dictionary_bytes = m.terms.memory_bytes() + m.words.memory_bytes() + m.facet_values.memory_bytes() +
                         vector_bytes(m.word_documents);
    s.document_bytes = vector_bytes(m.slots) + vector_bytes(m.lengths) + vector_bytes(m.languages) +
                       vector_bytes(m.free_slots) + vector_bytes(m.accumulators) + vector_bytes(m.touched);
    // unordered_map: a node per id (key string + value + next pointer + cached hash) and the buckets.
    s.document_bytes += m.slot_of.bucket_count() * sizeof(void*) +
                        m.slot_of.size() * (sizeof(std::string) + sizeof(std::uint32_t) + 2 * sizeof(void*));
    for (const Slot& slot : m.slots) {
        const SearchDocument& d = slot.document;
        s.document_bytes += vector_bytes(slot.facets) + vector_bytes(d.facets);
        for (const SearchFacet& f : d.facets) s.document_bytes += string_bytes(f.key) + string_bytes(f.value);
        s.stored_text_bytes += string_bytes(d.title) + string_bytes(d.keywords) + string_bytes(d.content);
        s.document_bytes += string_bytes(d.id) * 2 + string_bytes(d.language);  // id kept in slot_of too
    }
    return s;
}

}  // namespace casehub
