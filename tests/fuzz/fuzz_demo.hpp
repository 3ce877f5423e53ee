// The demo organisation the mutation-running fuzz targets work on: made once per
// process (100 cases, fixed seed and time, so runs repeat), with the real registry and
// SecurityPolicy; each input works on a copy of its state.
#pragma once
#include <string>

#include "core/app/app_registry.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/demo/demo_data.hpp"
#include "core/security/security.hpp"
#include "core/sync/sync_server.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace casehub::fuzz {

inline constexpr TimestampMs demo_now = 1'780'000'000'000;  // 2026-05-28, fixed: runs repeat

// The demo organisation (100 cases) as the server holds it after seeding, the real
// registry and SecurityPolicy, made on first use. Each input works on a copy.
struct DemoServer {
    SyncServerState state;
    MutationRegistry registry = make_sync_registry();
    SecurityPolicy policy;

    DemoServer() {
        Store demo;
        DemoOptions options;
        options.case_count = 100;
        options.now_ms = demo_now;
        generate_demo_data(options, demo);
        std::vector<Record> records;
        demo.for_each_record([&](const Record& r) { records.push_back(r); });
        state.seed(records);
    }

    // The context of a demo user by username; alex when the name is not one of them.
    UserContext user(const std::string& username) const {
        const Record* u = find_user_by_domainname(state.store, username);
        if (!u) u = find_user_by_domainname(state.store, "alex");
        auto ctx = user_context_for(state.store, u->id);
        FUZZ_CHECK(ctx.ok(), "a demo user has a security context");
        return *ctx;
    }
};

inline const DemoServer& demo_server() {
    static const DemoServer server;
    return server;
}

}  // namespace casehub::fuzz
