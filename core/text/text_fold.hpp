// Case and accent folding of Unicode text for search: "Écran", "ecran" and "ÉCRAN" all
// fold to "ecran"; ç = c, œ = oe, æ = ae, ß = ss, ﬁ = fi. Covers ASCII, Latin-1 Supplement,
// Latin Extended-A/B, the Latin ligatures, and lower-cases Greek and Cyrillic. Pure.
#pragma once
#include <string>
#include <string_view>

namespace casehub {

// True for code points that belong inside a word: letters and digits of the covered
// scripts (and letters of other scripts, kept unfolded). Punctuation, symbols, spaces
// and the apostrophes are not word characters.
bool is_word_code_point(char32_t cp);

// True for the apostrophes that mark French elision (l'écran, l’écran, lʼécran).
bool is_apostrophe(char32_t cp);

// Appends the folded form of one word character to out (lower case, no accents).
void append_folded(char32_t cp, std::string& out);

// The folded form of a whole UTF-8 string; characters that are not word characters
// are copied unchanged (so "Mise à jour" gives "mise a jour").
std::string fold_text(std::string_view utf8);

}  // namespace casehub
