// Emscripten implementation of platform/network_status.hpp: JS listeners count events
// in window.casehubNet; each poll reads and clears them.
#include "wasm/platform/network_status.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, casehub_js_install_network_listeners, (), {
    if (window.casehubNet) return;
    var net = { onlineEvents: 0, resumeEvents: 0 };
    window.casehubNet = net;
    window.addEventListener("online", function () { net.onlineEvents++; });
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") net.resumeEvents++;
    });
    window.addEventListener("pageshow", function (e) { if (e.persisted) net.resumeEvents++; });
});

// Bit 0: online now; bit 1: came online; bit 2: resumed.
EM_JS(int, casehub_js_poll_network, (), {
    var net = window.casehubNet || { onlineEvents: 0, resumeEvents: 0 };
    var bits = (navigator.onLine ? 1 : 0) | (net.onlineEvents > 0 ? 2 : 0) | (net.resumeEvents > 0 ? 4 : 0);
    net.onlineEvents = 0;
    net.resumeEvents = 0;
    return bits;
});

namespace casehub::platform {

void install_network_listeners() { casehub_js_install_network_listeners(); }

NetworkEvents poll_network_events() {
    const int bits = casehub_js_poll_network();
    NetworkEvents e;
    e.online = (bits & 1) != 0;
    e.came_online = (bits & 2) != 0;
    e.resumed = (bits & 4) != 0;
    return e;
}

}  // namespace casehub::platform
