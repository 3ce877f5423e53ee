// Language codes for search; see search_language.hpp.
#include "core/search/search_language.hpp"

namespace casehub {

SearchLanguage parse_search_language(std::string_view code) {
    if (code.size() < 2 || (code.size() > 2 && code[2] != '-' && code[2] != '_')) return SearchLanguage::other;
    const auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    const char a = lower(code[0]);
    const char b = lower(code[1]);
    if (a == 'e' && b == 'n') return SearchLanguage::en;
    if (a == 'f' && b == 'r') return SearchLanguage::fr;
    if ((a == 'i' && b == 'd') || (a == 'i' && b == 'n')) return SearchLanguage::id;  // "in" is the old code
    return SearchLanguage::other;
}

std::string_view search_language_code(SearchLanguage language) {
    switch (language) {
        case SearchLanguage::en: return "en";
        case SearchLanguage::fr: return "fr";
        case SearchLanguage::id: return "id";
        case SearchLanguage::other: break;
    }
    return "";
}

}  // namespace casehub
