// The browser's clock through three EM_JS lines and emscripten_get_now (see clock.hpp).
#include "wasm/platform/clock.hpp"

#include <emscripten/emscripten.h>

// clang-format off
EM_JS(double, casehub_clock_now, (), { return Date.now(); });
EM_JS(int, casehub_clock_offset_now, (), { return -new Date().getTimezoneOffset(); });
EM_JS(int, casehub_clock_offset_at, (double ms), { return -new Date(ms).getTimezoneOffset(); });
// clang-format on

namespace casehub::platform {

FrameClock read_frame_clock() {
    return FrameClock{static_cast<TimestampMs>(casehub_clock_now()), casehub_clock_offset_now()};
}

int utc_offset_minutes_at(TimestampMs ms) { return casehub_clock_offset_at(static_cast<double>(ms)); }

double monotonic_ms() { return emscripten_get_now(); }

}  // namespace casehub::platform
