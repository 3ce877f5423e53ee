// Emscripten exports behind window.casehub.widgets() / frameCount() (web/casehub.js).
#include "wasm/app/test_api.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include <emscripten/emscripten.h>

#include "wasm/ui/widgets/widget_recorder.hpp"

EM_JS(void, casehub_js_on_frame, (unsigned frame_number), {
    if (window.casehub && window.casehub._onFrame) window.casehub._onFrame(frame_number);
});

namespace casehub::platform {
namespace {
unsigned g_frames = 0;
// The last frames' CPU times, for frameStats() (bench: the 16.7 ms budget of 60 Hz).
std::array<double, 240> g_frame_ms{};
std::size_t g_frame_ms_count = 0;
}  // namespace

void publish_frame(unsigned frame_number, double frame_ms) {
    g_frames = frame_number;
    g_frame_ms[g_frame_ms_count++ % g_frame_ms.size()] = frame_ms;
    casehub_js_on_frame(frame_number);
}

}  // namespace casehub::platform

extern "C" {

// JSON array of the last frame's widgets [{id,label,x,y,w,h,input}], CSS px. The
// pointer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* casehub_widgets_json() {
    static std::string json;
    json = casehub::ui::last_frame_widgets_json();
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE unsigned casehub_frame_count() { return casehub::platform::g_frames; }

// {"frames":n,"mean_ms":..,"p50_ms":..,"p95_ms":..,"max_ms":..} over the last (up to
// 240) frames; `reset` != 0 starts a new window after answering.
EMSCRIPTEN_KEEPALIVE const char* casehub_frame_stats_json(int reset) {
    using namespace casehub::platform;
    static std::string json;
    const std::size_t n = std::min(g_frame_ms_count, g_frame_ms.size());
    std::vector<double> v(g_frame_ms.begin(), g_frame_ms.begin() + static_cast<std::ptrdiff_t>(n));
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    auto at = [&](double q) { return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))]; };
    char buf[200];
    std::snprintf(buf, sizeof buf, "{\"frames\":%zu,\"mean_ms\":%.3f,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"max_ms\":%.3f}", n,
                  v.empty() ? 0.0 : sum / static_cast<double>(v.size()), at(0.5), at(0.95), v.empty() ? 0.0 : v.back());
    json = buf;
    if (reset) g_frame_ms_count = 0;
    return json.c_str();
}

}
