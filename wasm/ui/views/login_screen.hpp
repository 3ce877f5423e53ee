// The sign-in screen, shown instead of the shell when this browser has no unexpired
// session: username, password, "Sign in", the server's error, the demo users hint, and
// how many unsynced changes wait for this sign-in. Also the "Sign out" entry of the
// user menu. Draws and returns intents; the data layer does the signing in.
#pragma once
#include <array>
#include <cstddef>
#include <string>

#include "wasm/ui/i18n/i18n.hpp"
#include "wasm/ui/widgets/theme.hpp"

namespace casehub::ui {

// The form's edit buffers (UI state only).
struct LoginForm {
    std::array<char, 128> username{};
    std::array<char, 256> password{};
    bool focus_set = false;
};

struct LoginLook {
    Language language;
    float width;   // CSS px
    float height;  // CSS px
    const Fonts* fonts;
    bool loading;              // local data still being read
    bool signing_in;           // a sign-in request is on its way
    bool online;
    std::string error;         // the last sign-in or session error ("" none)
    std::size_t kept_changes;  // unsynced changes waiting on this browser
};

struct LoginIntent {
    bool sign_in = false;
    std::string username;
    std::string password;
};

LoginIntent draw_login_screen(LoginForm& form, const LoginLook& look);

// Draws the "Sign out" item in the user menu (call inside its popup).
void draw_sign_out_item(Language language, float row_height);
// True once after "Sign out" was picked.
bool take_sign_out_request();

}  // namespace casehub::ui
