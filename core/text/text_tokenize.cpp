// Word tokenising; see text_tokenize.hpp.
#include "core/text/text_tokenize.hpp"

#include "core/text/text_fold.hpp"
#include "core/text/text_utf8.hpp"

namespace casehub {

bool is_elision(std::string_view w) {
    if (w.size() == 1) {
        switch (w[0]) {
            case 'l': case 'd': case 'j': case 'm': case 'n': case 's': case 't': case 'c':
                return true;
            default:
                return false;
        }
    }
    return w == "qu" || w == "jusqu" || w == "lorsqu" || w == "puisqu" || w == "quoiqu";
}

bool Tokenizer::next(TextToken& token) {
    for (;;) {
        // Skip separators, remembering whether the word follows "letter + apostrophe".
        bool after_apostrophe = false;
        bool prev_word = pos_ > 0;  // only meaningful when we skip at least one char
        std::size_t start = pos_;
        char32_t cp = 0;
        for (;;) {
            if (pos_ >= text_.size()) return false;
            start = pos_;
            cp = decode_utf8(text_, pos_);
            if (is_word_code_point(cp)) break;
            after_apostrophe = is_apostrophe(cp) && prev_word;
            prev_word = false;
        }
        token.text.clear();
        token.begin = static_cast<std::uint32_t>(start);
        append_folded(cp, token.text);
        std::size_t end = pos_;
        while (pos_ < text_.size()) {
            std::size_t look = pos_;
            cp = decode_utf8(text_, look);
            if (!is_word_code_point(cp)) break;
            append_folded(cp, token.text);
            pos_ = look;
            end = look;
        }
        token.end = static_cast<std::uint32_t>(end);
        // An elided article or pronoun right before an apostrophe and a letter: drop it.
        if (pos_ < text_.size()) {
            std::size_t look = pos_;
            const char32_t after = decode_utf8(text_, look);
            if (is_apostrophe(after) && look < text_.size()) {
                std::size_t look2 = look;
                if (is_word_code_point(decode_utf8(text_, look2)) && is_elision(token.text)) continue;
            }
        }
        if (after_apostrophe && (token.text == "s" || token.text == "t")) continue;
        if (token.text.size() > max_token_bytes) continue;
        return true;
    }
}

std::vector<TextToken> tokenize(std::string_view text) {
    std::vector<TextToken> out;
    Tokenizer tokenizer(text);
    TextToken token;
    while (tokenizer.next(token)) out.push_back(token);
    return out;
}

}  // namespace casehub
