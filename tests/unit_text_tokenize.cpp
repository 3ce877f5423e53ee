// Tokenising and folding: UTF-8 decoding, case and accent folding, French elision,
// byte ranges that point back into the original text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text/text_fold.hpp"
#include "core/text/text_tokenize.hpp"
#include "core/text/text_utf8.hpp"

using namespace casehub;

namespace {
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const TextToken& t : tokenize(text)) out.push_back(t.text);
    return out;
}
}  // namespace

TEST_CASE("folding removes case and accents across Latin scripts", "[text]") {
    CHECK(fold_text("Écran ÉCRAN écran") == "ecran ecran ecran");
    CHECK(fold_text("ça garçon") == "ca garcon");
    CHECK(fold_text("cœur Œuvre æther") == "coeur oeuvre aether");
    CHECK(fold_text("Straße") == "strasse");
    CHECK(fold_text("Łódź Dvořák Ångström") == "lodz dvorak angstrom");
    CHECK(fold_text("Ș ț ğ ı") == "s t g i");
    CHECK(fold_text("ﬁchier") == "fichier");
    SECTION("non-letters are kept as they are") { CHECK(fold_text("a × b ÷ c – d") == "a × b ÷ c – d"); }
    SECTION("Greek and Cyrillic are lower-cased") { CHECK(fold_text("ΑΒΓ Привет") == "αβγ привет"); }
}

TEST_CASE("tokens are folded words with byte ranges into the original text", "[text]") {
    const std::string text = "Réinitialiser l’imprimante (HP-4050)!";
    const std::vector<TextToken> tokens = tokenize(text);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].text == "reinitialiser");
    CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Réinitialiser");
    CHECK(tokens[1].text == "imprimante");
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "imprimante");
    CHECK(tokens[2].text == "hp");
    CHECK(tokens[3].text == "4050");
}

TEST_CASE("French elisions are split off and dropped", "[text]") {
    CHECK(words("l'écran d'accueil") == std::vector<std::string>{"ecran", "accueil"});
    CHECK(words("qu’il jusqu'au lorsqu'on") == std::vector<std::string>{"il", "au", "on"});
    CHECK(words("c'est l\u02BCheure") == std::vector<std::string>{"est", "heure"});
    SECTION("a lone quote is only a separator") { CHECK(words("'quoted' l'") == std::vector<std::string>{"quoted", "l"}); }
    SECTION("English possessives and negations lose their tail") {
        CHECK(words("the user's printer doesn't print") ==
              std::vector<std::string>{"the", "user", "printer", "doesn", "print"});
    }
}

TEST_CASE("separators are punctuation, symbols and spaces, and underscores split words", "[text]") {
    CHECK(words("O_CREAT|O_EXCL, foo.bar/baz") == std::vector<std::string>{"o", "creat", "o", "excl", "foo", "bar", "baz"});
    CHECK(words("«guillemets» — tiret…") == std::vector<std::string>{"guillemets", "tiret"});
    CHECK(words("").empty());
    CHECK(words("  \n\t ").empty());
}

TEST_CASE("invalid UTF-8 never breaks tokenising", "[text]") {
    const std::string bad = std::string("ab\xC3") + "\xFF" + "cd\xE2\x82" + "ef";
    const std::vector<std::string> w = words(bad);
    CHECK(w == std::vector<std::string>{"ab", "cd", "ef"});
    std::size_t pos = 0;
    const std::string overlong = "\xC0\xAF";
    CHECK(decode_utf8(overlong, pos) == replacement_character);
    SECTION("round trip of every plane") {
        for (char32_t cp : {U'a', U'é', U'€', U'𝄞'}) {
            std::string s;
            append_utf8(cp, s);
            std::size_t at = 0;
            CHECK(decode_utf8(s, at) == cp);
            CHECK(at == s.size());
        }
    }
}

TEST_CASE("tokens longer than the limit are skipped", "[text]") {
    const std::string huge(max_token_bytes + 1, 'x');
    CHECK(words("short " + huge + " end") == std::vector<std::string>{"short", "end"});
}
