// Business hours: a calendar (weekly schedule with split shifts, the calendar's standard
// offset from UTC and its daylight-saving rule, holidays as dates or date ranges) and the
// two sums SLA timers need —
// an instant plus N business minutes, and the business time between two instants.
// Pure: no clock, no store access beyond reading a `calendar` record into a value.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub {

// One working period of a day in the calendar's local time: [start, end) minutes after
// local midnight, 0 <= start < end <= 1440. A split shift is two periods on one day.
struct WorkPeriod {
    int start_minute = 0;
    int end_minute = 0;
    bool operator==(const WorkPeriod&) const = default;
};

// A closed day or run of days, as local calendar days (days_from_civil), inclusive.
struct Holiday {
    std::string name;
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
    bool operator==(const Holiday&) const = default;
};

// When local clocks move one hour forward for summer (calendar.dstrule option values).
enum class DstRule {
    none = 0,  // the offset never changes
    eu = 1,    // last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC
    us = 2,    // second Sunday of March 02:00 local standard time to first Sunday of
               // November 02:00 local daylight time
};

struct BusinessCalendar {
    std::string id;
    std::string name;
    int utc_offset_minutes = 0;               // standard local time = UTC + offset (Paris: +60)
    DstRule dst_rule = DstRule::none;         // summer time adds 60 minutes (Paris: eu)
    std::array<std::vector<WorkPeriod>, 7> week;  // index 0 = Sunday ... 6 = Saturday; sorted, disjoint
    std::vector<Holiday> holidays;

    bool has_working_time() const;  // false when no weekday has a period (nothing can ever be due)
    bool is_holiday(std::int64_t local_day) const;
    bool operator==(const BusinessCalendar&) const = default;
};

// A calendar open every minute of every day (what an SLA without business hours uses).
BusinessCalendar make_24x7_calendar();

// The instant `minutes` business minutes after `start` (start itself when minutes <= 0).
// nullopt when the calendar has no working time in the ten years after `start`.
std::optional<TimestampMs> add_business_minutes(const BusinessCalendar& calendar, TimestampMs start,
                                                std::int64_t minutes);

// Business time between two instants in milliseconds (negative when `to` is before
// `from`), and the same in whole minutes rounded towards zero.
std::int64_t business_ms_between(const BusinessCalendar& calendar, TimestampMs from, TimestampMs to);
std::int64_t business_minutes_between(const BusinessCalendar& calendar, TimestampMs from, TimestampMs to);

// True when `at` falls inside a working period of a working day.
bool is_business_time(const BusinessCalendar& calendar, TimestampMs at);

// The calendar's offset from UTC in minutes at the instant `at` (standard, or standard + 60
// while its daylight-saving rule is in effect).
int utc_offset_at(const BusinessCalendar& calendar, TimestampMs at);

// The UTC instant of a local wall-clock time (ms since the epoch, read as if local were
// UTC). A time skipped when clocks go forward maps to the change itself; a time that
// happens twice when they go back maps to its first (summer) occurrence.
TimestampMs local_to_utc(const BusinessCalendar& calendar, std::int64_t local_ms);

// ---- storage as a `calendar` record ------------------------------------------------
// A calendar record holds `name`, `utcoffsetminutes` (int, the standard offset),
// `dstrule` (option: 0 none, 1 eu, 2 us; missing = none) and two memo attributes:
//   weeklyschedule: {"mon": ["08:00-12:00", "13:00-17:00"], "tue": [...], ..., "sun": []}
//                   (a missing day is closed; "00:00-24:00" is the whole day)
//   holidays:       [{"name": "Noël", "start": "2026-12-25", "end": "2026-12-26"}]  (end optional)
// Errors ("invalid_calendar") name the calendar and the part that is malformed.
Result<BusinessCalendar> calendar_from_record(const Record& record);

// The memo texts for a calendar (what the admin form and the demo data write).
std::string weekly_schedule_json(const BusinessCalendar& calendar);
std::string holidays_json(const BusinessCalendar& calendar);

// "08:00-12:00" -> {480, 720}; nullopt when malformed or empty.
std::optional<WorkPeriod> parse_work_period(const std::string& text);

}  // namespace casehub
