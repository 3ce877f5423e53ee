// The HTTP surface every CaseHub server has whatever else it serves: /health, the
// static web app, JSON errors for unknown routes and failures, and the request checks
// made before any body is read (Content-Length, Content-Encoding). Connections, workers
// and the body cap for chunked bodies are the GuardedServer's (connection_guard.hpp).
#pragma once
#include <string>

#include <httplib.h>

namespace casehub::server {

// What the base routes need from the server's configuration (config.hpp fills it).
struct HttpOptions {
    std::string web_root = "build/web/dist";  // the built web app
    std::size_t max_body_bytes = 8 * 1024 * 1024;  // a larger Content-Length is refused unread
    bool hsts = false;  // served over HTTPS: every answer tells browsers to use only HTTPS
};

// Installs /health, the static routes, the 404/500 JSON handlers, the security headers
// every answer carries (nosniff, X-Frame-Options DENY, Referrer-Policy; Strict-Transport-
// Security when options.hsts) and the pre-routing
// request checks on `server`: a Content-Length that is not a whole number (400) or is
// over the limit (413), and a compressed body (415), are answered without reading it.
void install_base_routes(httplib::Server& server, const HttpOptions& options);

}  // namespace casehub::server
