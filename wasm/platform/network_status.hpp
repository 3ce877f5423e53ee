// The browser's network and page-visibility signals for the sync loop: navigator.onLine,
// the `online` / `offline` events, and the page coming back into view (visibilitychange,
// pageshow), which the sync loop treats as "retry now".
#pragma once

namespace casehub::platform {

struct NetworkEvents {
    bool online = true;        // navigator.onLine now
    bool came_online = false;  // an `online` event since the last poll
    bool resumed = false;      // the page became visible again since the last poll
};

// Adds the listeners (once; later calls do nothing).
void install_network_listeners();

// The current state and the events since the previous call.
NetworkEvents poll_network_events();

}  // namespace casehub::platform
