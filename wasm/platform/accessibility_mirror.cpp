// Emscripten implementation of platform/accessibility_mirror.hpp. The page's
// web/accessibility.js calls casehub_a11y_focus; the tree goes out through
// window.casehub._a11yFrame in one call per changed frame.
#include "wasm/platform/accessibility_mirror.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, casehub_js_a11y_frame, (const char* text, int length), {
    if (window.casehub && window.casehub._a11yFrame) window.casehub._a11yFrame(UTF8ToString(text, length));
});

namespace casehub::platform {
namespace {

std::string g_sent;                       // the tree the page has now
std::optional<FocusRequest> g_request;    // the page's latest focus request, not yet applied
bool g_enabled = true;
double g_cost_ms = 0.0;                   // bench: encode + publish time since the last read
unsigned g_cost_frames = 0;
unsigned g_sent_frames = 0;               // frames whose tree changed and went to the page

}  // namespace

bool accessibility_mirror_enabled() { return g_enabled; }

void add_accessibility_cost(double ms) {
    g_cost_ms += ms;
    ++g_cost_frames;
}

bool publish_accessibility_tree(const std::string& encoded) {
    if (encoded == g_sent) return false;
    g_sent = encoded;
    ++g_sent_frames;
    casehub_js_a11y_frame(g_sent.data(), static_cast<int>(g_sent.size()));
    return true;
}

std::optional<FocusRequest> take_focus_request() {
    std::optional<FocusRequest> out;
    out.swap(g_request);
    return out;
}

}  // namespace casehub::platform

extern "C" {

// The mirror's element for widget `id` got focus (activate = 0) or was pressed (1).
EMSCRIPTEN_KEEPALIVE void casehub_a11y_focus(unsigned id, int activate) {
    casehub::platform::g_request = casehub::platform::FocusRequest{id, activate != 0};
}


// Bench: turns the mirror off (0) or on (1). Off, no node is recorded and nothing is sent.
EMSCRIPTEN_KEEPALIVE void casehub_a11y_enable(int on) {
    casehub::platform::g_enabled = on != 0;
    casehub::platform::g_sent.clear();  // on again: the next frame is sent whole
}

// Bench: {"frames":n,"sent":n,"ms":total} since the last call (which resets them).
EMSCRIPTEN_KEEPALIVE const char* casehub_a11y_cost_json() {
    static std::string json;
    using namespace casehub::platform;
    json = "{\"frames\":" + std::to_string(g_cost_frames) + ",\"sent\":" + std::to_string(g_sent_frames) +
           ",\"ms\":" + std::to_string(g_cost_ms) + "}";
    g_cost_ms = 0.0;
    g_cost_frames = 0;
    g_sent_frames = 0;
    return json.c_str();
}

}
