// The sync state in the top bar (online/offline icon, "N pending", "Synced 10:42", a
// red error with "Sync now"). The state is the frame's (ReadModel::sync); the "Sync now"
// press goes back as the top bar's intent.
#pragma once
#include <string>
#include <string_view>

#include "core/sync/client_sync.hpp"
#include "wasm/ui/i18n/i18n.hpp"

namespace casehub::ui {

// What the status shows: the sync state and the browser's offset from UTC (minutes
// east), for "Synced 10:42" in local time.
struct SyncStatusLook {
    const SyncState& state;
    int utc_offset_minutes;
};

// Width the status needs in the top bar (compact: icon and count only, for phones).
float sync_status_width(const SyncStatusLook& look, Language language, bool compact, float height);

// Draws the status at the cursor, `height` tall, in the top bar's colours. True when
// "Sync now" was pressed.
bool draw_sync_status(const SyncStatusLook& look, Language language, bool compact, float height);

// "10:42" for `ms` shifted by the offset.
std::string format_clock(TimestampMs ms, int utc_offset_minutes);

}  // namespace casehub::ui
