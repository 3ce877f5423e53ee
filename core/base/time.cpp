// ISO-8601 UTC formatting and parsing without <chrono> calendar support (absent
// from the wasm toolchain's libc++). Howard Hinnant's civil-date algorithms.
#include "core/base/time.hpp"

#include <cstdio>

namespace casehub {

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::string format_utc(TimestampMs ms) {
    std::int64_t days = ms / 86400000;
    std::int64_t rem = ms % 86400000;
    if (rem < 0) { rem += 86400000; --days; }
    int y; unsigned mo, d;
    civil_from_days(days, y, mo, d);
    const int h = static_cast<int>(rem / 3600000), mi = static_cast<int>(rem / 60000 % 60),
              s = static_cast<int>(rem / 1000 % 60), milli = static_cast<int>(rem % 1000);
    char buf[40];
    if (milli)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi, s, milli);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
    return buf;
}

namespace {
bool read_int(std::string_view t, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > t.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return false;
        out = out * 10 + (t[i] - '0');
    }
    return true;
}
}  // namespace

std::optional<TimestampMs> parse_utc(std::string_view t) {
    int y, mo, d, h = 0, mi = 0, s = 0, milli = 0;
    if (!read_int(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !read_int(t, 5, 2, mo) || t[7] != '-' ||
        !read_int(t, 8, 2, d))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    std::size_t pos = 10;
    if (pos < t.size()) {
        if (t[pos] != 'T' && t[pos] != ' ') return std::nullopt;
        if (!read_int(t, pos + 1, 2, h) || t.size() < pos + 6 || t[pos + 3] != ':' || !read_int(t, pos + 4, 2, mi))
            return std::nullopt;
        pos += 6;
        if (pos < t.size() && t[pos] == ':') {
            if (!read_int(t, pos + 1, 2, s)) return std::nullopt;
            pos += 3;
            if (pos < t.size() && t[pos] == '.') {
                ++pos;
                int digits = 0;
                while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
                    if (digits < 3) milli = milli * 10 + (t[pos] - '0');
                    ++digits; ++pos;
                }
                if (digits == 0) return std::nullopt;
                for (; digits < 3; ++digits) milli *= 10;
            }
        }
        const std::string_view zone = t.substr(pos);
        if (zone != "Z" && zone != "+00:00" && !zone.empty()) return std::nullopt;
        if (h > 23 || mi > 59 || s > 60) return std::nullopt;
    }
    const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    return days * 86400000 + h * 3600000LL + mi * 60000LL + s * 1000LL + milli;
}

}  // namespace casehub
