// Splitting UTF-8 text into folded word tokens with their byte ranges in the original
// text (the ranges drive snippet highlighting). Words are runs of letters and digits
// (see text_fold.hpp); French elisions are split off and dropped (l’écran → écran,
// qu'il → il) and the English "'s" / "n't" tails are dropped. Pure, allocation-light.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casehub {

inline constexpr std::size_t max_token_bytes = 64;  // longer runs (hashes, base64) are skipped

struct TextToken {
    std::string text;        // folded: lower case, no accents
    std::uint32_t begin = 0;  // byte range of the word in the original text
    std::uint32_t end = 0;
};

// Walks a text token by token; reuses the caller's TextToken so a whole document can be
// scanned without allocating per word. The text must outlive the tokenizer.
class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}
    // Fills token with the next word; false when the text is exhausted.
    bool next(TextToken& token);

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// All tokens of a text (convenience for tests and short strings such as queries).
std::vector<TextToken> tokenize(std::string_view text);

// True for folded French elided words that precede an apostrophe: l d j m n s t c qu
// jusqu lorsqu puisqu quoiqu.
bool is_elision(std::string_view folded);

}  // namespace casehub
