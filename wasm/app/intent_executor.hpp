// The one place the UI's intents reach the data layer: after a frame is drawn, every
// mutation the views asked for is submitted in order and its answer handed back to the
// view's `done` (which updates UI state). Follow-up mutations (`then`) are submitted
// only when the one before them was applied.
#pragma once
#include "wasm/client/data_layer.hpp"
#include "wasm/ui/views/intents.hpp"

namespace casehub::client {

// Submits everything queued in `intents` (which is empty afterwards, unless a `done`
// queued more: those are submitted too, in the same call).
void execute_intents(ui::Intents& intents, DataLayer& data);

}  // namespace casehub::client
