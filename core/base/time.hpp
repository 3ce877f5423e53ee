// UTC time as the core sees it: milliseconds since the Unix epoch, passed in by
// the caller (the core never reads a clock), and its ISO-8601 text form
// "2026-11-24T09:37:38Z" / "2026-11-24T09:37:38.250Z" as stored in datetime attributes.
// Clocks are for display and SLA arithmetic, never for ordering sync.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casehub {

using TimestampMs = std::int64_t;

// "YYYY-MM-DDTHH:MM:SSZ", with ".mmm" only when the milliseconds are not zero.
std::string format_utc(TimestampMs ms);

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]Z" (or "+00:00"). nullopt when malformed.
std::optional<TimestampMs> parse_utc(std::string_view text);

// Days since 1970-01-01 for a civil date, and back (proleptic Gregorian, UTC).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);

}  // namespace casehub
