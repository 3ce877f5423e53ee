// Fuzz target: the query parsers. Input starting with '{' is a store query as views and
// grids send it (parse_query, then run against the demo organisation: every row matches
// the filter, a page is never longer than asked, the total covers the page). Any other
// input is what an agent types into knowledge search (analysed as French, English or
// Indonesian, with prefixes and a facet filter): hits are at most the limit, best
// first, known documents, highlights inside their title; suggestions are counted.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/json_limits.hpp"
#include "core/search/search_index.hpp"
#include "core/store/query.hpp"
#include "tests/fuzz/fuzz_demo.hpp"

using namespace casehub;

namespace {

const SearchIndex& knowledge_index() {
    static const SearchIndex index = [] {
        SearchIndex i;
        const SearchDocument documents[] = {
            {"kb-1", "fr", "Imprimante hors ligne", "imprimante, spouleur", "Redémarrez le spouleur d'impression puis l'imprimante.",
             {{"statuscode", "Published"}, {"product", "P-100"}}},
            {"kb-2", "en", "Printer offline", "printer, spooler", "Restart the print spooler, then the printer. Check the cable.",
             {{"statuscode", "Published"}}},
            {"kb-3", "id", "Pencetak tidak terhubung", "pencetak", "Mulai ulang layanan pencetakan dan periksa kabelnya.",
             {{"statuscode", "Draft"}}},
            {"kb-4", "en", "Reset a password", "password, account, sign-in", "Open the account page and choose Reset password.",
             {{"statuscode", "Published"}, {"product", "P-200"}}},
            {"kb-5", "fr", "Réinitialiser le mot de passe", "mot de passe", "Ouvrez la page du compte et choisissez Réinitialiser.",
             {{"statuscode", "Published"}}},
        };
        for (const auto& d : documents) FUZZ_CHECK(i.upsert(d).ok(), "the fixed documents index");
        FUZZ_CHECK(i.synonyms().add_group({"printer", "imprimante", "pencetak"}).ok(), "the synonyms are taken");
        return i;
    }();
    return index;
}

void fuzz_store_query(std::string_view text) {
    auto json = parse_json_within(text, JsonLimits{});
    if (!json) return;
    auto query = parse_query(*json);
    if (!query) {
        FUZZ_CHECK(!query.error().message.empty(), "a refused query says why");
        return;
    }
    const Store& store = fuzz::demo_server().state.store;
    const Query bound = bind_query(*query, "user-fuzz", fuzz::demo_now);
    const QueryResult result = store.query(bound);
    if (bound.top > 0) FUZZ_CHECK(result.rows.size() <= bound.top, "a page is no longer than asked");
    FUZZ_CHECK(result.total >= result.rows.size(), "the total covers the page");
    for (const Record* r : result.rows) FUZZ_CHECK(matches(bound.filter, *r), "every row matches the filter");
}

void fuzz_knowledge_search(std::string_view text) {
    const SearchIndex& index = knowledge_index();
    const char* languages[] = {"fr", "en", "id", "xx"};
    SearchQuery q;
    q.text = std::string(text);
    q.language = languages[text.size() % 4];
    q.prefix_last = text.size() % 2 == 0;
    q.limit = 1 + text.size() % 5;
    if (text.size() % 3 == 0) q.filters.push_back({"statuscode", {"Published"}});
    const auto hits = index.search(q);
    FUZZ_CHECK(hits.size() <= q.limit, "no more hits than the limit");
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const SearchDocument* d = index.find(hits[k].id);
        FUZZ_CHECK(d != nullptr, "a hit is an indexed document");
        FUZZ_CHECK(std::isfinite(hits[k].score), "a score is a number");
        if (k > 0) FUZZ_CHECK(hits[k - 1].score >= hits[k].score, "hits come best first");
        for (const TextRange& r : hits[k].title_highlights)
            FUZZ_CHECK(r.begin <= r.end && r.end <= d->title.size(), "a highlight lies inside the title");
    }
    for (const auto& s : index.suggest(text, 8)) FUZZ_CHECK(s.documents > 0, "a suggestion is found in a document");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!text.empty() && text.front() == '{') fuzz_store_query(text);
    else fuzz_knowledge_search(text);
    return 0;
}
