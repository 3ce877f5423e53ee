// The HTTP surface every CaseHub server has whatever else it serves: /health, the
// static web app, JSON errors for unknown routes and failures, body limits, and a
// worker pool sized for long-lived event streams.
#pragma once
#include <httplib.h>

#include "server/config.hpp"

namespace casehub::server {

// Installs /health, the static routes, the 404/500 JSON handlers, the body limit,
// timeouts and the thread pool on `server`.
void install_base_routes(httplib::Server& server, const ServerConfig& config);

}  // namespace casehub::server
