// bench_search: the knowledge search engine (core/search_index) on a real corpus, beside
// SQLite FTS5 on the same articles and queries (native build only).
//   casehub_bench_search [corpus.jsonl] [--articles N] [--queries Q] [--seed S] [--repeats R]
// The corpus comes from scripts/make_corpus.sh (build/corpus/articles.jsonl). Queries are
// 1-4 words drawn from the corpus text with a fixed seed; each engine returns its top 10.
// Prints index build time and memory, p50/p95/p99 latency, and the top-10 overlap with FTS5.
// Table rows start with "| " so bench/search.sh can merge the native and wasm runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/search/search_index.hpp"
#include "core/search/search_stopwords.hpp"
#include "core/text/text_tokenize.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if CASEHUB_HAVE_SQLITE
#include <sqlite3.h>
#endif

using namespace casehub;
using Clock = std::chrono::steady_clock;

namespace {

#if defined(__EMSCRIPTEN__)
constexpr const char* platform = "wasm";
#else
constexpr const char* platform = "native";
#endif

struct Article {
    SearchDocument document;
};

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::size_t heap_in_use() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return mallinfo2().uordblks;
#else
    return 0;
#endif
}

std::string json_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<SearchDocument> load_corpus(const std::string& path, std::size_t limit) {
    std::vector<SearchDocument> docs;
    std::ifstream in(path);
    std::string line;
    while (docs.size() < limit && std::getline(in, line)) {
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;
        SearchDocument d;
        d.id = json_string(j, "id");
        d.language = json_string(j, "lang");
        d.title = json_string(j, "title");
        d.keywords = json_string(j, "keywords");
        d.content = json_string(j, "content");
        d.facets = {{"statuscode", json_string(j, "status")}, {"category", json_string(j, "category")},
                    {"product", json_string(j, "product")}};
        docs.push_back(std::move(d));
    }
    return docs;
}

struct BenchQuery {
    std::string text;      // words as written in the corpus
    std::string language;  // the language of the article the words came from
};

// 1-4 neighbouring content words of a random article: letters only, 3+ bytes, not stop words.
std::vector<BenchQuery> make_queries(const std::vector<SearchDocument>& docs, std::size_t count, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<BenchQuery> out;
    while (out.size() < count) {
        const SearchDocument& d = docs[rng() % docs.size()];
        std::vector<std::string> words;
        for (const TextToken& t : tokenize(d.content)) {
            const std::string original = d.content.substr(t.begin, t.end - t.begin);
            bool letters = t.text.size() >= 3;
            for (char c : t.text) letters = letters && c >= 'a' && c <= 'z';
            if (letters && !is_stop_word(parse_search_language(d.language), t.text)) words.push_back(original);
        }
        if (words.empty()) continue;
        const std::size_t n = 1 + rng() % 4;
        const std::size_t start = rng() % words.size();
        BenchQuery q;
        q.language = d.language;
        for (std::size_t i = start; i < std::min(words.size(), start + n); ++i) q.text += (q.text.empty() ? "" : " ") + words[i];
        out.push_back(std::move(q));
    }
    return out;
}

struct Latency {
    double p50 = 0, p95 = 0, p99 = 0, mean = 0;
};
Latency percentiles(std::vector<double> us) {
    Latency l;
    if (us.empty()) return l;
    std::sort(us.begin(), us.end());
    const auto at = [&](double p) { return us[std::min(us.size() - 1, static_cast<std::size_t>(p * static_cast<double>(us.size())))]; };
    l.p50 = at(0.50), l.p95 = at(0.95), l.p99 = at(0.99);
    double sum = 0;
    for (double v : us) sum += v;
    l.mean = sum / static_cast<double>(us.size());
    return l;
}

void print_row(const std::string& engine, const std::string& mode, const Latency& l, double build_ms, double mb,
               const std::string& overlap) {
    std::printf("| %-7s | %-22s | %8.1f | %8.1f | %8.1f | %9.0f | %9.1f | %-9s |\n", platform, (engine + " " + mode).c_str(),
                l.p50, l.p95, l.p99, build_ms, mb, overlap.c_str());
}

