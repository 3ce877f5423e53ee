// Emscripten implementation of platform/soft_keyboard.hpp. JS calls the exported
// casehub_add_input_utf8 / casehub_press_key; see web/casehub.js (hidden input).
#include "wasm/platform/soft_keyboard.hpp"

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include "wasm/platform/input_queue.hpp"

EM_JS(void, casehub_js_set_text_input, (int active), {
    if (window.casehub && window.casehub._setTextInput) window.casehub._setTextInput(!!active);
});

namespace casehub::platform {
namespace {

int g_last_active = -1;

}  // namespace

void update_soft_keyboard(bool wants_text_input) {
    const int active = wants_text_input ? 1 : 0;
    if (active == g_last_active) return;
    g_last_active = active;
    casehub_js_set_text_input(active);
}

}  // namespace casehub::platform

extern "C" {

// Text typed or composed in the hidden input (UTF-8); queued in order with the keys.
EMSCRIPTEN_KEEPALIVE void casehub_add_input_utf8(const char* text) { casehub::platform::queue_text(text); }

// A key the on-screen keyboard reported only as an input event (no usable keydown):
// 8 = Backspace, 13 = Enter; other codes are ignored.
EMSCRIPTEN_KEEPALIVE void casehub_press_key(int dom_key_code) {
    if (dom_key_code == 8) casehub::platform::queue_key_tap(GLFW_KEY_BACKSPACE);
    if (dom_key_code == 13) casehub::platform::queue_key_tap(GLFW_KEY_ENTER);
}

}
