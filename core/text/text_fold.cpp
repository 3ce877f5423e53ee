// Case and accent folding; see text_fold.hpp. The Latin table below was generated
// from Unicode decompositions (NFKD without combining marks, lower-cased) with hand
// overrides for letters that do not decompose (æ œ ß ø đ ł þ ð ı ŋ ſ ...).
#include "core/text/text_fold.hpp"

#include <cstddef>

#include "core/text/text_utf8.hpp"

namespace casehub {
namespace {

// ASCII forms of U+00C0..U+024F. nullptr: not a letter (× ÷); "": a letter with no ASCII
// form, kept as it is.
constexpr const char* latin_folds[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",  // U+00C0
    "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C8
    "d", "n", "o", "o", "o", "o", "o", nullptr,  // U+00D0
    "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D8
    "a", "a", "a", "a", "a", "a", "ae", "c",  // U+00E0
    "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E8
    "d", "n", "o", "o", "o", "o", "o", nullptr,  // U+00F0
    "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F8
    "a", "a", "a", "a", "a", "a", "c", "c",  // U+0100
    "c", "c", "c", "c", "c", "c", "d", "d",  // U+0108
    "d", "d", "e", "e", "e", "e", "e", "e",  // U+0110
    "e", "e", "e", "e", "g", "g", "g", "g",  // U+0118
    "g", "g", "g", "g", "h", "h", "h", "h",  // U+0120
    "i", "i", "i", "i", "i", "i", "i", "i",  // U+0128
    "i", "i", "ij", "ij", "j", "j", "k", "k",  // U+0130
    "k", "l", "l", "l", "l", "l", "l", "l",  // U+0138
    "l", "l", "l", "n", "n", "n", "n", "n",  // U+0140
    "n", "n", "n", "n", "o", "o", "o", "o",  // U+0148
    "o", "o", "oe", "oe", "r", "r", "r", "r",  // U+0150
    "r", "r", "s", "s", "s", "s", "s", "s",  // U+0158
    "s", "s", "t", "t", "t", "t", "t", "t",  // U+0160
    "u", "u", "u", "u", "u", "u", "u", "u",  // U+0168
    "u", "u", "u", "u", "w", "w", "y", "y",  // U+0170
    "y", "z", "z", "z", "z", "z", "z", "s",  // U+0178
    "b", "b", "b", "b", "", "", "", "c",  // U+0180
    "c", "", "d", "d", "d", "", "", "",  // U+0188
    "", "f", "f", "g", "", "hv", "", "i",  // U+0190
    "k", "k", "l", "", "", "n", "n", "o",  // U+0198
    "o", "o", "oi", "oi", "p", "p", "", "",  // U+01A0
    "", "", "", "t", "t", "t", "t", "u",  // U+01A8
    "u", "", "v", "y", "y", "z", "z", "",  // U+01B0
    "", "", "", "", "", "", "", "",  // U+01B8
    "", "", "", "", "dz", "dz", "dz", "lj",  // U+01C0
    "lj", "lj", "nj", "nj", "nj", "a", "a", "i",  // U+01C8
    "i", "o", "o", "u", "u", "u", "u", "u",  // U+01D0
    "u", "u", "u", "u", "u", "", "a", "a",  // U+01D8
    "a", "a", "ae", "ae", "g", "g", "g", "g",  // U+01E0
    "k", "k", "o", "o", "o", "o", "", "",  // U+01E8
    "j", "dz", "dz", "dz", "g", "g", "", "",  // U+01F0
    "n", "n", "a", "a", "ae", "ae", "o", "o",  // U+01F8
    "a", "a", "a", "a", "e", "e", "e", "e",  // U+0200
    "i", "i", "i", "i", "o", "o", "o", "o",  // U+0208
    "r", "r", "r", "r", "u", "u", "u", "u",  // U+0210
    "s", "s", "t", "t", "", "", "h", "h",  // U+0218
    "n", "d", "ou", "ou", "z", "z", "a", "a",  // U+0220
    "e", "e", "o", "o", "o", "o", "o", "o",  // U+0228
    "o", "o", "y", "y", "l", "n", "t", "",  // U+0230
    "db", "qp", "a", "c", "c", "l", "t", "s",  // U+0238
    "z", "", "", "b", "u", "", "e", "e",  // U+0240
    "j", "j", "", "q", "r", "r", "y", "y",  // U+0248
};
constexpr char32_t latin_first = 0xC0;
constexpr char32_t latin_last = 0x24F;

const char* ligature_fold(char32_t cp) {
    switch (cp) {
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05: return "st";
        case 0xFB06: return "st";
        default: return nullptr;
    }
}

}  // namespace

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019 || cp == 0x02BC; }

bool is_word_code_point(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
    }
    if (cp < latin_first) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // ª µ º
    if (cp <= latin_last) return latin_folds[cp - latin_first] != nullptr;
    if (cp == 0x02BC) return false;                // modifier apostrophe
    if (cp >= 0x02B0 && cp <= 0x036F) return false;  // spacing modifiers, combining marks
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, boxes
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
    if (cp == 0xFEFF || cp == replacement_character) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
    return true;
}

void append_folded(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp + 32 : cp));
        return;
    }
    if (cp >= latin_first && cp <= latin_last) {
        const char* folded = latin_folds[cp - latin_first];
        if (folded != nullptr && *folded != '\0') {
            out += folded;
            return;
        }
    } else if (const char* lig = ligature_fold(cp)) {
        out += lig;
        return;
    } else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
        cp += 0x20;  // Greek capitals
    } else if (cp >= 0x410 && cp <= 0x42F) {
        cp += 0x20;  // Cyrillic capitals А..Я
    } else if (cp >= 0x400 && cp <= 0x40F) {
        cp += 0x50;  // Cyrillic capitals Ѐ..Џ
    }
    append_utf8(cp, out);
}

std::string fold_text(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_utf8(utf8, pos);
        if (is_word_code_point(cp)) {
            append_folded(cp, out);
        } else {
            out.append(utf8.substr(start, pos - start));
        }
    }
    return out;
}

}  // namespace casehub
