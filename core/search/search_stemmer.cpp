// Light stemmers for English, French and Indonesian; see search_stemmer.hpp.
#include "core/search/search_stemmer.hpp"

#include <cstddef>

namespace casehub {
namespace {

bool ends_with(const std::string& w, std::string_view suffix) {
    return w.size() >= suffix.size() && std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}
bool starts_with(const std::string& w, std::string_view prefix) {
    return w.size() >= prefix.size() && std::string_view(w).substr(0, prefix.size()) == prefix;
}
bool is_plain_word(const std::string& w) {
    for (char c : w)
        if (c < 'a' || c > 'z') return false;
    return true;
}
bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// ---- English: Porter's consonant/vowel measure on w[0, len) ----
bool is_consonant(const std::string& w, std::size_t i) {
    const char c = w[i];
    if (is_vowel_letter(c)) return false;
    if (c == 'y') return i == 0 || !is_consonant(w, i - 1);
    return true;
}
int measure(const std::string& w, std::size_t len) {  // number of VC sequences
    int m = 0;
    std::size_t i = 0;
    while (i < len && is_consonant(w, i)) ++i;
    while (i < len) {
        while (i < len && !is_consonant(w, i)) ++i;
        if (i >= len) break;
        while (i < len && is_consonant(w, i)) ++i;
        ++m;
    }
    return m;
}
bool has_vowel(const std::string& w, std::size_t len) {
    for (std::size_t i = 0; i < len; ++i)
        if (!is_consonant(w, i)) return true;
    return false;
}
bool ends_cvc(const std::string& w, std::size_t len) {  // consonant-vowel-consonant, last not w/x/y
    if (len < 3) return false;
    const char last = w[len - 1];
    return is_consonant(w, len - 3) && !is_consonant(w, len - 2) && is_consonant(w, len - 1) &&
           last != 'w' && last != 'x' && last != 'y';
}

void stem_english(std::string& w) {
    if (w.size() <= 3) return;
    // Step 1a: plurals.
    if (ends_with(w, "sses")) {
        w.resize(w.size() - 2);
    } else if (ends_with(w, "ies") && w.size() > 4) {
        w.resize(w.size() - 3);
        w += 'y';
    } else if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) {
        w.pop_back();
    }
    // Step 1b: -eed, -ed, -ing.
    bool trimmed = false;
    if (ends_with(w, "eed")) {
        if (measure(w, w.size() - 3) > 0) w.pop_back();
    } else if (ends_with(w, "ed") && has_vowel(w, w.size() - 2) && w.size() > 4) {
        w.resize(w.size() - 2);
        trimmed = true;
    } else if (ends_with(w, "ing") && has_vowel(w, w.size() - 3) && w.size() > 5) {
        w.resize(w.size() - 3);
        trimmed = true;
    }
    if (trimmed) {
        const std::size_t n = w.size();
        if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) {
            w += 'e';
        } else if (n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1) && w[n - 1] != 'l' &&
                   w[n - 1] != 's' && w[n - 1] != 'z') {
            w.pop_back();
        } else if (measure(w, n) == 1 && ends_cvc(w, n)) {
            w += 'e';
        }
    }
    // Step 5: final -e and -ll.
    if (w.size() > 3 && w.back() == 'e') {
        const std::size_t n = w.size() - 1;
        const int m = measure(w, n);
        if (m > 1 || (m == 1 && !ends_cvc(w, n))) w.pop_back();
    }
    if (w.size() > 3 && ends_with(w, "ll") && measure(w, w.size()) > 1) w.pop_back();
}

// ---- French ----
// Replaces suffix by replacement when at least min_stem letters stay in front of it.
bool replace_suffix(std::string& w, std::string_view suffix, std::string_view replacement, std::size_t min_stem) {
    if (!ends_with(w, suffix) || w.size() - suffix.size() < min_stem) return false;
    w.resize(w.size() - suffix.size());
    w += replacement;
    return true;
}

