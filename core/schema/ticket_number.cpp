// Ticket number formatting and shape check (see ticket_number.hpp).
#include "core/schema/ticket_number.hpp"

#include <cstdio>

namespace casehub {

namespace {
bool is_suffix_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

std::string make_ticket_number(std::uint64_t number, std::string_view suffix) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%05llu", static_cast<unsigned long long>(number));
    std::string out = "CAS-";
    out += digits;
    out += '-';
    for (char c : suffix) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        if (is_suffix_char(c)) out += c;
    }
    return out;
}

std::string make_ticket_suffix(std::uint64_t random_bits) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string out(6, 'A');
    for (auto& c : out) {
        c = alphabet[random_bits % 36];
        random_bits /= 36;
    }
    return out;
}

bool is_ticket_number(std::string_view t) {
    if (t.size() < 4 || t.substr(0, 4) != "CAS-") return false;
    std::size_t i = 4, digits = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') { ++i; ++digits; }
    if (digits < 5 || i >= t.size() || t[i] != '-') return false;
    const std::size_t suffix = t.size() - i - 1;
    if (suffix < 4 || suffix > 6) return false;
    for (++i; i < t.size(); ++i)
        if (!is_suffix_char(t[i])) return false;
    return true;
}

}  // namespace casehub
