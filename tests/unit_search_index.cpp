// Knowledge search behaviours: ranking, accent-insensitivity, stemming, synonyms,
// search-as-you-type, filters, snippets, the agent's language first, and incremental
// upsert/remove.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/search/search_index.hpp"

using namespace casehub;

namespace {

SearchDocument article(std::string id, std::string language, std::string title, std::string content,
                       std::string keywords = {}, std::vector<SearchFacet> facets = {}) {
    if (facets.empty()) facets = {{"statuscode", "Published"}};
    return SearchDocument{std::move(id), std::move(language), std::move(title), std::move(keywords),
                          std::move(content), std::move(facets)};
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
    std::vector<std::string> out;
    for (const SearchHit& h : hits) out.push_back(h.id);
    return out;
}

SearchQuery query(std::string text, std::string language = "en") {
    SearchQuery q;
    q.text = std::move(text);
    q.language = std::move(language);
    return q;
}

// A small knowledge base in three languages, with realistic overlaps.
SearchIndex sample_index() {
    SearchIndex index;
    const std::vector<SearchDocument> docs = {
        article("kb-printer", "en", "Printer offline",
                "When the printer shows offline, restart the print spooler and check the cable."),
        article("kb-printer-setup", "en", "Printer setup for new offices",
                "Install the printer driver, then add the printer in settings. Printers on the network need an IP."),
        article("kb-password", "en", "Reset a forgotten password",
                "Agents can reset passwords from the account page. The user receives an email."),
        article("kb-imprimante", "fr", "Imprimante hors ligne",
                "Lorsque l’imprimante est hors ligne, redémarrez le spouleur d’impression.", "impression, pilote"),
        article("kb-ecran", "fr", "Écran noir au démarrage",
                "Si l'écran reste noir, vérifiez le câble vidéo et la luminosité des écrans.", "affichage"),
        article("kb-sandi", "id", "Mengatur ulang kata sandi",
                "Pengguna dapat mengatur ulang kata sandi melalui halaman akun.", "sandi, akun"),
        article("kb-network", "en", "Network troubleshooting",
                "If the network is slow, check the router. A printer on the network may also be slow.",
                "wifi, router, printer"),
        article("kb-draft", "en", "Printer firmware update",
                "Updating printer firmware fixes many offline issues.", "",
                {{"statuscode", "Draft"}, {"product", "LaserJet 4050"}, {"category", "Hardware"}}),
    };
    for (const SearchDocument& d : docs) REQUIRE(index.upsert(d));
    return index;
}

}  // namespace

TEST_CASE("an exact title match ranks first", "[search][ranking]") {
    SearchIndex index = sample_index();
    const auto hits = index.search(query("printer offline"));
    REQUIRE(hits.size() >= 3);
    CHECK(hits[0].id == "kb-printer");
    SECTION("a title match beats a content-only match") {
        const auto h = index.search(query("password"));
        REQUIRE_FALSE(h.empty());
        CHECK(h[0].id == "kb-password");
    }
    SECTION("a keywords match beats a content-only match") {
        SearchIndex i;
        REQUIRE(i.upsert(article("content", "en", "Office guide", "The router sits in the cupboard near the desk.")));
        REQUIRE(i.upsert(article("keywords", "en", "Office guide", "Where things are in the office.", "router")));
        CHECK(ids(i.search(query("router")))[0] == "keywords");
    }
}

TEST_CASE("search is insensitive to case and accents", "[search][ranking]") {
    SearchIndex index = sample_index();
    for (const char* text : {"ecran noir", "ÉCRAN NOIR", "écran noir", "Ecran Noîr"}) {
        const auto hits = index.search(query(text, "fr"));
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].id == "kb-ecran");
    }
}

