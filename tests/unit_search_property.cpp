// Property: whatever sequence of upserts, updates and removals built an index, it
// answers every query exactly like an index rebuilt from scratch with the final
// documents (same ids in the same order, scores within 1e-9, same snippets and
// suggestions). Hundreds of seeded random histories over a small multilingual vocabulary.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/search/search_index.hpp"

using namespace casehub;

namespace {

const std::vector<std::string> vocabulary = {
    "printer", "printers", "imprimante", "imprimantes", "écran", "ecrans", "réseau", "network", "jaringan",
    "mengatur", "pengaturan", "sandi", "password", "reset", "réinitialiser", "offline", "hors", "ligne",
    "the", "le", "yang", "cable", "câble", "spooler", "firmware", "update", "updating", "configuré",
    "configuration", "pilote", "driver", "menggunakan", "digunakan", "akun", "account", "œuvre", "straße"};
const std::vector<std::string> languages = {"en", "fr", "id", "de"};
const std::vector<std::string> statuses = {"Draft", "Approved", "Published"};

std::string random_text(std::mt19937& rng, int min_words, int max_words) {
    std::uniform_int_distribution<int> count(min_words, max_words);
    std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
    std::string out;
    const int n = count(rng);
    for (int i = 0; i < n; ++i) {
        if (!out.empty()) out += (rng() % 5 == 0) ? ", " : " ";
        out += vocabulary[pick(rng)];
    }
    return out;
}

SearchDocument random_document(std::mt19937& rng, const std::string& id) {
    SearchDocument d;
    d.id = id;
    d.language = languages[rng() % languages.size()];
    d.title = random_text(rng, 1, 4);
    d.keywords = random_text(rng, 0, 3);
    d.content = random_text(rng, 0, 25);
    d.facets = {{"statuscode", statuses[rng() % statuses.size()]}};
    if (rng() % 2) d.facets.push_back({"product", "P" + std::to_string(rng() % 3)});
    return d;
}

SearchQuery random_query(std::mt19937& rng) {
    SearchQuery q;
    q.text = random_text(rng, 1, 4);
    if (rng() % 3 == 0) q.text.resize(q.text.size() - std::min<std::size_t>(q.text.size() - 1, rng() % 3));
    q.language = languages[rng() % languages.size()];
    q.prefix_last = rng() % 2 == 0;
    q.limit = 1 + rng() % 12;
    if (rng() % 3 == 0) q.filters.push_back({"statuscode", {statuses[rng() % 3], statuses[rng() % 3]}});
    if (rng() % 5 == 0) q.filters.push_back({"language", {languages[rng() % languages.size()]}});
    return q;
}

void require_same_answers(const SearchIndex& incremental, const SearchIndex& rebuilt, const SearchQuery& q) {
    const auto a = incremental.search(q);
    const auto b = rebuilt.search(q);
    INFO("query: " << q.text << " [" << q.language << "] prefix=" << q.prefix_last);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(a[i].id == b[i].id);
        REQUIRE(std::abs(a[i].score - b[i].score) <= 1e-9 * std::max(1.0, std::abs(b[i].score)));
        REQUIRE(a[i].snippet.text == b[i].snippet.text);
        REQUIRE(a[i].snippet.highlights == b[i].snippet.highlights);
        REQUIRE(a[i].title_highlights == b[i].title_highlights);
    }
}

}  // namespace

TEST_CASE("incremental upserts and removals answer exactly like a rebuild", "[search][property]") {
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        INFO("seed " << seed);
        std::mt19937 rng(seed);
        SearchIndex incremental;
        std::map<std::string, SearchDocument> final_docs;
        const int operations = 10 + static_cast<int>(rng() % 50);
        for (int op = 0; op < operations; ++op) {
            const std::string id = "kb-" + std::to_string(rng() % 14);
            const bool exists = final_docs.count(id) > 0;
            if (exists && rng() % 3 == 0) {
                REQUIRE(incremental.remove(id));
                final_docs.erase(id);
            } else {
                SearchDocument d = random_document(rng, id);
                REQUIRE(incremental.upsert(d));
                final_docs[id] = std::move(d);
            }
        }
        if (seed % 7 == 0) incremental.synonyms().add_group({"printer", "imprimante"}).value();

        SearchIndex rebuilt;
        if (seed % 7 == 0) rebuilt.synonyms().add_group({"printer", "imprimante"}).value();
        for (auto it = final_docs.rbegin(); it != final_docs.rend(); ++it) REQUIRE(rebuilt.upsert(it->second));

        REQUIRE(incremental.size() == rebuilt.size());
        for (int k = 0; k < 12; ++k) require_same_answers(incremental, rebuilt, random_query(rng));
        for (const char* prefix : {"pri", "e", "conf", "meng"}) {
            const auto a = incremental.suggest(prefix, 5);
            const auto b = rebuilt.suggest(prefix, 5);
            REQUIRE(a.size() == b.size());
            for (std::size_t i = 0; i < a.size(); ++i) {
                REQUIRE(a[i].word == b[i].word);
                REQUIRE(a[i].documents == b[i].documents);
            }
        }
        const SearchIndexStats sa = incremental.stats();
        const SearchIndexStats sb = rebuilt.stats();
        REQUIRE(sa.postings == sb.postings);
    }
}

TEST_CASE("removing every document leaves an index that finds nothing", "[search][property]") {
    std::mt19937 rng(42);
    SearchIndex index;
    for (int i = 0; i < 50; ++i) REQUIRE(index.upsert(random_document(rng, "kb-" + std::to_string(i))));
    for (int i = 0; i < 50; ++i) REQUIRE(index.remove("kb-" + std::to_string(i)));
    CHECK(index.size() == 0);
    CHECK(index.stats().postings == 0);
    SearchQuery q;
    q.text = "printer";
    CHECK(index.search(q).empty());
    CHECK(index.suggest("p").empty());
}
