// UUIDs for records and mutations. The core never draws randomness itself: the
// caller passes 128 random bits (crypto.getRandomValues in the browser, libsodium
// on the server, a seeded engine in tests and demo data).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace casehub {

// A version-4 UUID ("8-4-4-4-12" lowercase hex) from 128 random bits.
inline std::string make_uuid_v4(std::uint64_t hi, std::uint64_t lo) {
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                  static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return buf;
}

// True for the 36-character "8-4-4-4-12" hex form (any version).
inline bool is_uuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

}  // namespace casehub
