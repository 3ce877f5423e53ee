// casehub_server: parses flags, opens the data directory, installs the routes and
// serves until SIGINT/SIGTERM, when it stops accepting, finishes requests and exits.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <pthread.h>

#include "server/config.hpp"
#include "server/http/connection_guard.hpp"
#include "server/server_app.hpp"

using namespace casehub::server;

int main(int argc, char** argv) {
    auto config = parse_server_config(std::vector<std::string>(argv + 1, argv + argc));
    if (!config) {
        std::fprintf(stderr, "casehub_server: %s\n", config.error().message.c_str());
        return 2;
    }
    if (config->show_help) {
        std::fputs(server_usage().c_str(), stdout);
        return 0;
    }
    std::error_code ec;
    std::filesystem::create_directories(config->data_dir, ec);
    if (ec) {
        std::fprintf(stderr, "casehub_server: cannot create data directory '%s': %s\n", config->data_dir.c_str(),
                     ec.message().c_str());
        return 1;
    }
    if (!std::filesystem::exists(std::filesystem::path(config->web_root) / "index.html"))
        std::fprintf(stderr, "casehub_server: warning: no index.html in web root '%s' (build the web app first)\n",
                     config->web_root.c_str());

    // Signals are taken by one thread with sigwait, so stopping never runs inside a handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto app = ServerApp::open(*config);
    if (!app) {
        std::fprintf(stderr, "casehub_server: %s\n", app.error().message.c_str());
        return 1;
    }
    GuardedServer http(connection_limits(*config));
    if (!config->tls_cert.empty()) {
        if (auto tls = http.use_tls(config->tls_cert, config->tls_key); !tls) {
            std::fprintf(stderr, "casehub_server: %s\n", tls.error().message.c_str());
            return 1;
        }
    }
    (*app)->install_routes(http);

    const int port = http.bind_guarded(config->host, config->port);
    if (port < 0) {
        std::fprintf(stderr,
                     "casehub_server: cannot listen on %s:%d — the port is already in use or the address is not "
                     "local. Stop the other program or choose another port with --port N (or CASEHUB_PORT).\n",
                     config->host.c_str(), config->port);
        return 1;
    }
    std::printf("CaseHub is running at %s://%s:%d/\n", http.uses_tls() ? "https" : "http", config->host == "0.0.0.0" ? "127.0.0.1" : config->host.c_str(),
                port);
    std::printf("data: %s   web: %s   (Ctrl-C stops)\n", config->data_dir.c_str(), config->web_root.c_str());
    if (!(*app)->seeded_usernames().empty()) {
        std::printf("demo data loaded; sign in as any of:");
        for (const auto& u : (*app)->seeded_usernames()) std::printf(" %s", u.c_str());
        std::printf("  (password: %s)\n", demo_password);
    } else {
        std::printf("demo users (if this database was seeded): admin, camille, alex, dewi, budi — password %s\n",
                    demo_password);
    }
    std::fflush(stdout);

    if (config->jobs_interval_seconds > 0)
        std::printf("scheduled jobs every %d s; sent email goes to %s\n", config->jobs_interval_seconds,
                    mail_drop_dir(*config).c_str());
    std::fflush(stdout);
    (*app)->start_jobs();

    std::thread stopper([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        std::fprintf(stderr, "casehub_server: stopping\n");
        http.stop();
    });
    http.listen_after_bind();
    (*app)->stop_jobs();
    if (stopper.joinable()) {
        pthread_kill(stopper.native_handle(), SIGTERM);  // wakes sigwait when listen ended on its own
        stopper.join();
    }
    return 0;
}
