// The HTTP surface every CaseHub server has whatever else it serves: /health, the
// static web app, JSON errors for unknown routes and failures, body limits, and a
// worker pool sized for long-lived event streams.
#pragma once
#include <string>

#include <httplib.h>

namespace casehub::server {

// What the base routes need from the server's configuration (config.hpp fills it).
struct HttpOptions {
    std::string web_root = "build/web/dist";  // the built web app
    int threads = 16;                         // worker pool (one per open event stream)
};

// Installs /health, the static routes, the 404/500 JSON handlers, the body limit,
// timeouts and the thread pool on `server`.
void install_base_routes(httplib::Server& server, const HttpOptions& options);

}  // namespace casehub::server
