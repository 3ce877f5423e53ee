// Emscripten implementation of platform/idb_storage.hpp: IDBFS mounted at /casehub,
// FS.syncfs(true) at start, debounced FS.syncfs(false) after writes (one at a time; a
// write during a flush schedules another), and a flush on pagehide / hidden.
#include "wasm/platform/idb_storage.hpp"

#include <cstdio>
#include <cstdlib>

#include <emscripten/emscripten.h>

#include "wasm/platform/random.hpp"

EM_JS(void, casehub_js_mount_storage, (), {
    if (Module.casehubStorage) return;
    var st = { ready: false, error: "", flushing: false, again: false, timer: 0, dirty: false };
    Module.casehubStorage = st;
    st.flush = function () {
        if (st.timer) { clearTimeout(st.timer); st.timer = 0; }
        if (!st.ready) return;
        if (st.flushing) { st.again = true; return; }
        st.flushing = true;
        st.dirty = false;
        FS.syncfs(false, function (err) {
            st.flushing = false;
            if (err) { st.error = "Saving to IndexedDB failed: " + err; st.dirty = true; }
            if (st.again) { st.again = false; st.flush(); }
        });
    };
    st.flushSoon = function () {
        st.dirty = true;
        if (!st.timer) st.timer = setTimeout(st.flush, 200);
    };
    window.addEventListener("pagehide", function () { if (st.dirty || st.timer) st.flush(); });
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden" && (st.dirty || st.timer)) st.flush();
    });
    var idbfs = (typeof IDBFS !== "undefined") ? IDBFS : (FS.filesystems && FS.filesystems.IDBFS);
    try { FS.mkdir("/casehub"); } catch (e) {}
    if (!idbfs || typeof indexedDB === "undefined") {
        st.error = "This browser has no IndexedDB: work is kept only until the page is closed.";
        st.ready = true;
        return;
    }
    try {
        FS.mount(idbfs, {}, "/casehub");
    } catch (e) {
        st.error = "Local storage could not be opened: " + e;
        st.ready = true;
        return;
    }
    FS.syncfs(true, function (err) {
        if (err) st.error = "Loading from IndexedDB failed: " + err;
        st.ready = true;
    });
});

EM_JS(int, casehub_js_storage_ready, (), { return Module.casehubStorage && Module.casehubStorage.ready ? 1 : 0; });

EM_JS(int, casehub_js_storage_flushed, (), {
    var st = Module.casehubStorage;
    return st && st.ready && !st.dirty && !st.flushing && !st.timer ? 1 : 0;
});

EM_JS(void, casehub_js_storage_flush_soon, (), {
    if (Module.casehubStorage) Module.casehubStorage.flushSoon();
});

EM_JS(char*, casehub_js_storage_error, (), {
    var text = (Module.casehubStorage && Module.casehubStorage.error) || "";
    var n = lengthBytesUTF8(text) + 1;
    var p = _malloc(n);
    stringToUTF8(text, p, n);
    return p;
});

EM_JS(void, casehub_js_request_persist, (), {
    try {
        if (localStorage.getItem("casehub.persist_asked")) return;
        localStorage.setItem("casehub.persist_asked", "1");
    } catch (e) {}
    if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(function (granted) {
            console.log("casehub: persistent storage " + (granted ? "granted" : "not granted"));
        }).catch(function () {});
    }
});

EM_JS(char*, casehub_js_epoch_get, (), {
    var v = null;
    try { v = localStorage.getItem("casehub.storage_epoch"); } catch (e) {}
    v = v || "";
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, casehub_js_epoch_set, (const char* value), {
    try { localStorage.setItem("casehub.storage_epoch", UTF8ToString(value)); } catch (e) {}
});

namespace casehub::platform {
namespace {

std::string path_of(const std::string& name) { return "/casehub/" + name; }

std::string take(char* text) {
    std::string s = text ? text : "";
    std::free(text);
    return s;
}

constexpr const char* kEpochFile = "epoch";

}  // namespace

void mount_local_storage() { casehub_js_mount_storage(); }

bool is_local_storage_ready() { return casehub_js_storage_ready() != 0; }

std::string local_storage_error() { return take(casehub_js_storage_error()); }

std::optional<std::string> read_local_file(const std::string& name) {
    std::FILE* f = std::fopen(path_of(name).c_str(), "rb");
    if (!f) return std::nullopt;
    std::string text;
    std::string chunk(1 << 16, '\0');
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), f);
        text.append(chunk.data(), n);
        if (n < chunk.size()) break;
    }
    std::fclose(f);
    return text;
}

bool write_local_file(const std::string& name, const std::string& text) {
    const std::string tmp = path_of(name + ".tmp");
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed || std::rename(tmp.c_str(), path_of(name).c_str()) != 0) {
        std::remove(tmp.c_str());
        return false;
    }
    casehub_js_storage_flush_soon();
    return true;
}

void remove_local_file(const std::string& name) {
    std::remove(path_of(name).c_str());
    casehub_js_storage_flush_soon();
}

bool is_local_storage_flushed() { return casehub_js_storage_flushed() != 0; }

void request_persistent_storage() { casehub_js_request_persist(); }

bool local_storage_was_evicted() {
    const std::string remembered = take(casehub_js_epoch_get());
    const std::optional<std::string> stored = read_local_file(kEpochFile);
    if (stored && !stored->empty()) {
        if (remembered != *stored) casehub_js_epoch_set(stored->c_str());
        return false;
    }
    const std::string epoch = random_uuid();
    (void)write_local_file(kEpochFile, epoch);
    casehub_js_epoch_set(epoch.c_str());
    return !remembered.empty();
}

}  // namespace casehub::platform
