// Emscripten implementation of platform/soft_keyboard.hpp. JS calls the exported
// casehub_add_input_utf8 / casehub_press_key; see web/casehub.js (hidden input).
#include "wasm/platform/soft_keyboard.hpp"

#include <vector>

#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

EM_JS(void, casehub_js_set_text_input, (int active), {
    if (window.casehub && window.casehub._setTextInput) window.casehub._setTextInput(!!active);
});

namespace casehub::platform {
namespace {

std::vector<int> g_queued;    // GLFW key codes waiting for the next frame
std::vector<int> g_released;  // pressed last frame, released this frame
int g_last_active = -1;

}  // namespace

void update_soft_keyboard(bool wants_text_input) {
    const int active = wants_text_input ? 1 : 0;
    if (active == g_last_active) return;
    g_last_active = active;
    casehub_js_set_text_input(active);
}

void apply_soft_keys(ImGuiIO& io) {
    for (int key : g_released) io.KeysDown[key] = false;
    g_released.clear();
    for (int key : g_queued) {
        io.KeysDown[key] = true;
        g_released.push_back(key);
    }
    g_queued.clear();
}

}  // namespace casehub::platform

extern "C" {

// Text typed or composed in the hidden input (UTF-8).
EMSCRIPTEN_KEEPALIVE void casehub_add_input_utf8(const char* text) {
    if (text && ImGui::GetCurrentContext()) ImGui::GetIO().AddInputCharactersUTF8(text);
}

// A key the on-screen keyboard reported only as an input event (no usable keydown):
// 8 = Backspace, 13 = Enter; other codes are ignored.
EMSCRIPTEN_KEEPALIVE void casehub_press_key(int dom_key_code) {
    int key = -1;
    if (dom_key_code == 8) key = GLFW_KEY_BACKSPACE;
    if (dom_key_code == 13) key = GLFW_KEY_ENTER;
    if (key >= 0 && key < IM_ARRAYSIZE(ImGuiIO::KeysDown)) casehub::platform::g_queued.push_back(key);
}

}
