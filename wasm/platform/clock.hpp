// The browser's clock and time zone. The frame loop reads the clock once per frame
// (read_frame_clock) and passes it down; the UI and the data layer take time as an
// argument and never read Date.now themselves.
#pragma once
#include "core/base/time.hpp"

namespace casehub::platform {

struct FrameClock {
    TimestampMs now = 0;         // ms since the epoch (Date.now)
    int utc_offset_minutes = 0;  // the browser's time zone now, east of UTC
};

FrameClock read_frame_clock();

// The browser's time zone offset at `ms` (minutes east of UTC; daylight saving makes
// it differ across the year), for showing a stored UTC time in local time.
int utc_offset_minutes_at(TimestampMs ms);

// A monotonic clock in ms (performance.now), for measuring and slicing work within a
// frame; not a time of day.
double monotonic_ms();

}  // namespace casehub::platform