TEST_CASE("stemmed forms find each other", "[search][ranking]") {
    SearchIndex index = sample_index();
    SECTION("English plural and -ing") {
        CHECK(ids(index.search(query("printers")))[0] == "kb-printer");
        const auto hits = index.search(query("updates firmware"));
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].id == "kb-draft");
    }
    SECTION("French plural") { CHECK(ids(index.search(query("écrans", "fr")))[0] == "kb-ecran"); }
    SECTION("Indonesian affixes") {
        const auto hits = index.search(query("atur sandi", "id"));
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].id == "kb-sandi");
    }
}

TEST_CASE("admin-edited synonyms apply to the next search without re-indexing", "[search][synonyms]") {
    SearchIndex index = sample_index();
    const auto before = ids(index.search(query("imprimante", "fr")));
    CHECK(std::find(before.begin(), before.end(), "kb-printer") == before.end());

    auto group = index.synonyms().add_group({"printer", "imprimante", "pencetak"});
    REQUIRE(group);
    const auto after = ids(index.search(query("imprimante", "fr")));
    REQUIRE(after.size() >= 2);
    CHECK(after[0] == "kb-imprimante");  // the word typed beats its synonyms
    CHECK(std::find(after.begin(), after.end(), "kb-printer") != after.end());

    REQUIRE(index.synonyms().remove_group(group.value()));
    CHECK(ids(index.search(query("imprimante", "fr"))) == before);

    SECTION("invalid groups are rejected with a reason") {
        auto bad = index.synonyms().add_group({"only"});
        REQUIRE_FALSE(bad);
        CHECK(bad.error().code == "invalid_synonyms");
        CHECK_FALSE(index.synonyms().add_group({"two words", "x"}));
        CHECK_FALSE(index.synonyms().remove_group(999));
    }
}

TEST_CASE("the last word matches as a prefix while typing", "[search][prefix]") {
    SearchIndex index = sample_index();
    SearchQuery q = query("forgotten passw");
    CHECK(index.search(q).empty() == false);
    q.prefix_last = true;
    const auto typing = ids(index.search(q));
    REQUIRE_FALSE(typing.empty());
    CHECK(typing[0] == "kb-password");
    SECTION("a trailing space means the word is finished") {
        SearchQuery done = query("firmw ");
        done.prefix_last = true;
        CHECK(index.search(done).empty());
        done.text = "firmw";
        CHECK(ids(index.search(done)) == std::vector<std::string>{"kb-draft"});
    }
    SECTION("suggest completes the last word, most frequent first") {
        const auto s = index.suggest("restart the pri", 3);
        REQUIRE_FALSE(s.empty());
        CHECK(s[0].word == "printer");
        for (const SearchSuggestion& x : s) CHECK(x.word.rfind("pri", 0) == 0);
        CHECK(index.suggest("écr").front().word == "ecran");
        CHECK(index.suggest("zzz").empty());
        CHECK(index.suggest("").empty());
    }
}

TEST_CASE("filters keep only documents with the given facet values", "[search][filters]") {
    SearchIndex index = sample_index();
    SearchQuery q = query("printer");
    const auto all = ids(index.search(q));
    CHECK(std::find(all.begin(), all.end(), "kb-draft") != all.end());

    q.filters = {{"statuscode", {"Published"}}};
    for (const SearchHit& h : index.search(q)) CHECK(h.id != "kb-draft");

    q.filters = {{"statuscode", {"Draft", "Approved"}}};
    CHECK(ids(index.search(q)) == std::vector<std::string>{"kb-draft"});

    q.filters = {{"statuscode", {"Draft"}}, {"product", {"Other"}}};
    CHECK(index.search(q).empty());

    q.filters = {{"language", {"fr"}}};
    q.text = "imprimante ecran";
    for (const SearchHit& h : index.search(q)) CHECK(index.find(h.id)->language == "fr");

    q.filters = {{"nosuchkey", {"x"}}};
    CHECK(index.search(q).empty());
}

