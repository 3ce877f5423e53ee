// Composition root. Credentials are ensured for every systemuser of the seeded demo
// organisation; on later runs existing passwords are left alone.
#include "server/server_app.hpp"

#include <chrono>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "server/http/auth_routes.hpp"
#include "server/http/http_server.hpp"
#include "server/http/inbound_email_routes.hpp"
#include "server/http/sync_routes.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace casehub::server {

Result<std::unique_ptr<ServerApp>> ServerApp::open(const ServerConfig& config, AuthOptions auth_options) {
    std::unique_ptr<ServerApp> app(new ServerApp());
    app->config_ = config;
    const std::string db_path = config.data_dir + "/casehub.db";

    auto storage = open_sqlite_storage(db_path);
    if (!storage) return storage.error();
    auto sync = SyncService::open(std::move(storage->sync), make_sync_registry(), std::make_unique<SecurityPolicy>());
    if (!sync) return sync.error();
    app->sync_ = std::move(*sync);
    auth_options.max_concurrent_hashes = config.hash_concurrency;
    auto auth = AuthService::open(std::move(storage->credentials), std::move(storage->sessions), std::move(auth_options));
    if (!auth) return auth.error();
    app->auth_ = std::move(*auth);
    ScheduledJobsOptions jobs;
    jobs.interval_seconds = config.jobs_interval_seconds;
    jobs.mail_drop = mail_drop_dir(config);
    app->jobs_ = std::make_unique<ScheduledJobs>(*app->sync_, std::move(jobs));

    if (config.demo_cases > 0 && app->sync_->seq() == 0) {
        Store demo;
        DemoOptions options;
        options.case_count = static_cast<std::size_t>(config.demo_cases);
        options.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        generate_demo_data(options, demo);
        if (auto s = app->sync_->seed_if_empty(demo); !s) return s.error();
        Status ensured;
        demo.for_each("systemuser", [&](const Record& user) {
            const Json* name = user.get("domainname");
            if (!ensured || !name || !name->is_string()) return;
            ensured = app->auth_->ensure_user(user.id, name->get<std::string>(), demo_password);
            if (ensured) app->seeded_usernames_.push_back(name->get<std::string>());
        });
        if (!ensured) return ensured.error();
    }
    return app;
}

void ServerApp::install_routes(httplib::Server& server) {
    install_base_routes(server, HttpOptions{config_.web_root, static_cast<std::size_t>(config_.max_body_kib) * 1024,
                                            !config_.tls_cert.empty()});
    const UserDirectory users = sync_user_directory(*sync_);
    const JsonLimits json = json_limits(config_);
    install_auth_routes(server, *auth_, users, json);
    push_limiter_ = std::make_unique<RateLimiter>(RateLimit{double(config_.push_rate), 5.0 * config_.push_rate});
    inbound_limiter_ = std::make_unique<RateLimiter>(RateLimit{double(config_.inbound_rate), 5.0 * config_.inbound_rate});
    install_sync_routes(server, *sync_, *auth_, users, json, push_limiter_.get());
    install_inbound_email_routes(server, *sync_, *auth_, users, inbound_email_options_from_env(), json,
                                 inbound_limiter_.get());
}

}  // namespace casehub::server
