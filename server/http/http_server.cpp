// Base routes. Keep-alive and the pool are set explicitly: httplib holds one pooled
// thread per open connection, and the realtime event stream keeps one open per client.
#include "server/http/http_server.hpp"

#include "server/http/http_json.hpp"
#include "server/http/static_files.hpp"

namespace casehub::server {

void install_base_routes(httplib::Server& server, const HttpOptions& options) {
    const int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server.set_keep_alive_max_count(100);
    server.set_keep_alive_timeout(5);
    server.set_read_timeout(30, 0);
    server.set_write_timeout(30, 0);
    server.set_payload_max_length(max_request_body);
    // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
    // port silently (the kernel then splits connections between them). Only SO_REUSEADDR,
    // so a taken port fails loudly and a restart can rebind at once.
    server.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
    });

    server.Get("/health", [](const httplib::Request&, httplib::Response& res) {
        send_json(res, 200, Json{{"status", "ok"}, {"service", "casehub"}});
    });

    install_static_routes(server, options.web_root);

    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;  // a route already wrote its own error body
        if (res.status == 404)
            send_error(res, 404, "not_found", "No such route: " + req.method + " " + req.path);
        else if (res.status == 413)
            send_error(res, 413, "body_too_large",
                       "The request body is larger than " + std::to_string(max_request_body / (1024 * 1024)) +
                           " MiB; nothing was changed.");
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
