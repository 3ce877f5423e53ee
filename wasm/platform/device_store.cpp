// Emscripten side of platform/device_store.hpp: thin calls into window.CaseHubDeviceStore
// (web/device_store.js); the current store is Module.casehubDevice. Texts cross as UTF-8.
#include "wasm/platform/device_store.hpp"

#include <cstdlib>

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

EM_JS(void, casehub_js_device_open, (const char* name), {
    var old = Module.casehubDevice;
    if (old) old.close();
    var Store = window.CaseHubDeviceStore;
    if (!Store) {
        Module.casehubDevice = { openError: { name: "NotFoundError", message: "device_store.js is not loaded" },
                                 takeHead: function () { return null; }, takePage: function () { return null; },
                                 isDone: function () { return true; }, write: function () {}, takeResults: function () { return []; },
                                 unblock: function () {}, close: function () {}, readError: null };
        return;
    }
    Module.casehubDevice = new Store(UTF8ToString(name));
});

EM_JS(char*, casehub_js_device_call, (int what), {
    var d = Module.casehubDevice;
    var text = null;
    if (d) {
        if (what === 0) text = d.openError ? d.openError.name + ": " + d.openError.message : "";
        else if (what === 1) text = d.readError ? d.readError.name + ": " + d.readError.message : "";
        else if (what === 2) text = d.takeHead();
        else if (what === 3) text = d.takePage();
        else if (what === 4) text = JSON.stringify(d.takeResults());
    }
    if (text === null || text === undefined) return 0;
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    return p;
});

EM_JS(int, casehub_js_device_done, (), { return Module.casehubDevice && Module.casehubDevice.isDone() ? 1 : 0; });

EM_JS(void, casehub_js_device_write, (double ticket, const char* text), {
    if (Module.casehubDevice) Module.casehubDevice.write(ticket, UTF8ToString(text));
});

EM_JS(void, casehub_js_device_unblock, (), { if (Module.casehubDevice) Module.casehubDevice.unblock(); });

EM_JS(void, casehub_js_device_close, (), {
    if (Module.casehubDevice) Module.casehubDevice.close();
    Module.casehubDevice = null;
});

EM_JS(void, casehub_js_on_page_hide, (), {
    var call = function () { if (Module._casehub_on_page_hide) Module._casehub_on_page_hide(); };
    window.addEventListener("pagehide", call);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") call(); });
});

namespace casehub::platform {
namespace {

enum Call { kOpenError = 0, kReadError = 1, kHead = 2, kPage = 3, kResults = 4 };

std::optional<std::string> call(Call what) {
    char* text = casehub_js_device_call(what);
    if (!text) return std::nullopt;
    std::string s = text;
    std::free(text);
    return s;
}

std::uint64_t g_next_ticket = 1;

}  // namespace

void open_device_store(const std::string& user_id) { casehub_js_device_open(("casehub-replica-" + user_id).c_str()); }

std::string device_store_open_error() { return call(kOpenError).value_or(""); }
std::string device_store_read_error() { return call(kReadError).value_or(""); }
std::optional<std::string> take_device_head() { return call(kHead); }
std::optional<std::string> take_device_record_page() { return call(kPage); }
bool device_records_done() { return casehub_js_device_done() != 0; }

std::uint64_t write_device_batch(const std::string& batch_json) {
    const std::uint64_t ticket = g_next_ticket++;
    casehub_js_device_write(static_cast<double>(ticket), batch_json.c_str());
    return ticket;
}

std::vector<DeviceWriteResult> take_device_results() {
    std::vector<DeviceWriteResult> out;
    const auto text = call(kResults);
    if (!text) return out;
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& r : j) {
        DeviceWriteResult w;
        w.ticket = r.value("ticket", std::uint64_t{0});
        w.ok = r.value("ok", false);
        w.error_name = r.value("name", std::string());
        w.error_message = r.value("message", std::string());
        w.ms = r.value("ms", 0.0);
        w.bytes = r.value("bytes", std::size_t{0});
        out.push_back(std::move(w));
    }
    return out;
}

void unblock_device_writes() { casehub_js_device_unblock(); }
void close_device_store() { casehub_js_device_close(); }
void install_page_hide_listener() { casehub_js_on_page_hide(); }

}  // namespace casehub::platform
