// The sync state in the top bar (online/offline icon, "N pending", "Synced 10:42", a
// red error with "Sync now"). The state comes from the data layer each frame;
// the "Sync now" press goes back as a request the frame loop takes.
#pragma once
#include <string>
#include <string_view>

#include "core/sync/client_sync.hpp"
#include "wasm/ui/i18n/i18n.hpp"

namespace casehub::ui {

// What the status shows this frame: the state, the clock and the browser's offset from
// UTC (minutes east), for "Synced 10:42" in local time.
void set_sync_status(const SyncState& state, TimestampMs now, int utc_offset_minutes);

// Width the status needs in the top bar (compact: icon and count only, for phones).
float sync_status_width(Language language, bool compact, float height);

// Draws the status at the cursor, `height` tall, in the top bar's colours.
void draw_sync_status(Language language, bool compact, float height);

// True once after "Sync now" was pressed.
bool take_sync_now_request();

// "10:42" for `ms` shifted by the offset.
std::string format_clock(TimestampMs ms, int utc_offset_minutes);

}  // namespace casehub::ui
