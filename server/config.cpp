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

}  // namespace

std::string server_usage() {
    return "usage: casehub_server [--host ADDR] [--port N] [--data-dir DIR] [--web-root DIR]\n"
           "                      [--demo-cases N] [--threads N] [--jobs-interval-seconds N] [--mail-drop DIR]\n"
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
           "                    (CASEHUB_MAIL_DROP, default <data dir>/outbox)\n";
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
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") { c.show_help = true; continue; }
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return make_error("bad_flag", a + " needs a value");
            return args[++i];
        };
        if (a == "--host" || a == "--data-dir" || a == "--web-root" || a == "--mail-drop") {
            auto v = value();
            if (!v) return v.error();
            (a == "--host" ? c.host : a == "--data-dir" ? c.data_dir : a == "--web-root" ? c.web_root : c.mail_drop) = *v;
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
    return c;
}

}  // namespace casehub::server
