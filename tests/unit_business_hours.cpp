// Business-hours arithmetic: deadlines across weekends, holidays, split shifts and time
// zone offsets, and the property that measuring what was added gives it back.
#include <catch2/catch.hpp>

#include <random>

#include "core/business_hours.hpp"

using namespace casehub;

namespace {

TimestampMs at(const char* text) { return *parse_utc(text); }

// Monday to Friday, 09:00-17:00 in the calendar's local time.
BusinessCalendar office_hours(int offset_minutes = 0) {
    BusinessCalendar c;
    c.name = "Office";
    c.utc_offset_minutes = offset_minutes;
    for (int d = 1; d <= 5; ++d) c.week[static_cast<std::size_t>(d)] = {WorkPeriod{9 * 60, 17 * 60}};
    return c;
}

Holiday holiday(const char* name, const char* first, const char* last) {
    return Holiday{name, at(first) / 86400000, at(last) / 86400000};
}

}  // namespace

TEST_CASE("a deadline that runs past Friday evening continues on Monday morning", "[business_hours][sla]") {
    const BusinessCalendar c = office_hours();
    // 2026-11-27 is a Friday.
    CHECK(format_utc(*add_business_minutes(c, at("2026-11-27T16:00:00Z"), 120)) == "2026-11-30T10:00:00Z");
    CHECK(format_utc(*add_business_minutes(c, at("2026-11-27T16:00:00Z"), 60)) == "2026-11-27T17:00:00Z");
    // Started on Saturday: the clock starts on Monday at opening time.
    CHECK(format_utc(*add_business_minutes(c, at("2026-11-28T10:00:00Z"), 15)) == "2026-11-30T09:15:00Z");
    CHECK(business_minutes_between(c, at("2026-11-27T16:00:00Z"), at("2026-11-30T10:00:00Z")) == 120);
    CHECK(business_minutes_between(c, at("2026-11-28T00:00:00Z"), at("2026-11-29T23:59:00Z")) == 0);
}

TEST_CASE("the calendar's UTC offset places its opening hours", "[business_hours][sla]") {
    // Paris in winter (UTC+1): 09:00-17:00 local is 08:00-16:00 UTC.
    const BusinessCalendar paris = office_hours(60);
    CHECK(format_utc(*add_business_minutes(paris, at("2026-11-27T15:00:00Z"), 120)) == "2026-11-30T09:00:00Z");
    CHECK(is_business_time(paris, at("2026-11-30T08:00:00Z")));
    CHECK_FALSE(is_business_time(paris, at("2026-11-30T07:59:00Z")));
    // Jakarta (UTC+7): Monday 09:00 local is Monday 02:00 UTC.
    const BusinessCalendar jakarta = office_hours(7 * 60);
    CHECK(format_utc(*add_business_minutes(jakarta, at("2026-11-29T20:00:00Z"), 30)) == "2026-11-30T02:30:00Z");
}

TEST_CASE("holidays, single days or ranges, are skipped", "[business_hours][sla]") {
    BusinessCalendar c = office_hours();
    c.holidays.push_back(holiday("Noël", "2026-12-25", "2026-12-25"));
    // Thursday 24 December 16:00 + 2 h: 1 h on Thursday, Friday is Christmas, 1 h on Monday.
    CHECK(format_utc(*add_business_minutes(c, at("2026-12-24T16:00:00Z"), 120)) == "2026-12-28T10:00:00Z");
    CHECK(c.is_holiday(at("2026-12-25") / 86400000));
    c.holidays = {holiday("Fermeture annuelle", "2026-12-24", "2026-12-31")};
    CHECK(format_utc(*add_business_minutes(c, at("2026-12-23T16:00:00Z"), 120)) == "2027-01-01T10:00:00Z");
    CHECK(business_minutes_between(c, at("2026-12-23T16:00:00Z"), at("2027-01-01T10:00:00Z")) == 120);
}

TEST_CASE("split shifts leave the lunch break out", "[business_hours][sla]") {
    BusinessCalendar c;
    for (int d = 1; d <= 5; ++d)
        c.week[static_cast<std::size_t>(d)] = {WorkPeriod{8 * 60, 12 * 60}, WorkPeriod{14 * 60, 18 * 60}};
    CHECK(format_utc(*add_business_minutes(c, at("2026-11-30T11:00:00Z"), 120)) == "2026-11-30T15:00:00Z");
    CHECK(format_utc(*add_business_minutes(c, at("2026-11-30T12:30:00Z"), 30)) == "2026-11-30T14:30:00Z");
    CHECK(business_minutes_between(c, at("2026-11-30T11:00:00Z"), at("2026-11-30T15:00:00Z")) == 120);
    CHECK(business_minutes_between(c, at("2026-11-30T15:00:00Z"), at("2026-11-30T11:00:00Z")) == -120);
}

