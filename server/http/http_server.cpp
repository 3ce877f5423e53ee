// Base routes and the checks made before a body is read.
#include "server/http/http_server.hpp"

#include <algorithm>
#include <cctype>

#include "server/http/connection_guard.hpp"

#include "server/http/http_json.hpp"
#include "server/http/static_files.hpp"

namespace casehub::server {

void install_base_routes(httplib::Server& server, const HttpOptions& options) {
    const std::size_t max_body = options.max_body_bytes;
    server.set_keep_alive_max_count(100);
    server.set_keep_alive_timeout(5);
    server.set_read_timeout(30, 0);
    server.set_write_timeout(30, 0);
    server.set_payload_max_length(max_body);
    // On every answer, errors included: no MIME sniffing, no framing, no referrer leaving
    // the app (the CSP of HTML pages is set by the static routes).
    httplib::Headers headers{{"X-Content-Type-Options", "nosniff"},
                             {"X-Frame-Options", "DENY"},
                             {"Referrer-Policy", "no-referrer"}};
    // Over HTTPS, a year of HTTPS only (no includeSubDomains: the server does not know
    // what else runs under its domain).
    if (options.hsts) headers.emplace("Strict-Transport-Security", "max-age=31536000");
    server.set_default_headers(std::move(headers));
    // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
    // port silently (the kernel then splits connections between them). Only SO_REUSEADDR,
    // so a taken port fails loudly and a restart can rebind at once.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
    });

    // Before routing, httplib has read the headers but not the body: what can be refused
    // from the headers alone is refused here, and the connection closed (the unread body
    // must not be taken for the next request).
    server.set_pre_routing_handler([max_body](const httplib::Request& req, httplib::Response& res) {
        if (req.has_header("Content-Encoding")) {
            std::string enc = req.get_header_value("Content-Encoding");
            std::transform(enc.begin(), enc.end(), enc.begin(), [](unsigned char c) { return std::tolower(c); });
            if (enc != "identity") {
                close_connection_after_response();
                send_error(res, 415, "unsupported_encoding",
                           "Request bodies are taken uncompressed only (this one is Content-Encoding: " + enc +
                               "); send it as plain JSON. Nothing was changed.");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        if (req.has_header("Content-Length")) {
            const std::string text = req.get_header_value("Content-Length");
            const bool digits = !text.empty() && text.size() <= 18 &&
                                std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
            if (!digits) {
                close_connection_after_response();
                send_error(res, 400, "bad_content_length",
                           "Content-Length must be a whole number of bytes, not \"" + text.substr(0, 40) +
                               "\". Nothing was changed.");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (std::stoull(text) > max_body) {
                close_connection_after_response();
                send_error(res, 413, "body_too_large",
                           "The request body is " + text + " bytes; at most " + std::to_string(max_body) +
                               " are taken. Nothing was changed; send less at a time.");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
        send_json(res, 200, Json{{"status", "ok"}, {"service", "casehub"}});
    });

    install_static_routes(server, options.web_root);

    server.set_error_handler([max_body](const httplib::Request& req, httplib::Response& res) {
        if (auto cut = current_request_violation()) {  // the front cut the body short
            send_error(res, cut->status, cut->code, cut->message);
            return;
        }
        if (!res.body.empty()) return;  // a route already wrote its own error body
        if (res.status == 404)
            send_error(res, 404, "not_found", "No such route: " + req.method + " " + req.path);
        else if (res.status == 413)
            send_error(res, 413, "body_too_large",
                       "The request body is larger than " + std::to_string(max_body) +
                           " bytes; nothing was changed.");
        else if (res.status == 400)
            send_error(res, 400, "bad_request", "The request could not be read.");
        else
            send_error(res, res.status, "http_" + std::to_string(res.status), "The request failed.");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        send_error(res, 500, "internal", "The server failed to handle the request (" + what + "); nothing was lost: retry.");
    });
}

}  // namespace casehub::server
