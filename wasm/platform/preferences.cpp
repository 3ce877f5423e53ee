// Emscripten implementation of platform/preferences.hpp over window.localStorage.
// Keys are prefixed "casehub." so they do not collide with other apps on the origin.
#include "wasm/platform/preferences.hpp"

#include <cstdlib>

#include <emscripten/emscripten.h>

EM_JS(char*, casehub_js_load_preference, (const char* key), {
    var value = null;
    try { value = window.localStorage.getItem("casehub." + UTF8ToString(key)); } catch (e) { value = null; }
    if (value === null || value === undefined) return 0;
    var n = lengthBytesUTF8(value) + 1;
    var p = _malloc(n);
    stringToUTF8(value, p, n);
    return p;
});

EM_JS(void, casehub_js_save_preference, (const char* key, const char* value), {
    try { window.localStorage.setItem("casehub." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(char*, casehub_js_browser_language, (), {
    var value = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    var n = lengthBytesUTF8(value) + 1;
    var p = _malloc(n);
    stringToUTF8(value, p, n);
    return p;
});

EM_JS(int, casehub_js_prefers_reduced_motion, (), {
    try { return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : 0; } catch (e) { return 0; }
});

namespace casehub::platform {
namespace {

std::string take(char* text) {
    std::string s = text ? text : "";
    std::free(text);
    return s;
}

}  // namespace

std::string load_preference(const char* key) { return take(casehub_js_load_preference(key)); }

void save_preference(const char* key, const std::string& value) { casehub_js_save_preference(key, value.c_str()); }

std::string browser_language() { return take(casehub_js_browser_language()); }

bool prefers_reduced_motion() { return casehub_js_prefers_reduced_motion() != 0; }

}  // namespace casehub::platform
