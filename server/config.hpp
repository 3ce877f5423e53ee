// ServerConfig: where the server listens, where it keeps its data and which web
// files it serves. Read from flags, then environment (CASEHUB_*), then defaults.
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"

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
    bool show_help = false;
};

// Parses argv (after the program name) over the environment's CASEHUB_* values.
// An unknown flag or a bad number is an Error naming it.
Result<ServerConfig> parse_server_config(const std::vector<std::string>& args);

std::string server_usage();

// The mail drop directory: mail_drop, or <data_dir>/outbox when it is not set.
std::string mail_drop_dir(const ServerConfig& config);

}  // namespace casehub::server