// Last word cut to a prefix (search-as-you-type): "network conf".
std::string typing_prefix(const std::string& text) {
    const std::size_t space = text.rfind(' ');
    const std::size_t word = space == std::string::npos ? 0 : space + 1;
    const std::size_t keep = std::max<std::size_t>(3, (text.size() - word) * 2 / 3);
    return text.substr(0, std::min(text.size(), word + keep));
}

#if CASEHUB_HAVE_SQLITE
// FTS5 query: every word quoted (AND of terms, as FTS5 does); the last as a prefix when typing.
std::string fts_query(const std::string& text, bool prefix_last) {
    std::vector<std::string> words;
    for (const TextToken& t : tokenize(text)) words.push_back(text.substr(t.begin, t.end - t.begin));
    std::string q;
    for (std::size_t i = 0; i < words.size(); ++i) {
        q += (q.empty() ? "\"" : " \"") + words[i] + "\"";
        if (prefix_last && i + 1 == words.size()) q += "*";
    }
    return q;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "build/corpus/articles.jsonl";
    std::size_t articles = 50000;
    std::size_t query_count = 2000;
    std::uint32_t seed = 8;
    int repeats = 3;  // each query's latency is the best of `repeats` runs: shared machines preempt
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--articles" && i + 1 < argc) articles = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--queries" && i + 1 < argc) query_count = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--seed" && i + 1 < argc) seed = static_cast<std::uint32_t>(std::strtoul(argv[++i], nullptr, 10));
        else if (a == "--repeats" && i + 1 < argc) repeats = std::max(1, std::atoi(argv[++i]));
        else corpus = a;
    }

    auto t0 = Clock::now();
    std::vector<SearchDocument> docs = load_corpus(corpus, articles);
    if (docs.empty()) {
        std::fprintf(stderr, "bench_search: no articles in %s; run scripts/make_corpus.sh first\n", corpus.c_str());
        return 1;
    }
    std::size_t text_bytes = 0;
    std::size_t per_lang[4] = {};
    for (const SearchDocument& d : docs) {
        text_bytes += d.title.size() + d.keywords.size() + d.content.size();
        ++per_lang[static_cast<int>(parse_search_language(d.language))];
    }
    std::printf("[%s] corpus: %zu articles (en %zu, fr %zu, id %zu), %.1f MB of text, loaded in %.0f ms\n", platform,
                docs.size(), per_lang[1], per_lang[2], per_lang[3], static_cast<double>(text_bytes) / 1e6, ms_since(t0));

    // ---- CaseHub index ----
    const std::size_t heap0 = heap_in_use();
    t0 = Clock::now();
    SearchIndex index;
    for (const SearchDocument& d : docs) {
        if (!index.upsert(d)) return 1;
    }
    const double build_ms = ms_since(t0);
    const std::size_t heap1 = heap_in_use();
    const SearchIndexStats st = index.stats();
    std::printf("[%s] casehub: built in %.0f ms; %zu terms, %zu postings; structures %.1f MB "
                "(postings %.1f, dictionaries %.1f, documents %.1f) + stored text %.1f MB",
                platform, build_ms, st.terms, st.postings, static_cast<double>(st.total_bytes() - st.stored_text_bytes) / 1e6,
                static_cast<double>(st.postings_bytes) / 1e6, static_cast<double>(st.dictionary_bytes) / 1e6,
                static_cast<double>(st.document_bytes) / 1e6, static_cast<double>(st.stored_text_bytes) / 1e6);
    if (heap1 > heap0) std::printf("; malloc heap +%.1f MB", static_cast<double>(heap1 - heap0) / 1e6);
    std::printf("\n");

    const std::vector<BenchQuery> queries = make_queries(docs, query_count, seed);
    index.synonyms().add_group({"printer", "imprimante", "pencetak"}).value();  // synonyms on, as in the app

    const auto run = [&](bool snippets, bool typing, std::vector<std::vector<std::string>>* tops) {
        std::vector<double> us;
        us.reserve(queries.size());
        std::size_t empty = 0;
        for (const BenchQuery& bq : queries) {
            SearchQuery q;
            q.text = typing ? typing_prefix(bq.text) : bq.text;
            q.language = bq.language;
            q.limit = 10;
            q.prefix_last = typing;
            q.with_snippets = snippets;
            std::vector<SearchHit> hits;
            double best = 1e300;
            for (int r = 0; r < repeats; ++r) {
                const auto t = Clock::now();
                hits = index.search(q);
                best = std::min(best, std::chrono::duration<double, std::micro>(Clock::now() - t).count());
            }
            us.push_back(best);
            empty += hits.empty();
            if (tops) {
                tops->emplace_back();
                for (const SearchHit& h : hits) tops->back().push_back(h.id);
            }
        }
        if (empty) std::printf("[%s] casehub: %zu of %zu queries found nothing\n", platform, empty, queries.size());
        return percentiles(us);
    };
    run(false, true, nullptr);  // warm up caches and the lazily sorted word list
    std::vector<std::vector<std::string>> ours;
    std::vector<std::vector<std::string>> ours_typing;
    const Latency ranked = run(false, false, &ours);
    const Latency with_snippets = run(true, false, nullptr);
    const Latency typing = run(true, true, &ours_typing);

    // Incremental maintenance: update 1,000 articles in place, then remove and re-add them.
    t0 = Clock::now();
    const std::size_t n_updates = std::min<std::size_t>(1000, docs.size());
    for (std::size_t i = 0; i < n_updates; ++i) {
        SearchDocument d = docs[i * (docs.size() / n_updates)];
        d.content += " updated";
        if (!index.upsert(std::move(d))) return 1;
    }
    const double update_us = ms_since(t0) * 1000 / static_cast<double>(n_updates);
    t0 = Clock::now();
    for (std::size_t i = 0; i < n_updates; ++i) {
        const SearchDocument& d = docs[i * (docs.size() / n_updates)];
        if (!index.remove(d.id) || !index.upsert(d)) return 1;
    }
    const double churn_us = ms_since(t0) * 1000 / static_cast<double>(n_updates);
    std::printf("[%s] casehub: update in place %.0f us/article; remove + re-add %.0f us/article\n", platform, update_us,
                churn_us);

    const double mb = static_cast<double>(st.total_bytes()) / 1e6;
    std::string overlap = "n/a";
    std::string overlap_typing = "n/a";

