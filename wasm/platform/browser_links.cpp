// Browser side of browser_links.hpp: a few EM_JS lines over window.location / window.open.
#include "wasm/platform/browser_links.hpp"

#include <cstdlib>

#include <emscripten/emscripten.h>

EM_JS(char*, casehub_js_page_address, (), {
    var a = location.origin + location.pathname;
    var n = lengthBytesUTF8(a) + 1;
    var p = _malloc(n);
    stringToUTF8(a, p, n);
    return p;
});

EM_JS(void, casehub_js_open_external, (const char* url), {
    var w = window.open(UTF8ToString(url), "_blank", "noopener,noreferrer");
    if (w) w.opener = null;
});

EM_JS(void, casehub_js_set_hash, (const char* hash), { location.hash = UTF8ToString(hash); });

namespace casehub::platform {

std::string record_url(const std::string& entity, const std::string& id) {
    char* address = casehub_js_page_address();
    std::string url = address ? address : "";
    std::free(address);
    return url + "#/" + entity + "/" + id;
}

void open_external(const std::string& url) { casehub_js_open_external(url.c_str()); }

void go_to_record(const std::string& entity, const std::string& id) {
    casehub_js_set_hash(("#/" + entity + "/" + id).c_str());
}

}  // namespace casehub::platform
