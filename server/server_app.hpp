// ServerApp: the composition root. Opens the data directory's casehub.db (the SQLite
// stores, schema migrated), gives the stores to the sync and auth services, seeds a new
// database with the demo organisation, and installs every route. The one place above
// server/http, server/services and server/storage that names all three; main.cpp and
// the server tests build a server through it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

#include "server/config.hpp"
#include "server/services/auth_service.hpp"
#include "server/services/rate_limiter.hpp"
#include "server/services/scheduled_jobs.hpp"
#include "server/services/sync_service.hpp"

namespace casehub::server {

// The password every demo user gets on the first run (printed by the run command).
inline constexpr const char* demo_password = "casehub-demo";

class ServerApp {
public:
    // Opens (creating if new) data_dir/casehub.db. On a new database with
    // config.demo_cases > 0, loads the demo organisation and that many cases, and gives
    // every demo user the demo password. Error "storage" when the files are unusable or
    // were written by a newer server.
    static Result<std::unique_ptr<ServerApp>> open(const ServerConfig& config, AuthOptions auth_options = {});

    // Base routes (static app, /health, JSON errors) plus /api/auth/* and /api/sync/*.
    void install_routes(httplib::Server& server);

    // Starts the scheduled jobs thread (config.jobs_interval_seconds; 0 = off) and stops
    // it; main.cpp runs it while serving. The destructor stops it too.
    void start_jobs() { jobs_->start(); }
    void stop_jobs() { jobs_->stop(); }
    ScheduledJobs& jobs() { return *jobs_; }

    SyncService& sync() { return *sync_; }
    AuthService& auth() { return *auth_; }
    // Usernames of the demo users, when this run seeded them (for the startup banner).
    const std::vector<std::string>& seeded_usernames() const { return seeded_usernames_; }

private:
    ServerApp() = default;
    ServerConfig config_;
    std::unique_ptr<SyncService> sync_;
    std::unique_ptr<AuthService> auth_;
    std::unique_ptr<ScheduledJobs> jobs_;  // after sync_: destroyed (stopped) before it
    std::unique_ptr<RateLimiter> push_limiter_;     // per user (config.push_rate)
    std::unique_ptr<RateLimiter> inbound_limiter_;  // per client address (config.inbound_rate)
    std::vector<std::string> seeded_usernames_;
};

}  // namespace casehub::server