#if CASEHUB_HAVE_SQLITE
    // ---- SQLite FTS5 on the same articles ----
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    const sqlite3_int64 mem0 = sqlite3_memory_used();
    t0 = Clock::now();
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE kb USING fts5(title, keywords, content, "
                 "tokenize='unicode61 remove_diacritics 2');"
                 "INSERT INTO kb(kb, rank) VALUES('rank', 'bm25(3.0, 2.0, 1.0)');",  // our field weights
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO kb(rowid, title, keywords, content) VALUES(?1, ?2, ?3, ?4)", -1, &insert, nullptr);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
        sqlite3_bind_text(insert, 2, docs[i].title.c_str(), static_cast<int>(docs[i].title.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, docs[i].keywords.c_str(), static_cast<int>(docs[i].keywords.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, docs[i].content.c_str(), static_cast<int>(docs[i].content.size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "INSERT INTO kb(kb) VALUES('optimize')", nullptr, nullptr, nullptr);
    const double fts_build_ms = ms_since(t0);
    const double fts_mb = static_cast<double>(sqlite3_memory_used() - mem0) / 1e6;
    std::printf("[%s] fts5: built in %.0f ms (incl. optimize); SQLite memory %.1f MB (in-memory database: "
                "index and a copy of the text)\n", platform, fts_build_ms, fts_mb);

    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid FROM kb WHERE kb MATCH ?1 ORDER BY rank LIMIT 10", -1, &select, nullptr);
    sqlite3_stmt* select_snippet = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT rowid, snippet(kb, 2, '\u00AB', '\u00BB', '\u2026', 24) FROM kb WHERE kb MATCH ?1 "
                       "ORDER BY rank LIMIT 10", -1, &select_snippet, nullptr);
    const auto fts_run = [&](sqlite3_stmt* stmt, bool prefix_mode, std::vector<std::vector<std::string>>* tops) {
        std::vector<double> us;
        std::size_t empty = 0;
        for (const BenchQuery& bq : queries) {
            const std::string q = fts_query(prefix_mode ? typing_prefix(bq.text) : bq.text, prefix_mode);
            std::vector<std::string> top;
            double best = 1e300;
            for (int r = 0; r < repeats; ++r) {
                top.clear();
                const auto t = Clock::now();
                sqlite3_bind_text(stmt, 1, q.c_str(), static_cast<int>(q.size()), SQLITE_TRANSIENT);
                while (sqlite3_step(stmt) == SQLITE_ROW) {
                    top.push_back(docs[static_cast<std::size_t>(sqlite3_column_int64(stmt, 0))].id);
                }
                sqlite3_reset(stmt);
                best = std::min(best, std::chrono::duration<double, std::micro>(Clock::now() - t).count());
            }
            us.push_back(best);
            empty += top.empty();
            if (tops) tops->push_back(std::move(top));
        }
        if (empty) std::printf("[%s] fts5: %zu of %zu queries found nothing\n", platform, empty, queries.size());
        return percentiles(us);
    };
    fts_run(select, false, nullptr);  // warm up
    std::vector<std::vector<std::string>> theirs;
    std::vector<std::vector<std::string>> theirs_typing;
    const Latency fts_ranked = fts_run(select, false, &theirs);
    const Latency fts_snippets = fts_run(select_snippet, false, nullptr);
    const Latency fts_typing = fts_run(select_snippet, true, &theirs_typing);
    sqlite3_finalize(select);
    sqlite3_finalize(select_snippet);
    sqlite3_close(db);

    // Overlap: share of FTS5's top 10 that is also in ours, over queries where FTS5 found something.
    const auto overlap_of = [](const std::vector<std::vector<std::string>>& a, const std::vector<std::vector<std::string>>& b) {
        double sum = 0;
        std::size_t n = 0;
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            if (b[i].empty()) continue;
            std::size_t common = 0;
            for (const std::string& id : b[i]) common += std::find(a[i].begin(), a[i].end(), id) != a[i].end();
            sum += static_cast<double>(common) / static_cast<double>(b[i].size());
            ++n;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f%%", n ? 100 * sum / static_cast<double>(n) : 0.0);
        return std::string(buf);
    };
    overlap = overlap_of(ours, theirs);
    overlap_typing = overlap_of(ours_typing, theirs_typing);
#endif

    std::printf("\n%zu queries of 1-4 words (seed %u), top 10; latency in microseconds, best of %d runs per query\n",
                queries.size(), seed, repeats);
    std::printf("| build   | engine / mode          |  p50 us  |  p95 us  |  p99 us  | build ms  | memory MB | overlap   |\n");
    std::printf("|---------|------------------------|----------|----------|----------|-----------|-----------|-----------|\n");
    print_row("casehub", "ranking only", ranked, build_ms, mb, overlap);
    print_row("casehub", "+ snippets", with_snippets, build_ms, mb, "");
    print_row("casehub", "typing (prefix)", typing, build_ms, mb, overlap_typing);
#if CASEHUB_HAVE_SQLITE
    print_row("fts5", "ranking only", fts_ranked, fts_build_ms, fts_mb, "");
    print_row("fts5", "+ snippet()", fts_snippets, fts_build_ms, fts_mb, "");
    print_row("fts5", "typing (prefix*)", fts_typing, fts_build_ms, fts_mb, "");
#endif
    return 0;
}