TEST_CASE("the agent's language comes first", "[search][language]") {
    SearchIndex index;
    REQUIRE(index.upsert(article("en", "en", "Wifi router reset", "Hold the reset button of the router.")));
    REQUIRE(index.upsert(article("fr", "fr", "Wifi router reset", "Maintenez le bouton reset du router.")));
    CHECK(ids(index.search(query("router reset", "fr")))[0] == "fr");
    CHECK(ids(index.search(query("router reset", "en")))[0] == "en");
}

TEST_CASE("snippets show the matched terms highlighted", "[search][snippets]") {
    SearchIndex index = sample_index();
    const auto hits = index.search(query("spooler cable"));
    REQUIRE_FALSE(hits.empty());
    const SearchHit& hit = hits[0];
    CHECK(hit.id == "kb-printer");
    CHECK(mark_highlights(hit.snippet.text, hit.snippet.highlights) ==
          "When the printer shows offline, restart the print «spooler» and check the «cable».");

    SECTION("title highlights point into the title") {
        const auto h = index.search(query("Écran", "fr"));
        REQUIRE_FALSE(h.empty());
        const SearchDocument* d = index.find(h[0].id);
        REQUIRE(d != nullptr);
        CHECK(mark_highlights(d->title, h[0].title_highlights) == "«Écran» noir au démarrage");
        CHECK(mark_highlights(h[0].snippet.text, h[0].snippet.highlights) ==
              "Si l'«écran» reste noir, vérifiez le câble vidéo et la luminosité des «écrans».");
    }
    SECTION("long texts are cut around the densest cluster of matches") {
        std::string long_text;
        for (int i = 0; i < 60; ++i) long_text += "filler words here. ";
        long_text += "The toner cartridge must be replaced.";
        for (int i = 0; i < 60; ++i) long_text += " more filler text.";
        SearchIndex i;
        REQUIRE(i.upsert(article("long", "en", "Long", long_text)));
        const auto h = i.search(query("toner cartridge"));
        REQUIRE(h.size() == 1);
        const std::string marked = mark_highlights(h[0].snippet.text, h[0].snippet.highlights);
        CHECK(marked.find("«toner» «cartridge»") != std::string::npos);
        CHECK(marked.rfind("\u2026 ", 0) == 0);
        CHECK(h[0].snippet.text.size() < 200);
    }
}

TEST_CASE("stop words alone do not match everything, but a stop-word-only query still works", "[search][stopwords]") {
    SearchIndex index = sample_index();
    const auto hits = index.search(query("the printer"));
    const auto plain = index.search(query("printer"));
    REQUIRE(hits.size() == plain.size());
    for (std::size_t i = 0; i < hits.size(); ++i) CHECK(hits[i].id == plain[i].id);
    CHECK(index.search(query("the")).empty());  // "the" was never indexed in English text
}

TEST_CASE("upsert replaces and remove forgets a document", "[search][incremental]") {
    SearchIndex index = sample_index();
    const std::size_t before = index.size();
    REQUIRE(index.upsert(article("kb-printer", "en", "Scanner jammed", "Open the scanner lid.")));
    CHECK(index.size() == before);
    CHECK(index.search(query("offline spooler")).empty() == false);
    for (const SearchHit& h : index.search(query("spooler"))) CHECK(h.id != "kb-printer");
    CHECK(ids(index.search(query("scanner"))) == std::vector<std::string>{"kb-printer"});

    REQUIRE(index.remove("kb-printer"));
    CHECK(index.size() == before - 1);
    CHECK(index.search(query("scanner")).empty());
    CHECK(index.find("kb-printer") == nullptr);
    auto missing = index.remove("kb-printer");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "not_found");
    CHECK_FALSE(index.upsert(article("", "en", "No id", "x")));
}

TEST_CASE("stats count documents, postings and bytes", "[search][memory]") {
    SearchIndex index = sample_index();
    const SearchIndexStats s = index.stats();
    CHECK(s.documents == 8);
    CHECK(s.postings > 50);
    CHECK(s.postings_bytes >= s.postings * 8);
    CHECK(s.total_bytes() > s.stored_text_bytes);
}
