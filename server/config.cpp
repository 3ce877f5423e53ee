// Flags and environment for the server; flags win over environment over defaults.
#include "server/config.hpp"

#include <cstdlib>

namespace casehub::server {
namespace {

Result<int> parse_int(const std::string& name, const std::string& text, int lo, int hi) {
    if (text.empty()) return make_error("bad_flag", name + " needs a number");
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || v < lo || v > hi)
        return make_error("bad_flag", name + " must be a whole number from " + std::to_string(lo) + " to " +
                                          std::to_string(hi) + ", not '" + text + "'");
    return static_cast<int>(v);
}

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
}

// The limit flags: --name N or CASEHUB_NAME=N, a whole number in [lo, hi].
struct LimitFlag {
    const char* flag;
    const char* variable;
    int lo, hi;
    int ServerConfig::*field;
};
constexpr LimitFlag limit_flags[] = {
    {"--max-body-kib", "CASEHUB_MAX_BODY_KIB", 1, 1024 * 1024, &ServerConfig::max_body_kib},
    {"--max-json-depth", "CASEHUB_MAX_JSON_DEPTH", 4, 1000, &ServerConfig::max_json_depth},
    {"--max-headers", "CASEHUB_MAX_HEADERS", 8, 10'000, &ServerConfig::max_headers},
    {"--header-timeout-seconds", "CASEHUB_HEADER_TIMEOUT_SECONDS", 1, 3600, &ServerConfig::header_timeout_seconds},
    {"--body-timeout-seconds", "CASEHUB_BODY_TIMEOUT_SECONDS", 1, 3600, &ServerConfig::body_timeout_seconds},
    {"--max-connections-per-address", "CASEHUB_MAX_CONNECTIONS_PER_ADDRESS", 1, 100'000,
     &ServerConfig::max_connections_per_address},
    {"--hash-concurrency", "CASEHUB_HASH_CONCURRENCY", 1, 256, &ServerConfig::hash_concurrency},
    {"--push-rate", "CASEHUB_PUSH_RATE", 1, 100'000, &ServerConfig::push_rate},
    {"--inbound-rate", "CASEHUB_INBOUND_RATE", 1, 100'000, &ServerConfig::inbound_rate},
};

}  // namespace

std::string server_usage() {
    return "usage: casehub_server [--host ADDR] [--port N] [--data-dir DIR] [--web-root DIR]\n"
           "                      [--demo-cases N] [--threads N] [--jobs-interval-seconds N] [--mail-drop DIR]\n"
           "                      [--tls-cert FILE --tls-key FILE]\n"
           "  --host ADDR       listen address (CASEHUB_HOST, default 127.0.0.1)\n"
           "  --port N          listen port, 0 picks a free one (CASEHUB_PORT, default 8080)\n"
           "  --data-dir DIR    where casehub.db lives, created if missing (CASEHUB_DATA_DIR, default ./data)\n"
           "  --web-root DIR    the built web app to serve (CASEHUB_WEB_ROOT, default build/web/dist)\n"
           "  --demo-cases N    demo cases loaded into a new database (CASEHUB_DEMO_CASES, default 300)\n"
           "  --threads N       HTTP worker threads (CASEHUB_THREADS, default 16)\n"
           "  --jobs-interval-seconds N\n"
           "                    how often SLA actions, article publishing/expiry and email delivery run;\n"
           "                    0 turns them off (CASEHUB_JOBS_INTERVAL, default 30)\n"
           "  --mail-drop DIR   where sent emails are written as <id>.eml for a mail gateway to pick up\n"
           "                    (CASEHUB_MAIL_DROP, default <data dir>/outbox)\n"
           "  --tls-cert FILE   serve HTTPS with this PEM certificate (chain) and --tls-key FILE, its\n"
           "  --tls-key FILE    private key; answers then carry HSTS (CASEHUB_TLS_CERT, CASEHUB_TLS_KEY;\n"
           "                    scripts/run.sh --tls makes a self-signed pair)\n"
           "limits (docs/security.md); each is also CASEHUB_<NAME IN CAPITALS>, e.g. CASEHUB_MAX_BODY_KIB:\n"
           "  --max-body-kib N  largest request body, with or without Content-Length (default 8192)\n"
           "  --max-json-depth N  deepest nesting of a JSON body (default 64)\n"
           "  --max-headers N   header lines per request (default 100)\n"
           "  --header-timeout-seconds N  time for a whole request head (default 10)\n"
           "  --body-timeout-seconds N    a request body must bring 64 KiB per N s (default 30)\n"
           "  --max-connections-per-address N  open connections from one address (default 64)\n"
           "  --hash-concurrency N  sign-in password hashes computed at once; more wait briefly,\n"
           "                    then get 503 + Retry-After (default 2)\n"
           "  --push-rate N     sync pushes per second per user, in bursts of up to 5N (default 20)\n"
           "  --inbound-rate N  inbound emails per second per client address, bursts of 5N (default 20)\n";
}

ConnectionLimits connection_limits(const ServerConfig& config) {
    ConnectionLimits l;
    l.max_body_bytes = static_cast<std::size_t>(config.max_body_kib) * 1024;
    l.max_header_count = static_cast<std::size_t>(config.max_headers);
    l.header_timeout_ms = config.header_timeout_seconds * 1000;
    l.body_timeout_ms = config.body_timeout_seconds * 1000;
    l.max_connections_per_address = static_cast<std::size_t>(config.max_connections_per_address);
    l.workers = static_cast<std::size_t>(config.threads);
    return l;
}

JsonLimits json_limits(const ServerConfig& config) {
    JsonLimits l;
    l.max_depth = static_cast<std::size_t>(config.max_json_depth);
    return l;
}

std::string mail_drop_dir(const ServerConfig& config) {
    return config.mail_drop.empty() ? config.data_dir + "/outbox" : config.mail_drop;
}

Result<ServerConfig> parse_server_config(const std::vector<std::string>& args) {
    ServerConfig c;
    if (auto v = env("CASEHUB_HOST")) c.host = v;
    if (auto v = env("CASEHUB_DATA_DIR")) c.data_dir = v;
    if (auto v = env("CASEHUB_WEB_ROOT")) c.web_root = v;
    if (auto v = env("CASEHUB_PORT")) {
        auto p = parse_int("CASEHUB_PORT", v, 0, 65535);
        if (!p) return p.error();
        c.port = *p;
    }
    if (auto v = env("CASEHUB_DEMO_CASES")) {
        auto p = parse_int("CASEHUB_DEMO_CASES", v, 0, 1000000);
        if (!p) return p.error();
        c.demo_cases = *p;
    }
    if (auto v = env("CASEHUB_MAIL_DROP")) c.mail_drop = v;
    if (auto v = env("CASEHUB_TLS_CERT")) c.tls_cert = v;
    if (auto v = env("CASEHUB_TLS_KEY")) c.tls_key = v;
    if (auto v = env("CASEHUB_JOBS_INTERVAL")) {
        auto p = parse_int("CASEHUB_JOBS_INTERVAL", v, 0, 86400);
        if (!p) return p.error();
        c.jobs_interval_seconds = *p;
    }
    if (auto v = env("CASEHUB_THREADS")) {
        auto p = parse_int("CASEHUB_THREADS", v, 1, 1024);
        if (!p) return p.error();
        c.threads = *p;
    }
    for (const LimitFlag& f : limit_flags) {
        if (auto v = env(f.variable)) {
            auto p = parse_int(f.variable, v, f.lo, f.hi);
            if (!p) return p.error();
            c.*f.field = *p;
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const LimitFlag* limit = nullptr;
        for (const LimitFlag& f : limit_flags) if (a == f.flag) limit = &f;
        if (limit) {
            if (i + 1 >= args.size()) return make_error("bad_flag", a + " needs a value");
            auto n = parse_int(a, args[++i], limit->lo, limit->hi);
            if (!n) return n.error();
            c.*limit->field = *n;
            continue;
        }
        if (a == "-h" || a == "--help") { c.show_help = true; continue; }
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return make_error("bad_flag", a + " needs a value");
            return args[++i];
        };
        if (a == "--host" || a == "--data-dir" || a == "--web-root" || a == "--mail-drop") {
            auto v = value();
            if (!v) return v.error();
            (a == "--host" ? c.host : a == "--data-dir" ? c.data_dir : a == "--web-root" ? c.web_root : c.mail_drop) = *v;
        } else if (a == "--tls-cert" || a == "--tls-key") {
            auto v = value();
            if (!v) return v.error();
            (a == "--tls-cert" ? c.tls_cert : c.tls_key) = *v;
        } else if (a == "--jobs-interval-seconds") {
            auto v = value();
            if (!v) return v.error();
            auto n = parse_int(a, *v, 0, 86400);
            if (!n) return n.error();
            c.jobs_interval_seconds = *n;
        } else if (a == "--port" || a == "--demo-cases" || a == "--threads") {
            auto v = value();
            if (!v) return v.error();
            auto n = a == "--port" ? parse_int(a, *v, 0, 65535)
                     : a == "--threads" ? parse_int(a, *v, 1, 1024) : parse_int(a, *v, 0, 1000000);
            if (!n) return n.error();
            (a == "--port" ? c.port : a == "--threads" ? c.threads : c.demo_cases) = *n;
        } else {
            return make_error("bad_flag", "unknown flag '" + a + "'\n" + server_usage());
        }
    }
    if (c.tls_cert.empty() != c.tls_key.empty())
        return make_error("bad_flag", "HTTPS needs both --tls-cert FILE and --tls-key FILE (or CASEHUB_TLS_CERT and "
                                      "CASEHUB_TLS_KEY); only " + std::string(c.tls_cert.empty() ? "the key" : "the certificate") +
                                      " was given.");
    return c;
}

}  // namespace casehub::server
