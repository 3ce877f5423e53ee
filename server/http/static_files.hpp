// Serves the built web app (index.html, the wasm client, service worker, manifest)
// from a directory with correct MIME types, validators and caching headers.
#pragma once
#include <string>

#include <httplib.h>

namespace casehub::server {

// GET/HEAD for every path under web_root ("/" is index.html). Paths that escape the
// root or do not exist fall through (the caller's 404 handler answers).
void install_static_routes(httplib::Server& server, const std::string& web_root);

// MIME type for a file name by extension ("application/wasm" for .wasm, ...).
std::string mime_type_for(const std::string& path);

// The Content-Security-Policy for an HTML page: scripts only from this origin plus the
// page's own inline <script> blocks (by SHA-256, so nothing injected runs), WebAssembly
// compilation allowed ('wasm-unsafe-eval'), inline styles (the shell's <style>), no
// plugins, no <base>, and no framing (frame-ancestors 'none', against clickjacking).
std::string content_security_policy(const std::string& html);

}  // namespace casehub::server
