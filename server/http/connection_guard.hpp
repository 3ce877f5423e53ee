// GuardedServer: httplib::Server with a connection front of our own, so that no client can
// pin the workers or grow memory before a request is complete:
//   - one reception thread (epoll) holds every connection while its request line and
//     headers arrive, enforcing their size, their count and a deadline for the whole
//     header block (431, 408); idle keep-alive connections wait there too, not in a worker;
//   - a fixed pool of workers serves only requests whose headers are complete, reading
//     the body through a stream that enforces a size cap (with or without Content-Length,
//     chunked included: 413) and a minimum pace (64 KiB per body timeout, else 408), so
//     a trickling client cannot hold a worker while a slow link still completes;
//   - bounded admission: at most N connections at once and M per client address, and a
//     bounded queue of complete requests waiting for a worker; beyond, an immediate 503
//     with Retry-After instead of an unbounded backlog;
//   - a listen backlog raised above httplib's compiled-in 5, so bursts are not reset;
//   - optionally TLS (OpenSSL, as httplib's SSLServer uses it): the handshake is made by
//     the reception under the header deadline, so a client that never finishes it holds
//     no worker either; workers read and write through the connection's TLS session.
// httplib parses and routes as always (process_request); only the socket handling is ours.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <httplib.h>
#include <openssl/ssl.h>

#include "core/base/result.hpp"

namespace casehub::server {

struct ConnectionLimits {
    std::size_t max_header_bytes = 32 * 1024;         // request line + headers
    std::size_t max_header_count = 100;               // header lines
    int header_timeout_ms = 10'000;                   // the whole header block, from its first byte
    int idle_timeout_ms = 5'000;                      // keep-alive wait for the next request
    std::size_t max_body_bytes = 8 * 1024 * 1024;     // per request, however it is sent
    int body_timeout_ms = 30'000;                     // a body window: 64 KiB must arrive per window
    int write_timeout_ms = 30'000;                    // an answer window: 64 KiB must leave per window
    std::size_t workers = 16;                         // requests served at once
    std::size_t max_waiting_requests = 256;           // complete requests queued for a worker
    std::size_t max_connections = 2048;               // open at once, all addresses
    std::size_t max_connections_per_address = 64;     // open at once from one client address
    int listen_backlog = 1024;                        // kernel queue of not yet accepted connections
    std::size_t keep_alive_max_requests = 100;        // then the connection is closed
};

// Why the request being served on this thread was cut short by the front (a body too
// large or too slow), for the error handler to answer with the right status and message.
struct RequestViolation {
    int status = 0;        // 413, 408
    std::string code;      // "body_too_large", "request_timeout"
    std::string message;   // a sentence a person can act on
};
std::optional<RequestViolation> current_request_violation();

// Asks the front to close this thread's connection after the answer (a route that
// answered without reading the body).
void close_connection_after_response();

class GuardedServer : public httplib::Server {
public:
    explicit GuardedServer(ConnectionLimits limits = {});
    ~GuardedServer() override;
    GuardedServer(const GuardedServer&) = delete;
    GuardedServer& operator=(const GuardedServer&) = delete;

    // Binds `host`:`port` (0 = any free port) with the raised backlog. The bound port, or
    // -1 when the address cannot be bound.
    int bind_guarded(const std::string& host, int port);

    const ConnectionLimits& limits() const { return limits_; }

    // Serves HTTPS from now on: every connection accepted afterwards must complete a TLS
    // (1.2 or later) handshake with this PEM certificate chain and private key. Error
    // "tls" naming the file and OpenSSL's reason when a file cannot be read or the key
    // does not match the certificate; the server is then unchanged.
    Status use_tls(const std::string& cert_file, const std::string& key_file);
    bool uses_tls() const { return tls_ != nullptr; }

    class Front;  // the reception thread and the workers (connection_guard.cpp)

private:
    bool process_and_close_socket(socket_t sock) override;
    friend class Front;
    bool serve_request(httplib::Stream& stream, bool close_connection, bool& connection_closed);
    bool is_listening() const;

    ConnectionLimits limits_;
    std::atomic<Front*> front_{nullptr};
    SSL_CTX* tls_ = nullptr;  // owned; nullptr: plain HTTP
};

}  // namespace casehub::server