TEST_CASE("a calendar without working time has no deadline; 24x7 is plain addition", "[business_hours][sla]") {
    BusinessCalendar closed;
    CHECK_FALSE(add_business_minutes(closed, at("2026-11-30T11:00:00Z"), 1).has_value());
    CHECK(*add_business_minutes(closed, at("2026-11-30T11:00:00Z"), 0) == at("2026-11-30T11:00:00Z"));
    const BusinessCalendar always = make_24x7_calendar();
    CHECK(*add_business_minutes(always, at("2026-11-28T23:30:00Z"), 60) == at("2026-11-29T00:30:00Z"));
}

TEST_CASE("adding N business minutes and measuring back gives N, for any calendar and start", "[business_hours][sla]") {
    std::mt19937_64 rng(20261129);
    for (int round = 0; round < 300; ++round) {
        BusinessCalendar c;
        c.utc_offset_minutes = static_cast<int>(rng() % 1681) - 840;
        bool any = false;
        for (auto& day : c.week) {
            if (rng() % 4 == 0) continue;  // some days closed
            int start = static_cast<int>(rng() % 600);
            while (start < 1440 && rng() % 3 != 0) {
                const int end = std::min(1440, start + 1 + static_cast<int>(rng() % 300));
                day.push_back(WorkPeriod{start, end});
                any = true;
                start = end + 1 + static_cast<int>(rng() % 120);
            }
        }
        if (!any) c.week[1] = {WorkPeriod{540, 1020}};
        if (rng() % 2) {
            const std::int64_t first = at("2026-01-01") / 86400000 + static_cast<std::int64_t>(rng() % 365);
            c.holidays.push_back(Holiday{"h", first, first + static_cast<std::int64_t>(rng() % 10)});
        }
        const TimestampMs start = at("2026-01-01T00:00:00Z") + static_cast<TimestampMs>(rng() % (365ULL * 86400000ULL));
        const std::int64_t n = static_cast<std::int64_t>(rng() % 6000);
        INFO("round " << round << " start " << format_utc(start) << " n " << n);
        const auto end = add_business_minutes(c, start, n);
        REQUIRE(end.has_value());
        CHECK(business_ms_between(c, start, *end) == n * 60000);
        CHECK(business_minutes_between(c, start, *end) == n);
        const auto later = add_business_minutes(c, start, n + 1);
        REQUIRE(later.has_value());
        CHECK(*later > *end);
        if (n > 0) CHECK(is_business_time(c, *end - 1));
    }
}

TEST_CASE("a calendar record's schedule and holidays are read back as stored", "[business_hours][sla]") {
    BusinessCalendar c = office_hours(60);
    c.week[3] = {WorkPeriod{8 * 60, 12 * 60}, WorkPeriod{13 * 60, 17 * 60}};
    c.holidays.push_back(holiday("Noël", "2026-12-25", "2026-12-26"));
    Record r{"calendar", "cal-1",
             {{"name", "Office"}, {"utcoffsetminutes", 60}, {"weeklyschedule", weekly_schedule_json(c)},
              {"holidays", holidays_json(c)}}};
    auto back = calendar_from_record(r);
    REQUIRE(back);
    c.id = "cal-1";
    CHECK(*back == c);

    SECTION("malformed parts are refused with a message that names the calendar and the part") {
        r.attributes["weeklyschedule"] = R"({"mon": ["9h-17h"]})";
        auto bad = calendar_from_record(r);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().message.find("Calendar \"Office\"") != std::string::npos);
        CHECK(bad.error().message.find("9h-17h") != std::string::npos);
        CHECK(bad.error().field == "weeklyschedule");
        r.attributes["weeklyschedule"] = R"({"mon": ["09:00-12:00", "11:00-17:00"]})";
        CHECK_FALSE(calendar_from_record(r));
        r.attributes["weeklyschedule"] = R"({"mon": ["09:00-17:00"]})";
        r.attributes["holidays"] = R"([{"name": "Pâques", "start": "2027-04-05", "end": "2027-04-01"}])";
        auto bad_holiday = calendar_from_record(r);
        REQUIRE_FALSE(bad_holiday);
        CHECK(bad_holiday.error().field == "holidays");
    }
    CHECK(parse_work_period("00:00-24:00") == WorkPeriod{0, 1440});
    CHECK_FALSE(parse_work_period("17:00-09:00"));
}
