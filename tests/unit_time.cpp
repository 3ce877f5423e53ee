// UTC time behaviours: ISO-8601 formatting and parsing round trips, the accepted and
// refused shapes, and the civil-date conversions they rest on.
#include <catch2/catch.hpp>

#include "core/base/time.hpp"

using namespace casehub;

TEST_CASE("UTC timestamps format as ISO-8601 and parse back", "[time]") {
    CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
    const TimestampMs t = *parse_utc("2026-11-24T09:37:38Z");
    CHECK(format_utc(t) == "2026-11-24T09:37:38Z");
    CHECK(format_utc(t + 250) == "2026-11-24T09:37:38.250Z");
    CHECK(*parse_utc("2026-11-24T09:37:38.250Z") == t + 250);
    CHECK(*parse_utc("2026-11-24T09:37:38.25Z") == t + 250);
    CHECK(*parse_utc("2026-11-24T09:37:38+00:00") == t);
    CHECK(*parse_utc("2026-11-24T09:37Z") == t - 38000);
    CHECK(*parse_utc("2026-11-24") == t - (9 * 3600 + 37 * 60 + 38) * 1000LL);
    CHECK(format_utc(-1) == "1969-12-31T23:59:59.999Z");

    SECTION("every millisecond over leap days round-trips") {
        for (TimestampMs ms = *parse_utc("2024-02-28T23:59:59Z"); ms < *parse_utc("2024-03-01T00:00:01Z"); ms += 3600017)
            CHECK(*parse_utc(format_utc(ms)) == ms);
    }
}

TEST_CASE("malformed timestamps are refused, not guessed", "[time]") {
    for (const char* bad : {"", "2026-13-01", "2026-11-32", "24/11/2026", "2026-11-24T25:00:00Z",
                            "2026-11-24T09:37:38+02:00", "2026-11-24T09:37:38.Z", "2026-11-24X09:37"}) {
        INFO(bad);
        CHECK_FALSE(parse_utc(bad).has_value());
    }
}

TEST_CASE("civil dates convert to day numbers and back", "[time]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    int y;
    unsigned m, d;
    for (std::int64_t day = -800000; day < 800000; day += 997) {
        civil_from_days(day, y, m, d);
        REQUIRE(days_from_civil(y, m, d) == day);
    }
    civil_from_days(days_from_civil(2024, 2, 29), y, m, d);
    CHECK((y == 2024 && m == 2 && d == 29));
}
