// Business-hours arithmetic: deadlines across weekends, holidays, split shifts and time
// zone offsets, and the property that measuring what was added gives it back.
#include <catch2/catch.hpp>

#include <random>

#include "core/domain/sla/business_hours.hpp"
#include "core/domain/sla/sla_engine.hpp"

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

TEST_CASE("EU summer time: the offset changes on the last Sundays of March and October at 01:00 UTC", "[business_hours][sla]") {
    BusinessCalendar paris = office_hours(60);
    paris.dst_rule = DstRule::eu;
    // 2026: 29 March and 25 October.
    CHECK(utc_offset_at(paris, at("2026-03-29T00:59:59Z")) == 60);
    CHECK(utc_offset_at(paris, at("2026-03-29T01:00:00Z")) == 120);
    CHECK(utc_offset_at(paris, at("2026-10-25T00:59:59Z")) == 120);
    CHECK(utc_offset_at(paris, at("2026-10-25T01:00:00Z")) == 60);
    CHECK(utc_offset_at(paris, at("2026-07-14T12:00:00Z")) == 120);
    CHECK(utc_offset_at(paris, at("2026-12-25T12:00:00Z")) == 60);
    // 02:30 does not exist on 29 March (it maps to the change) and happens twice on 25 October (the first one).
    CHECK(format_utc(local_to_utc(paris, at("2026-03-29T02:30:00Z"))) == "2026-03-29T01:00:00Z");
    CHECK(format_utc(local_to_utc(paris, at("2026-10-25T02:30:00Z"))) == "2026-10-25T00:30:00Z");

    // Friday 27 March 16:00 (15:00 UTC) + 2 h: 1 h on Friday, then Monday 09:00-10:00 summer time (07:00-08:00 UTC).
    CHECK(format_utc(*add_business_minutes(paris, at("2026-03-27T15:00:00Z"), 120)) == "2026-03-30T08:00:00Z");
    CHECK(business_minutes_between(paris, at("2026-03-27T15:00:00Z"), at("2026-03-30T08:00:00Z")) == 120);
    CHECK(is_business_time(paris, at("2026-03-30T07:00:00Z")));
    CHECK_FALSE(is_business_time(paris, at("2026-03-30T06:59:00Z")));
    // Friday 23 October 16:00 summer time (14:00 UTC) + 2 h: Monday 26 October 10:00 winter time (09:00 UTC).
    CHECK(format_utc(*add_business_minutes(paris, at("2026-10-23T14:00:00Z"), 120)) == "2026-10-26T09:00:00Z");
    CHECK(business_minutes_between(paris, at("2026-10-23T14:00:00Z"), at("2026-10-26T09:00:00Z")) == 120);
}

TEST_CASE("US daylight time: second Sunday of March to first Sunday of November at 02:00 local", "[business_hours][sla]") {
    BusinessCalendar new_york = office_hours(-300);
    new_york.dst_rule = DstRule::us;
    // 2026: 8 March 02:00 EST (07:00 UTC) and 1 November 02:00 EDT (06:00 UTC).
    CHECK(utc_offset_at(new_york, at("2026-03-08T06:59:59Z")) == -300);
    CHECK(utc_offset_at(new_york, at("2026-03-08T07:00:00Z")) == -240);
    CHECK(utc_offset_at(new_york, at("2026-11-01T05:59:59Z")) == -240);
    CHECK(utc_offset_at(new_york, at("2026-11-01T06:00:00Z")) == -300);
    // Friday 6 March 16:00 EST (21:00 UTC) + 2 h: Monday 9 March 10:00 EDT (14:00 UTC).
    CHECK(format_utc(*add_business_minutes(new_york, at("2026-03-06T21:00:00Z"), 120)) == "2026-03-09T14:00:00Z");
    // Friday 30 October 16:00 EDT (20:00 UTC) + 2 h: Monday 2 November 10:00 EST (15:00 UTC).
    CHECK(format_utc(*add_business_minutes(new_york, at("2026-10-30T20:00:00Z"), 120)) == "2026-11-02T15:00:00Z");
    CHECK(business_minutes_between(new_york, at("2026-10-30T20:00:00Z"), at("2026-11-02T15:00:00Z")) == 120);
}

TEST_CASE("on the day clocks change a working day keeps its working hours", "[business_hours][sla]") {
    for (const DstRule rule : {DstRule::eu, DstRule::us}) {
        BusinessCalendar c = office_hours(rule == DstRule::eu ? 60 : -300);
        c.dst_rule = rule;
        c.week[0] = {WorkPeriod{9 * 60, 17 * 60}};  // open on Sunday, the day of the change
        const char* spring = rule == DstRule::eu ? "2026-03-29" : "2026-03-08";
        const char* autumn = rule == DstRule::eu ? "2026-10-25" : "2026-11-01";
        for (const char* day : {spring, autumn}) {
            INFO((rule == DstRule::eu ? "eu " : "us ") << day);
            const TimestampMs midnight = local_to_utc(c, at(day));
            const TimestampMs next = local_to_utc(c, at(day) + 86400000);
            CHECK(business_minutes_between(c, midnight, next) == 8 * 60);
            CHECK(*add_business_minutes(c, midnight, 8 * 60) == local_to_utc(c, at(day) + 17 * 3600000));
        }
        // A night shift across the change counts the time that really passes: 23 h in spring, 25 h in autumn.
        c.week[0] = {WorkPeriod{0, 1440}};
        CHECK(business_minutes_between(c, local_to_utc(c, at(spring)), local_to_utc(c, at(spring) + 86400000)) == 23 * 60);
        CHECK(business_minutes_between(c, local_to_utc(c, at(autumn)), local_to_utc(c, at(autumn) + 86400000)) == 25 * 60);
    }
}

TEST_CASE("a KPI started the Friday before the change keeps its business hours to the deadline", "[business_hours][sla]") {
    BusinessCalendar paris = office_hours(60);
    paris.dst_rule = DstRule::eu;
    const Record item{"slaitem", "item-1", {{"name", "Resolve By"}, {"warnafter", 240}, {"failureafter", 480}}};
    Record kpi{"slakpiinstance", "kpi-1", Json::object()};
    // Friday 27 March 2026, 14:00 in Paris (13:00 UTC): 3 h on Friday, the rest on Monday in summer time.
    start_kpi_instance(kpi, item, at("2026-03-27T13:00:00Z"), paris);
    CHECK(kpi.attributes["warningtime"] == "2026-03-30T08:00:00Z");  // Monday 10:00 CEST
    CHECK(kpi.attributes["failuretime"] == "2026-03-30T12:00:00Z");  // Monday 14:00 CEST
    const KpiEvaluation ev = evaluate_kpi(kpi, &paris, at("2026-03-30T08:30:00Z"));
    CHECK(ev.status == KpiStatus::NearingNoncompliance);
    CHECK(ev.business_ms_left == 210 * 60000);
    CHECK(evaluate_kpi(kpi, &paris, at("2026-03-30T12:00:00Z")).status == KpiStatus::Noncompliant);
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
        c.dst_rule = static_cast<DstRule>(rng() % 3);
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

    SECTION("the daylight-saving rule is read, and an unknown one refused") {
        r.attributes["dstrule"] = 1;
        REQUIRE(calendar_from_record(r));
        CHECK(calendar_from_record(r)->dst_rule == DstRule::eu);
        r.attributes["dstrule"] = 2;
        CHECK(calendar_from_record(r)->dst_rule == DstRule::us);
        r.attributes["dstrule"] = 7;
        auto bad = calendar_from_record(r);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().field == "dstrule");
    }
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