void stem_french(std::string& w) {
    if (w.size() <= 3) return;
    // Plurals: -aux → -al (journaux → journal), then final -x / -s.
    if (w.size() > 5 && ends_with(w, "aux")) {
        w.resize(w.size() - 1);
        w.back() = 'l';
    } else if (w.back() == 'x' || (w.back() == 's' && !ends_with(w, "ss"))) {
        w.pop_back();
    }
    // Derivational and inflectional endings, longest first; the first that applies wins.
    (void)(replace_suffix(w, "issement", "", 4) || replace_suffix(w, "ement", "", 4) ||
        replace_suffix(w, "atrice", "", 3) || replace_suffix(w, "ateur", "", 3) ||
        replace_suffix(w, "ation", "", 3) || replace_suffix(w, "aient", "", 3) ||
        replace_suffix(w, "euse", "eu", 3) || replace_suffix(w, "iere", "i", 3) ||
        replace_suffix(w, "ive", "if", 3) || replace_suffix(w, "ite", "", 3) ||
        replace_suffix(w, "ait", "", 3) || replace_suffix(w, "ee", "", 3) ||
        replace_suffix(w, "er", "", 3) || replace_suffix(w, "ez", "", 3) || replace_suffix(w, "e", "", 3));
    // professionnelle → professionnel: a doubled final consonant is one.
    const std::size_t n = w.size();
    if (n > 4 && w[n - 1] == w[n - 2] && !is_vowel_letter(w[n - 1])) w.pop_back();
}

// ---- Indonesian ----
int syllables(std::string_view w) {
    int n = 0;
    for (char c : w)
        if (is_vowel_letter(c)) ++n;
    return n;
}
bool cut_suffix_id(std::string& w, std::string_view suffix) {
    if (!ends_with(w, suffix)) return false;
    if (syllables(std::string_view(w).substr(0, w.size() - suffix.size())) < 2) return false;
    w.resize(w.size() - suffix.size());
    return true;
}
// Removes prefix when the next letter is one of allowed ("V" stands for any vowel) and
// puts replacement in front of the rest; keeps at least two syllables.
bool cut_prefix_id(std::string& w, std::string_view prefix, std::string_view allowed, std::string_view replacement) {
    if (!starts_with(w, prefix) || w.size() <= prefix.size()) return false;
    const char next = w[prefix.size()];
    const bool ok = allowed.empty() || allowed.find(next) != std::string_view::npos ||
                    (allowed.find('V') != std::string_view::npos && is_vowel_letter(next));
    if (!ok) return false;
    std::string rest = std::string(replacement) + w.substr(prefix.size());
    if (syllables(rest) < 2 || rest.size() < 3) return false;
    w = std::move(rest);
    return true;
}

void stem_indonesian(std::string& w) {
    if (syllables(w) <= 2) return;
    (void)(cut_suffix_id(w, "kah") || cut_suffix_id(w, "lah") || cut_suffix_id(w, "tah") || cut_suffix_id(w, "pun"));
    if (syllables(w) > 2) (void)(cut_suffix_id(w, "nya") || cut_suffix_id(w, "ku") || cut_suffix_id(w, "mu"));
    // First-order prefixes: me-/pe- with their nasal forms, di-, ter-, ke-.
    const bool first = cut_prefix_id(w, "meny", "V", "s") || cut_prefix_id(w, "meng", "Vghk", "") ||
                       cut_prefix_id(w, "mem", "bfpv", "") || cut_prefix_id(w, "mem", "V", "p") ||
                       cut_prefix_id(w, "men", "cdjtz", "") || cut_prefix_id(w, "men", "V", "t") ||
                       cut_prefix_id(w, "me", "lmnrwy", "") || cut_prefix_id(w, "peny", "V", "s") ||
                       cut_prefix_id(w, "peng", "Vghk", "") || cut_prefix_id(w, "pem", "bfpv", "") ||
                       cut_prefix_id(w, "pem", "V", "p") || cut_prefix_id(w, "pen", "cdjtz", "") ||
                       cut_prefix_id(w, "pen", "V", "t") || cut_prefix_id(w, "di", "", "") ||
                       cut_prefix_id(w, "ter", "", "") || cut_prefix_id(w, "ke", "", "");
    (void)first;
    // Second-order prefixes (memperbarui → perbarui → barui).
    (void)(cut_prefix_id(w, "ber", "", "") || cut_prefix_id(w, "per", "", ""));
    // Derivational suffixes.
    // -i after "a" is nearly always part of the root (pakai, sampai, selesai), not a suffix.
    if (syllables(w) > 2) {
        (void)(cut_suffix_id(w, "kan") || cut_suffix_id(w, "an") || (!ends_with(w, "ai") && cut_suffix_id(w, "i")));
    }
}

}  // namespace

void stem_in_place(SearchLanguage language, std::string& folded) {
    if (language == SearchLanguage::other || !is_plain_word(folded)) return;
    switch (language) {
        case SearchLanguage::en: stem_english(folded); break;
        case SearchLanguage::fr: stem_french(folded); break;
        case SearchLanguage::id: stem_indonesian(folded); break;
        case SearchLanguage::other: break;
    }
}

std::string stem_word(SearchLanguage language, std::string_view folded) {
    std::string w(folded);
    stem_in_place(language, w);
    return w;
}

}  // namespace casehub
