// Keeping the knowledge SearchIndex in step with a Store, and the reference panel's
// case-side helpers (see knowledge_search.hpp).
#include "core/domain/knowledge/knowledge_search.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "core/text/safe_html.hpp"
#include "core/search/search_stopwords.hpp"
#include "core/text/text_tokenize.hpp"

namespace casehub {
namespace {

const char* kArticle = "knowledgearticle";

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

const char* language_of(const Record& article) {
    const Json* v = article.get("languagecode");
    const int code = v && v->is_number_integer() ? v->get<int>() : 0;
    switch (code) {
        case 1036: return "fr";
        case 1057: return "id";
        case 1033: return "en";
        default: return "";
    }
}

// What the indexed document depends on: the article's own change stamp and state, and
// its category/product links (records of their own, which do not touch the article).
std::string signature_of(const Store& store, const Record& article) {
    std::string s = string_attr(article, "modifiedon");
    s += '|';
    if (const Json* st = article.get("statecode")) s += st->dump();
    s += '|';
    s += string_attr(article, "title");
    for (const Record* l : store.referencing("knowledgearticlecategory", "knowledgearticleid", article.id)) s += "c" + l->id;
    for (const Record* l : store.referencing("knowledgearticleproduct", "knowledgearticleid", article.id)) s += "p" + l->id;
    s += '|';
    s += std::to_string(string_attr(article, "content").size());
    return s;
}

}  // namespace

SearchDocument knowledge_document(const Store& store, const Record& article) {
    SearchDocument d;
    d.id = article.id;
    d.language = language_of(article);
    d.title = string_attr(article, "title");
    d.keywords = string_attr(article, "keywords");
    d.content = html_to_plain_text(string_attr(article, "content"));
    if (const Json* st = article.get("statecode"); st && st->is_number_integer())
        d.facets.push_back({"state", std::to_string(st->get<int>())});
    const Json* internal = article.get("isinternal");
    d.facets.push_back({"internal", internal && internal->is_boolean() && internal->get<bool>() ? "true" : "false"});
    for (const Record* l : store.referencing("knowledgearticlecategory", "knowledgearticleid", article.id))
        d.facets.push_back({"category", lookup_id_of(*l, "categoryid")});
    for (const Record* l : store.referencing("knowledgearticleproduct", "knowledgearticleid", article.id))
        d.facets.push_back({"product", lookup_id_of(*l, "productid")});
    return d;
}

std::size_t KnowledgeSearch::sync(const Store& store) {
    std::size_t touched = 0;
    std::unordered_set<std::string> alive;
    alive.reserve(store.count(kArticle));
    store.for_each(kArticle, [&](const Record& article) {
        alive.insert(article.id);
        std::string sig = signature_of(store, article);
        auto it = seen_.find(article.id);
        if (it != seen_.end() && it->second == sig) return;
        if (index_.upsert(knowledge_document(store, article))) {
            seen_[article.id] = std::move(sig);
            ++touched;
        }
    });
    if (alive.size() != seen_.size()) {
        for (auto it = seen_.begin(); it != seen_.end();) {
            if (alive.count(it->first)) {
                ++it;
                continue;
            }
            (void)index_.remove(it->first);
            it = seen_.erase(it);
            ++touched;
        }
    }
    return touched;
}

std::vector<SearchHit> KnowledgeSearch::search(const std::string& text, const std::string& language,
                                               const std::vector<std::string>& states, std::size_t limit,
                                               bool prefix_last) const {
    SearchQuery q;
    q.text = text;
    q.language = language;
    q.limit = limit;
    q.prefix_last = prefix_last;
    if (!states.empty()) q.filters.push_back(SearchFilter{"state", states});
    return index_.search(q);
}

std::string case_search_text(const Record& incident) {
    std::string text = string_attr(incident, "title");
    const std::string description = string_attr(incident, "description");
    std::size_t words = 0;
    bool in_word = false;
    std::string cut;
    for (char c : description) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !in_word && ++words > 40) break;
        in_word = !space;
        cut += c;
    }
    if (!cut.empty()) text += " " + cut;
    return text;
}

namespace {

// Folded content words of a case (stop words of any of our languages left out).
std::set<std::string> case_words(const Record& incident) {
    std::set<std::string> out;
    const std::string text = string_attr(incident, "title") + " " + string_attr(incident, "description");
    for (const TextToken& t : tokenize(text)) {
        if (t.text.size() < 2 || is_stop_word(SearchLanguage::en, t.text) || is_stop_word(SearchLanguage::fr, t.text) ||
            is_stop_word(SearchLanguage::id, t.text))
            continue;
        out.insert(t.text);
    }
    return out;
}

}  // namespace

std::vector<SimilarCase> similar_cases(const Store& store, const Record& incident, std::size_t limit) {
    const std::set<std::string> mine = case_words(incident);
    const std::string customer = lookup_id_of(incident, "customerid"), product = lookup_id_of(incident, "productid");
    std::vector<SimilarCase> out;
    store.for_each("incident", [&](const Record& other) {
        if (other.id == incident.id) return;
        double score = 0;
        if (!mine.empty()) {
            const std::set<std::string> theirs = case_words(other);
            std::size_t shared = 0;
            for (const auto& w : theirs) shared += mine.count(w);
            if (shared > 0)
                score = static_cast<double>(shared) / std::sqrt(static_cast<double>(mine.size() * theirs.size()));
        }
        const bool same_customer = !customer.empty() && lookup_id_of(other, "customerid") == customer;
        const bool same_product = !product.empty() && lookup_id_of(other, "productid") == product;
        if (score == 0 && !same_customer && !same_product) return;
        if (score == 0 && !(same_customer && same_product)) return;  // a shared customer alone is "recent cases"
        score += (same_customer ? 0.25 : 0.0) + (same_product ? 0.25 : 0.0);
        out.push_back(SimilarCase{&other, score});
    });
    std::sort(out.begin(), out.end(), [](const SimilarCase& a, const SimilarCase& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.incident->id < b.incident->id;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace casehub
