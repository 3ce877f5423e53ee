// Sync spine benchmark: 10,000 record.update mutations made on a client replica, pushed
// in batches of 200, applied by the server under the real SecurityPolicy and persisted
// to SQLite (one transaction per batch, WAL, synchronous=FULL) in a temp file, then
// pulled by a second replica. Reference measured in the same run: raw SQLite inserts of
// 10,000 JSON rows in one transaction, and with one transaction per row.
// Usage: casehub_bench_sync [mutations=10000]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/replica.hpp"
#include "core/security/security.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

#if CASEHUB_HAVE_SQLITE
// The bench links only the core and SQLite: compile the two server files it needs here.
#include <unistd.h>

#include "server/storage/sqlite/schema_migrations.cpp"
#include "server/storage/sqlite/sqlite_db.cpp"
#include "server/storage/sqlite/sqlite_sync_store.cpp"
#endif

using namespace casehub;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void report(const char* what, double seconds, std::size_t n) {
    std::printf("%-58s %9.3f s  %9.2f us/item  %10.0f items/s\n", what, seconds, seconds * 1e6 / static_cast<double>(n),
                static_cast<double>(n) / seconds);
}

#if CASEHUB_HAVE_SQLITE
void sqlite_reference(const std::filesystem::path& dir, std::size_t n) {
    using namespace casehub::server;
    const std::string json =
        R"({"title":"Printer jams on every second page","prioritycode":2,"statecode":0,"statuscode":1,)"
        R"("customerid":{"entity":"account","id":"6f1c1e0e-5d1a-4c1b-9c1e-0e5d1a4c1b9c"},"description":"x"})";
    {
        auto db = SqliteDb::open((dir / "raw_one_tx.db").string());
        (void)db->exec("CREATE TABLE t (id TEXT PRIMARY KEY, json TEXT NOT NULL)");
        const auto t = Clock::now();
        (void)db->exec("BEGIN IMMEDIATE");
        auto st = db->prepare("INSERT INTO t(id, json) VALUES(?1, ?2)");
        for (std::size_t i = 0; i < n; ++i) {
            st->reset();
            st->bind(1, make_uuid_v4(1, i)).bind(2, json);
            st->step();
        }
        (void)db->exec("COMMIT");
        report("reference: raw SQLite, N JSON rows, one transaction", seconds_since(t), n);
    }
    {
        const std::size_t rows = n / 10;  // fsync per row: a tenth is enough to measure
        auto db = SqliteDb::open((dir / "raw_per_row.db").string());
        (void)db->exec("CREATE TABLE t (id TEXT PRIMARY KEY, json TEXT NOT NULL)");
        auto st = db->prepare("INSERT INTO t(id, json) VALUES(?1, ?2)");
        const auto t = Clock::now();
        for (std::size_t i = 0; i < rows; ++i) {
            (void)db->exec("BEGIN IMMEDIATE");
            st->reset();
            st->bind(1, make_uuid_v4(2, i)).bind(2, json);
            st->step();
            (void)db->exec("COMMIT");
        }
        report("reference: raw SQLite, N/10 JSON rows, one transaction each", seconds_since(t), rows);
    }
}
#endif

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10)) : 10000;
    const std::size_t batch_size = 200;
    std::printf("CaseHub sync benchmark: %zu mutations, push batches of %zu\n", n, batch_size);

    Store demo;
    generate_demo_data(DemoOptions{42, 500, 1'790'000'000'000, 500}, demo);
    SyncServerState server;
    {
        std::vector<Record> records;
        demo.for_each_record([&](const Record& r) { records.push_back(r); });
        server.seed(records);
    }
    std::printf("server store: %zu records\n", server.store.size());
    const MutationRegistry registry = make_sync_registry();
    const SecurityPolicy policy;
    auto admin = user_context_for(server.store, find_user_by_domainname(server.store, "admin")->id);
    if (!admin) {
        std::fprintf(stderr, "no admin user: %s\n", admin.error().message.c_str());
        return 1;
    }
    const ApplyEnv env{registry, policy, *admin};
    std::vector<std::string> cases;
    server.store.for_each("incident", [&](const Record& r) { cases.push_back(r.id); });

    Replica writer("bench-writer"), reader("bench-reader");
    writer.on_snapshot(env, server.snapshot(policy, *admin));
    reader.on_snapshot(env, server.snapshot(policy, *admin));

    // 1. The agent makes n edits offline (optimistic apply to the view).
    auto t = Clock::now();
    std::size_t refused = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& id = cases[i % cases.size()];
        auto m = writer.apply_local(env, make_uuid_v4(3, i), "record.update",
                                    record_update_args(writer.view(), "incident", id,
                                                       {{"title", "Edited " + std::to_string(i)}}),
                                    1'790'000'000'000 + static_cast<TimestampMs>(i));
        if (!m) {
            ++refused;
            if (refused == 1) std::fprintf(stderr, "refused: %s\n", m.error().message.c_str());
        }
    }
    const double t_local = seconds_since(t);
    writer.mark_durable_through(writer.next_client_seq() - 1);  // as the device store would

    // 2. Push: server apply (+ SQLite, one transaction per batch).
