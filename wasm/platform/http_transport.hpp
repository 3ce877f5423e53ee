// HTTP for the client's data layer (sign-in and sync) over emscripten_fetch: JSON bodies,
// the bearer token, a timeout. Asynchronous: send() returns at once and the answer is
// picked up later with take_http_answers() (once per frame), so no callback ever runs
// inside the UI's drawing.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace casehub::platform {

struct HttpRequest {
    std::uint64_t id = 0;      // the caller's; comes back on the answer
    std::string method;        // "GET" / "POST"
    std::string path;          // "/api/sync/pull?cursor=3", relative to the page's origin
    std::string body;          // JSON text (POST); empty for GET
    std::string bearer_token;  // sent as "Authorization: Bearer ..." when not empty
    unsigned timeout_ms = 30000;
};

struct HttpAnswer {
    std::uint64_t id = 0;
    int status = 0;  // 0: no answer (network down, timeout, aborted)
    std::string body;
};

void send_http(const HttpRequest& request);

// The answers that arrived since the last call, in arrival order.
std::vector<HttpAnswer> take_http_answers();

}  // namespace casehub::platform
