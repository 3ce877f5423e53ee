// Emscripten implementation of platform/clipboard.hpp; the JS half is
// window.casehub._getClipboard/_setClipboard in web/casehub.js.
#include "wasm/platform/clipboard.hpp"

#include <cstdlib>
#include <string>

#include <emscripten/emscripten.h>

// Returns a malloc'd UTF-8 copy of the cached clipboard text (caller frees), or null.
EM_JS(char*, casehub_js_get_clipboard, (), {
    var text = (window.casehub && window.casehub._getClipboard) ? window.casehub._getClipboard() : "";
    if (!text) return 0;
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    return p;
});

EM_JS(void, casehub_js_set_clipboard, (const char* text), {
    if (window.casehub && window.casehub._setClipboard) window.casehub._setClipboard(UTF8ToString(text));
});

namespace casehub::platform {
namespace {

std::string g_clipboard;  // must outlive the pointer handed to ImGui

const char* get_clipboard(void*) {
    char* text = casehub_js_get_clipboard();
    g_clipboard = text ? text : "";
    std::free(text);
    return g_clipboard.c_str();
}

void set_clipboard(void*, const char* text) { casehub_js_set_clipboard(text ? text : ""); }

}  // namespace

void install_clipboard(ImGuiIO& io) {
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.ClipboardUserData = nullptr;
}

}  // namespace casehub::platform