#if CASEHUB_HAVE_SQLITE
    const auto dir = std::filesystem::temp_directory_path() / ("casehub-bench-sync-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto opened = casehub::server::SqliteSyncStore::open((dir / "casehub.db").string());
    if (!opened) return 1;
    auto& storage = *opened;
    {
        std::vector<ChangeEntry> seeded(server.log.begin(), server.log.end());
        (void)storage->save_changes(seeded, server);
    }
#endif
    double t_apply = 0, t_persist = 0, t_results = 0;
    std::size_t accepted = 0;
    while (!writer.push_batch(batch_size).empty()) {
        const auto batch = writer.push_batch(batch_size);
        const Json wire = [&] {
            Json j = Json::array();
            for (const auto& m : batch) j.push_back(m);
            return j;
        }();
        std::vector<Mutation> received;  // as the server parses it off the wire
        t = Clock::now();
        for (const auto& j : Json::parse(wire.dump())) received.push_back(*mutation_from_json(j));
        auto out = server.push(registry, policy, *admin, writer.client_id(), received, 1'790'000'100'000);
        t_apply += seconds_since(t);
        if (!out) return 1;
#if CASEHUB_HAVE_SQLITE
        t = Clock::now();
        if (auto s = storage->save_push(*out, server); !s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            return 1;
        }
        t_persist += seconds_since(t);
#endif
        for (const auto& r : out->results) accepted += r.status == MutationStatus::accepted;
        t = Clock::now();
        writer.on_push_results(env, out->results);
        t_results += seconds_since(t);
    }

    // 3. Pull: another replica brings itself up to date (pages of 500, rebase per page).
    t = Clock::now();
    std::size_t changes = 0;
    for (;;) {
        PullPage page = server.pull(policy, *admin, reader.cursor(), 500);
        const Json wire = page;
        auto back = pull_page_from_json(Json::parse(wire.dump()));
        changes += back->changes.size();
        reader.on_pull(env, *back);
        if (!back->has_more) break;
    }
    const double t_pull = seconds_since(t);
    const bool converged = reader.view().dump() == server.store.dump();

    std::printf("accepted %zu of %zu (refused locally: %zu), %zu changes pulled, reader converged: %s\n", accepted, n,
                refused, changes, converged ? "yes" : "NO");
    report("client: apply_local (optimistic, validated)", t_local, n);
    report("server: parse + apply (SecurityPolicy, validation)", t_apply, n);
#if CASEHUB_HAVE_SQLITE
    report("server: persist (SQLite, 1 tx per 200, synchronous=FULL)", t_persist, n);
#endif
    report("client: take push results", t_results, n);
    report("client: pull + rebase (pages of 500)", t_pull, n);
    report("total push + apply + persist + pull", t_apply + t_persist + t_results + t_pull, n);
#if CASEHUB_HAVE_SQLITE
    sqlite_reference(dir, n);
    std::filesystem::remove_all(dir);
#endif
    return converged && accepted == n ? 0 : 1;
}
