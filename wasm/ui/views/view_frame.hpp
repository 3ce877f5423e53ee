// What the views are drawn with each frame besides their own UI state: what they read
// (the replica, the signed-in user, the sync state, the clock read once per frame by
// wasm/platform/clock) and where they put what they ask for (intents). Built by the app
// each frame; views read nothing else and call no data layer.
#pragma once
#include <string>

#include "core/base/time.hpp"
#include "core/store/store.hpp"
#include "core/sync/client_sync.hpp"
#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/views/extension_states.hpp"
#include "wasm/ui/views/intents.hpp"
#include "wasm/ui/widgets/layout.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_state.hpp"

namespace casehub::ui {

class FormExtensionRegistry;  // form_extension.hpp

struct ReadModel {
    const Store& store;          // the replica on screen (or the frame-time bench's store)
    const std::string& user_id;  // the replica's user ("@me"; "" before the first sign-in)
    SyncState sync;
    TimestampMs now;             // ms since the epoch, this frame
    int utc_offset_minutes;      // the browser's time zone now, east of UTC
};

struct ViewFrame {
    Language language;
    WidthClass width;
    const Fonts* fonts;
    const ReadModel& model;
    Intents& intents;
    const FormExtensionRegistry& extensions;
    ExtensionStates& extension_states;  // what form extensions keep between frames
    WidgetState& widgets;               // what generic widgets keep between frames
    double (*monotonic_ms)();           // the platform's monotonic clock, to slice long work across frames
};

}  // namespace casehub::ui
