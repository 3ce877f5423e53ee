// ServerConfig: where the server listens, where it keeps its data and which web
// files it serves. Read from flags, then environment (CASEHUB_*), then defaults.
#pragma once
#include <string>
#include <vector>

#include "core/base/json_limits.hpp"
#include "core/base/result.hpp"
#include "server/http/connection_guard.hpp"

namespace casehub::server {

struct ServerConfig {
    std::string host = "127.0.0.1";   // CASEHUB_HOST / --host
    int port = 8080;                  // CASEHUB_PORT / --port (0 = any free port)
    std::string data_dir = "data";    // CASEHUB_DATA_DIR / --data-dir: holds casehub.db
    std::string web_root = "build/web/dist";  // CASEHUB_WEB_ROOT / --web-root
    int demo_cases = 300;             // CASEHUB_DEMO_CASES / --demo-cases: seeded on first run (0 = none)
    int threads = 16;                 // CASEHUB_THREADS / --threads: worker pool (one per open event stream)
    int jobs_interval_seconds = 30;   // CASEHUB_JOBS_INTERVAL / --jobs-interval-seconds: scheduled jobs (0 = off)
    std::string mail_drop;            // CASEHUB_MAIL_DROP / --mail-drop: sent email files (empty = <data dir>/outbox)
    std::string tls_cert;             // CASEHUB_TLS_CERT / --tls-cert: PEM certificate chain; with tls_key, serve HTTPS
    std::string tls_key;              // CASEHUB_TLS_KEY / --tls-key: PEM private key of that certificate
    // Limits against greedy and slow clients (docs/security.md), each also CASEHUB_<NAME>:
    int max_body_kib = 8 * 1024;        // --max-body-kib: a request body, however it is sent
    int max_json_depth = 64;            // --max-json-depth: nesting of any JSON body
    int max_headers = 100;              // --max-headers: header lines per request
    int header_timeout_seconds = 10;    // --header-timeout-seconds: the whole request head
    int body_timeout_seconds = 30;      // --body-timeout-seconds: the whole body
    int max_connections_per_address = 64;  // --max-connections-per-address
    int hash_concurrency = 2;           // --hash-concurrency: password hashes computed at once
    int push_rate = 20;                 // --push-rate: pushes per second per user (bursts of 5x)
    int inbound_rate = 20;              // --inbound-rate: inbound emails per second per address (bursts of 5x)
    bool show_help = false;
};

// The connection front's limits from the configuration (workers = threads).
ConnectionLimits connection_limits(const ServerConfig& config);
// The JSON limits every request body is parsed under.
JsonLimits json_limits(const ServerConfig& config);

// Parses argv (after the program name) over the environment's CASEHUB_* values.
// An unknown flag or a bad number is an Error naming it.
Result<ServerConfig> parse_server_config(const std::vector<std::string>& args);

std::string server_usage();

// The mail drop directory: mail_drop, or <data_dir>/outbox when it is not set.
std::string mail_drop_dir(const ServerConfig& config);

}  // namespace casehub::server
