// Emscripten implementation of platform/http_transport.hpp. Each request keeps its
// strings (method, headers, body) alive until emscripten_fetch calls back; callbacks
// only queue the answer.
#include "wasm/platform/http_transport.hpp"

#include <cstring>
#include <map>
#include <memory>

#include <emscripten/fetch.h>

namespace casehub::platform {
namespace {

struct InFlight {
    HttpRequest request;
    std::string authorization;
    std::vector<const char*> headers;
};

std::map<std::uint64_t, std::unique_ptr<InFlight>>& in_flight() {
    static std::map<std::uint64_t, std::unique_ptr<InFlight>> requests;
    return requests;
}

std::vector<HttpAnswer>& answers() {
    static std::vector<HttpAnswer> queue;
    return queue;
}

std::uint64_t g_next_key = 1;

void finish(emscripten_fetch_t* fetch) {
    const auto key = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(fetch->userData));
    auto it = in_flight().find(key);
    if (it != in_flight().end()) {
        HttpAnswer a;
        a.id = it->second->request.id;
        a.status = fetch->status;
        if (fetch->data && fetch->numBytes > 0) a.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
        answers().push_back(std::move(a));
        in_flight().erase(it);
    }
    emscripten_fetch_close(fetch);
}

}  // namespace

void send_http(const HttpRequest& request) {
    const std::uint64_t key = g_next_key++;
    auto entry = std::make_unique<InFlight>();
    entry->request = request;
    entry->headers = {"Content-Type", "application/json", "Accept", "application/json"};
    if (!request.bearer_token.empty()) {
        entry->authorization = "Bearer " + request.bearer_token;
        entry->headers.push_back("Authorization");
        entry->headers.push_back(entry->authorization.c_str());
    }
    entry->headers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, entry->request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.requestHeaders = entry->headers.data();
    attr.timeoutMSecs = request.timeout_ms;
    attr.onsuccess = finish;
    attr.onerror = finish;
    attr.userData = reinterpret_cast<void*>(static_cast<std::uintptr_t>(key));
    if (!entry->request.body.empty()) {
        attr.requestData = entry->request.body.data();
        attr.requestDataSize = entry->request.body.size();
    }
    InFlight* raw = entry.get();
    in_flight()[key] = std::move(entry);
    if (!emscripten_fetch(&attr, raw->request.path.c_str())) {
        in_flight().erase(key);
        answers().push_back(HttpAnswer{request.id, 0, {}});
    }
}

std::vector<HttpAnswer> take_http_answers() {
    std::vector<HttpAnswer> out;
    out.swap(answers());
    return out;
}

}  // namespace casehub::platform
