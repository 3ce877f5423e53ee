// UTF-8 decoding and encoding for the text pipeline (tokenising, folding, snippets).
// Invalid bytes decode to U+FFFD one byte at a time, so any input is safe to scan and
// offsets always land on the byte where a code point starts. Pure, no locale.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace casehub {

inline constexpr char32_t replacement_character = 0xFFFD;

// The code point starting at text[pos]; advances pos past it (always by at least one
// byte). Overlong forms, surrogates and truncated sequences give U+FFFD.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of cp (U+FFFD for values that are not scalar values).
void append_utf8(char32_t cp, std::string& out);

}  // namespace casehub
