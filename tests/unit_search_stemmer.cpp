// Per-language analysis: stop words and light stemming for English, French and
// Indonesian. Each pair lists forms that must meet and forms that must stay apart.
#include <catch2/catch.hpp>

#include "core/search/search_language.hpp"
#include "core/search/search_stemmer.hpp"
#include "core/search/search_stopwords.hpp"

using namespace casehub;

TEST_CASE("language codes parse with regions and case", "[search][language]") {
    CHECK(parse_search_language("fr") == SearchLanguage::fr);
    CHECK(parse_search_language("fr-FR") == SearchLanguage::fr);
    CHECK(parse_search_language("EN_us") == SearchLanguage::en);
    CHECK(parse_search_language("id") == SearchLanguage::id);
    CHECK(parse_search_language("de") == SearchLanguage::other);
    CHECK(parse_search_language("") == SearchLanguage::other);
    CHECK(parse_search_language("french") == SearchLanguage::other);
}

TEST_CASE("stop words are per language and folded", "[search][stopwords]") {
    CHECK(is_stop_word(SearchLanguage::en, "the"));
    CHECK(is_stop_word(SearchLanguage::fr, "etre"));  // être, folded
    CHECK(is_stop_word(SearchLanguage::fr, "les"));
    CHECK(is_stop_word(SearchLanguage::id, "yang"));
    CHECK(is_stop_word(SearchLanguage::id, "dengan"));
    CHECK_FALSE(is_stop_word(SearchLanguage::en, "printer"));
    CHECK_FALSE(is_stop_word(SearchLanguage::fr, "the"));
    CHECK_FALSE(is_stop_word(SearchLanguage::other, "the"));
}

TEST_CASE("English light stemming merges plurals and -ed/-ing forms", "[search][stemmer]") {
    const auto en = [](const char* w) { return stem_word(SearchLanguage::en, w); };
    CHECK(en("printers") == en("printer"));
    CHECK(en("prints") == "print");
    CHECK(en("printed") == "print");
    CHECK(en("printing") == "print");
    CHECK(en("configured") == en("configure"));
    CHECK(en("configuring") == en("configure"));
    CHECK(en("libraries") == en("library"));
    CHECK(en("processes") == en("process"));
    CHECK(en("files") == en("file"));
    CHECK(en("running") == "run");
    CHECK(en("created") == en("create"));
    SECTION("short words, -ss and -us endings stay") {
        CHECK(en("bus") == "bus");
        CHECK(en("status") == "status");
        CHECK(en("class") == "class");
        CHECK(en("is") == "is");
    }
    SECTION("words with digits are left alone") { CHECK(en("utf8s") == "utf8s"); }
}

TEST_CASE("French light stemming merges gender, number and common verb forms", "[search][stemmer]") {
    const auto fr = [](const char* w) { return stem_word(SearchLanguage::fr, w); };
    CHECK(fr("imprimantes") == fr("imprimante"));
    CHECK(fr("journaux") == fr("journal"));
    CHECK(fr("configurer") == fr("configuree"));   // configurée
    CHECK(fr("configurees") == fr("configure"));   // configurées / configuré
    CHECK(fr("configuration") == fr("configurer"));
    CHECK(fr("rapidement") == fr("rapide"));
    CHECK(fr("fichiers") == fr("fichier"));
    CHECK(fr("premiere") == fr("premier"));
    CHECK(fr("active") == fr("actif"));
    CHECK(fr("professionnelle") == fr("professionnel"));
    CHECK(fr("ordinateur") == fr("ordinateurs"));
    SECTION("short words stay") {
        CHECK(fr("mes") == "mes");
        CHECK(fr("ete") == "ete");
    }
    SECTION("unrelated words stay apart") { CHECK(fr("imprimante") != fr("importer")); }
}

TEST_CASE("Indonesian stemming removes particles, possessives and affixes", "[search][stemmer]") {
    const auto id = [](const char* w) { return stem_word(SearchLanguage::id, w); };
    CHECK(id("printernya") == "printer");
    CHECK(id("bukalah") == "buka");
    CHECK(id("menggunakan") == "guna");
    CHECK(id("digunakan") == "guna");
    CHECK(id("penggunaan") == "guna");
    CHECK(id("pengaturan") == "atur");
    CHECK(id("mengatur") == "atur");
    CHECK(id("diatur") == "atur");
    CHECK(id("menyimpan") == "simpan");
    CHECK(id("memakai") == "pakai");
    CHECK(id("menulis") == "tulis");
    CHECK(id("pembayaran") == "bayar");
    CHECK(id("membayar") == "bayar");
    CHECK(id("memperbarui") == "baru");
    CHECK(id("perjalanan") == "jalan");
    CHECK(id("berjalan") == "jalan");
    SECTION("two-syllable roots are never cut") {
        CHECK(id("beli") == "beli");
        CHECK(id("meja") == "meja");
        CHECK(id("tinggi") == "tinggi");
    }
    SECTION("me- is only a prefix before the letters it can precede") { CHECK(id("media") == "media"); }
}
