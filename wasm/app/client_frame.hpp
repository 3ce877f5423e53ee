// The data layer's place in the frame loop: start it with the page, tick it every frame
// with the frame's clock, draw the sign-in screen while nobody is signed in, give the
// views their read model, and after the shell submit the frame's intents (the one
// executor), draw the rejection notice and carry out "Sync now" and "Sign out".
#pragma once
#include "core/store/store.hpp"
#include "wasm/platform/clock.hpp"
#include "wasm/ui/views/intents.hpp"
#include "wasm/ui/views/ui_state.hpp"

namespace casehub::client {

// Once, before the main loop: mounts local storage, adds network listeners, installs the
// window.casehub sync test hooks, and reads this client's ticket sequence into `ui`.
void start_client(ui::UiState& ui);

// Ticks the data layer; when there is no unexpired session, draws the sign-in screen and
// returns false (the caller then skips the shell). True: draw the shell.
bool begin_client_frame(ui::UiState& ui, const platform::FrameClock& clock, float width, float height,
                        const ui::Fonts* fonts);

// What the views read this frame: the replica (or `bench` when the frame-time bench put
// one in its place), the signed-in user, the sync state and the clock.
ui::ReadModel read_model(const platform::FrameClock& clock, const Store* bench);

// After the shell: submits `intents` to the data layer and hands back the answers,
// draws the rejection notice, does what `shell` asks of the data layer (Sync now, Sign
// out) and keeps the ticket sequence in preferences when it moved.
void end_client_frame(ui::UiState& ui, ui::Intents& intents, const ui::ShellIntent& shell, float width, float height);

// The signed-in user's display name, or `fallback`.
const char* signed_in_user_name(const char* fallback);

}  // namespace casehub::client
