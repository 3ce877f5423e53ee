// Business-hours arithmetic (see business_hours.hpp). Both sums walk the calendar day
// by day in its local time, so cost grows with the number of days spanned, not minutes.
// Each working period's local start and end are turned into UTC instants with the offset
// in effect at that local time, so on the day clocks change a working day of 8 hours
// stays 8 hours, and the night hour that happens twice counts twice.
#include "core/domain/sla/business_hours.hpp"

#include <algorithm>

namespace casehub {

namespace {

constexpr std::int64_t kMinuteMs = 60000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;
constexpr std::int64_t kMaxDays = 3660;  // give up after ten years without working time

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// 1970-01-01 was a Thursday (4 when Sunday is 0).
int weekday_of(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 4) % 7); }

constexpr const char* kDayKeys[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

// The day number of the n-th Sunday of a month (n = 1 ...), or of its last one (n = 0).
std::int64_t sunday_of(int year, unsigned month, int n) {
    if (n == 0) {
        const std::int64_t last = month == 12 ? days_from_civil(year + 1, 1, 1) - 1 : days_from_civil(year, month + 1, 1) - 1;
        return last - weekday_of(last);
    }
    const std::int64_t first = days_from_civil(year, month, 1);
    return first + (7 - weekday_of(first)) % 7 + 7 * (n - 1);
}

// Summer time of `year` as UTC instants [start, end); nullopt without a rule.
struct DstSpan {
    std::int64_t start = 0;
    std::int64_t end = 0;
};

std::optional<DstSpan> dst_span(const BusinessCalendar& c, int year) {
    const std::int64_t standard = static_cast<std::int64_t>(c.utc_offset_minutes) * kMinuteMs;
    switch (c.dst_rule) {
        case DstRule::none: return std::nullopt;
        case DstRule::eu:
            return DstSpan{sunday_of(year, 3, 0) * kDayMs + kHourMs, sunday_of(year, 10, 0) * kDayMs + kHourMs};
        case DstRule::us:
            return DstSpan{sunday_of(year, 3, 2) * kDayMs + 2 * kHourMs - standard,
                           sunday_of(year, 11, 1) * kDayMs + 2 * kHourMs - standard - kHourMs};
    }
    return std::nullopt;
}

// The year an instant (UTC or local: summer time never spans New Year) falls in.
int year_of(std::int64_t ms) {
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(floor_div(ms, kDayMs), y, m, d);
    return y;
}

std::int64_t offset_ms_at(const BusinessCalendar& c, TimestampMs at) {
    std::int64_t offset = static_cast<std::int64_t>(c.utc_offset_minutes) * kMinuteMs;
    if (auto span = dst_span(c, year_of(at)); span && at >= span->start && at < span->end) offset += kHourMs;
    return offset;
}

// The local day an instant falls on.
std::int64_t local_day_of(const BusinessCalendar& c, TimestampMs at) { return floor_div(at + offset_ms_at(c, at), kDayMs); }

// Working periods of one local day: none on a holiday.
const std::vector<WorkPeriod>* periods_of(const BusinessCalendar& c, std::int64_t day) {
    static const std::vector<WorkPeriod> none;
    if (c.is_holiday(day)) return &none;
    return &c.week[static_cast<std::size_t>(weekday_of(day))];
}

std::string two_digits(int v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

std::string format_day(std::int64_t day) {
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(day, y, m, d);
    return std::to_string(y) + "-" + two_digits(static_cast<int>(m)) + "-" + two_digits(static_cast<int>(d));
}

std::optional<std::int64_t> parse_day(const Json& v) {
    if (!v.is_string()) return std::nullopt;
    auto t = parse_utc(v.get<std::string>());
    if (!t) return std::nullopt;
    return floor_div(*t, kDayMs);
}

}  // namespace

bool BusinessCalendar::has_working_time() const {
    for (const auto& day : week)
        if (!day.empty()) return true;
    return false;
}

bool BusinessCalendar::is_holiday(std::int64_t local_day) const {
    for (const auto& h : holidays)
        if (local_day >= h.first_day && local_day <= h.last_day) return true;
    return false;
}

BusinessCalendar make_24x7_calendar() {
    BusinessCalendar c;
    c.name = "24 x 7";
    for (auto& day : c.week) day = {WorkPeriod{0, 1440}};
    return c;
}

TimestampMs local_to_utc(const BusinessCalendar& calendar, std::int64_t local_ms) {
    const std::int64_t standard = static_cast<std::int64_t>(calendar.utc_offset_minutes) * kMinuteMs;
    const auto span = dst_span(calendar, year_of(local_ms));
    if (!span) return local_ms - standard;
    if (local_ms < span->start + standard) return local_ms - standard;              // winter, before
    if (local_ms < span->start + standard + kHourMs) return span->start;            // skipped hour
    if (local_ms < span->end + standard + kHourMs) return local_ms - standard - kHourMs;  // summer
    return local_ms - standard;                                                     // winter, after
}

int utc_offset_at(const BusinessCalendar& calendar, TimestampMs at) {
    return static_cast<int>(offset_ms_at(calendar, at) / kMinuteMs);
}

std::optional<TimestampMs> add_business_minutes(const BusinessCalendar& calendar, TimestampMs start,
                                                std::int64_t minutes) {
    if (minutes <= 0) return start;
    if (!calendar.has_working_time()) return std::nullopt;
    std::int64_t remaining = minutes * kMinuteMs;
    TimestampMs at = start;
    std::int64_t day = local_day_of(calendar, start);
    for (std::int64_t n = 0; n < kMaxDays; ++n, ++day) {
        for (const WorkPeriod& p : *periods_of(calendar, day)) {
            const TimestampMs begin = local_to_utc(calendar, day * kDayMs + p.start_minute * kMinuteMs);
            const TimestampMs end = local_to_utc(calendar, day * kDayMs + p.end_minute * kMinuteMs);
            if (at >= end) continue;
            const TimestampMs from = std::max(at, begin);
            if (remaining <= end - from) return from + remaining;
            remaining -= end - from;
            at = end;
        }
    }
    return std::nullopt;
}

std::int64_t business_ms_between(const BusinessCalendar& calendar, TimestampMs from, TimestampMs to) {
    if (to < from) return -business_ms_between(calendar, to, from);
    std::int64_t total = 0;
    for (std::int64_t day = local_day_of(calendar, from), last = local_day_of(calendar, to); day <= last; ++day) {
        for (const WorkPeriod& p : *periods_of(calendar, day)) {
            const TimestampMs begin = std::max(from, local_to_utc(calendar, day * kDayMs + p.start_minute * kMinuteMs));
            const TimestampMs end = std::min(to, local_to_utc(calendar, day * kDayMs + p.end_minute * kMinuteMs));
            if (end > begin) total += end - begin;
        }
    }
    return total;
}

std::int64_t business_minutes_between(const BusinessCalendar& calendar, TimestampMs from, TimestampMs to) {
    return business_ms_between(calendar, from, to) / kMinuteMs;
}

bool is_business_time(const BusinessCalendar& calendar, TimestampMs at) {
    const std::int64_t day = local_day_of(calendar, at);
    for (const WorkPeriod& p : *periods_of(calendar, day))
        if (at >= local_to_utc(calendar, day * kDayMs + p.start_minute * kMinuteMs) &&
            at < local_to_utc(calendar, day * kDayMs + p.end_minute * kMinuteMs))
            return true;
    return false;
}

std::optional<WorkPeriod> parse_work_period(const std::string& text) {
    // "HH:MM-HH:MM"
    auto hm = [](const std::string& s, int& out) {
        if (s.size() != 5 || s[2] != ':') return false;
        for (int i : {0, 1, 3, 4})
            if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
        const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
        if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
        out = h * 60 + m;
        return true;
    };
    const auto dash = text.find('-');
    if (dash == std::string::npos) return std::nullopt;
    WorkPeriod p;
    if (!hm(text.substr(0, dash), p.start_minute) || !hm(text.substr(dash + 1), p.end_minute)) return std::nullopt;
    if (p.end_minute <= p.start_minute) return std::nullopt;
    return p;
}

Result<BusinessCalendar> calendar_from_record(const Record& record) {
    BusinessCalendar c;
    c.id = record.id;
    if (const Json* n = record.get("name"); n && n->is_string()) c.name = n->get<std::string>();
    const std::string who = "Calendar \"" + (c.name.empty() ? record.id : c.name) + "\"";
    if (const Json* o = record.get("utcoffsetminutes")) {
        if (!o->is_number_integer() || o->get<int>() < -14 * 60 || o->get<int>() > 14 * 60)
            return make_error("invalid_calendar", who + ": the UTC offset must be whole minutes between -840 and 840.",
                              "utcoffsetminutes");
        c.utc_offset_minutes = o->get<int>();
    }
    if (const Json* d = record.get("dstrule"); d && !d->is_null()) {
        if (!d->is_number_integer() || d->get<int>() < 0 || d->get<int>() > 2)
            return make_error("invalid_calendar", who + ": the daylight saving rule must be 0 (none), 1 (Europe) or 2 (United States).",
                              "dstrule");
        c.dst_rule = static_cast<DstRule>(d->get<int>());
    }
    if (const Json* w = record.get("weeklyschedule"); w && w->is_string() && !w->get<std::string>().empty()) {
        const Json schedule = Json::parse(w->get<std::string>(), nullptr, false);
        if (schedule.is_discarded() || !schedule.is_object())
            return make_error("invalid_calendar",
                              who + ": the weekly schedule must be a JSON object such as {\"mon\": [\"08:00-17:00\"]}.",
                              "weeklyschedule");
        for (std::size_t d = 0; d < 7; ++d) {
            auto it = schedule.find(kDayKeys[d]);
            if (it == schedule.end() || it->is_null()) continue;
            if (!it->is_array())
                return make_error("invalid_calendar", who + ": \"" + kDayKeys[d] + "\" must be a list of periods.",
                                  "weeklyschedule");
            for (const auto& period : *it) {
                auto p = period.is_string() ? parse_work_period(period.get<std::string>()) : std::nullopt;
                if (!p)
                    return make_error("invalid_calendar", who + ": \"" + period.dump() + "\" on " + kDayKeys[d] +
                                                              " is not a period such as \"08:00-12:00\".",
                                      "weeklyschedule");
                c.week[d].push_back(*p);
            }
            auto& day = c.week[d];
            std::sort(day.begin(), day.end(), [](const WorkPeriod& a, const WorkPeriod& b) {
                return a.start_minute < b.start_minute;
            });
            for (std::size_t i = 1; i < day.size(); ++i)
                if (day[i].start_minute < day[i - 1].end_minute)
                    return make_error("invalid_calendar", who + ": periods on " + std::string(kDayKeys[d]) + " overlap.",
                                      "weeklyschedule");
        }
    }
    if (const Json* h = record.get("holidays"); h && h->is_string() && !h->get<std::string>().empty()) {
        const Json list = Json::parse(h->get<std::string>(), nullptr, false);
        if (list.is_discarded() || !list.is_array())
            return make_error("invalid_calendar",
                              who + ": holidays must be a JSON list such as [{\"name\": \"Noël\", \"start\": \"2026-12-25\"}].",
                              "holidays");
        for (const auto& item : list) {
            if (!item.is_object()) return make_error("invalid_calendar", who + ": a holiday must be an object.", "holidays");
            Holiday hol;
            if (auto n = item.find("name"); n != item.end() && n->is_string()) hol.name = n->get<std::string>();
            auto first = item.contains("start") ? parse_day(item["start"]) : std::nullopt;
            auto last = item.contains("end") ? parse_day(item["end"]) : first;
            if (!first || !last || *last < *first)
                return make_error("invalid_calendar", who + ": holiday \"" + hol.name +
                                                          "\" needs a \"start\" date (YYYY-MM-DD) and an \"end\" not before it.",
                                  "holidays");
            hol.first_day = *first;
            hol.last_day = *last;
            c.holidays.push_back(std::move(hol));
        }
    }
    return c;
}

std::string weekly_schedule_json(const BusinessCalendar& calendar) {
    Json out = Json::object();
    for (std::size_t d = 0; d < 7; ++d) {
        Json periods = Json::array();
        for (const auto& p : calendar.week[d])
            periods.push_back(two_digits(p.start_minute / 60) + ":" + two_digits(p.start_minute % 60) + "-" +
                              two_digits(p.end_minute / 60) + ":" + two_digits(p.end_minute % 60));
        out[kDayKeys[d]] = periods;
    }
    return out.dump();
}

std::string holidays_json(const BusinessCalendar& calendar) {
    Json out = Json::array();
    for (const auto& h : calendar.holidays)
        out.push_back(Json{{"name", h.name}, {"start", format_day(h.first_day)}, {"end", format_day(h.last_day)}});
    return out.dump();
}

}  // namespace casehub
