// The data layer's place in the frame loop: start it with the page, tick it every frame,
// draw the sign-in screen while nobody is signed in, and after the shell the rejection
// notice; "Sync now" and "Sign out" requests from the top bar are carried out here.
#pragma once

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::client {

// Once, before the main loop: mounts local storage, adds network listeners, installs the
// window.casehub sync test hooks.
void start_client();

// Ticks the data layer; when there is no unexpired session, draws the sign-in screen and
// returns false (the caller then skips the shell). True: draw the shell.
bool begin_client_frame(ui::Language language, float width, float height, const ui::Fonts* fonts);

// After the shell: the rejection notice, and the top bar's Sync now / Sign out requests.
void end_client_frame(ui::Language language, float width, float height);

// The signed-in user's display name, or `fallback`.
const char* signed_in_user_name(const char* fallback);

}  // namespace casehub::client
