// Queue benchmark (issue 7): a store with 100k queue items (each over its own case) in
// 12 queues of one business unit, then the queue view queries (core/queue_view) and
// pick / route / release throughput through the real mutations, the security policy
// (schema validation, role checks) and the undo log. Natively the same view query and
// pick run on SQLite (indexed table, in memory) in the same run as the reference.
// Same program natively and in wasm; bench/queue.sh runs both side by side.
//   usage: casehub_bench_queue [item_count=100000] [runs=9] [ops=2000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <ctime>
#endif
#ifdef CASEHUB_HAVE_SQLITE
#include <sqlite3.h>
#endif

#include "bench/bench_clock.hpp"
#include "core/app/app_registry.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/domain/queues/queue_mutations.hpp"
#include "core/domain/queues/queue_view.hpp"
#include "core/security/roles.hpp"
#include "core/store/store.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;
using casehub::bench::cpu_ms;
using casehub::bench::ms_since;

namespace {

constexpr TimestampMs kNow = 1795510800000;  // 2026-11-24T09:00:00Z
constexpr int kQueues = 12, kUsers = 20;

struct World {
    Store store;
    std::string bu;
    std::vector<std::string> users, queues, items;
};

World build(std::size_t count) {
    World w;
    std::uint64_t n = 0;
    auto id = [&] { return make_uuid_v4(0xB0B, ++n); };
    w.bu = id();
    w.store.upsert(Record{"businessunit", w.bu, {{"name", "Contoso France"}}});
    const Json bu = make_lookup("businessunit", w.bu);
    for (int u = 0; u < kUsers; ++u) {
        w.users.push_back(id());
        w.store.upsert(Record{"systemuser", w.users.back(),
                              {{"domainname", "agent" + std::to_string(u)}, {"fullname", "Agent " + std::to_string(u)},
                               {"businessunitid", bu}, {"securityroles", role_csr_manager}, {"isdisabled", false}}});
    }
    for (int q = 0; q < kQueues; ++q) {
        w.queues.push_back(id());
        w.store.upsert(Record{"queue", w.queues.back(),
                              {{"name", "Queue " + std::to_string(q)}, {"queueviewtype", 0}, {"statecode", 0},
                               {"statuscode", 1}, {"ownerid", make_lookup("systemuser", w.users[0])},
                               {"owningbusinessunit", bu}}});
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::string case_id = id(), item_id = id();
        const std::string& owner = w.users[i % kUsers];
        const TimestampMs entered = kNow - static_cast<TimestampMs>((i * 7919) % (30 * 24 * 60)) * 60000;
        w.store.upsert(Record{"incident", case_id,
                              {{"title", "Case " + std::to_string(i)}, {"prioritycode", static_cast<int>(1 + i % 3)},
                               {"statecode", 0}, {"statuscode", 1}, {"responseby", format_utc(entered + 3600000)},
                               {"firstresponsesent", i % 2 == 0}, {"resolveby", format_utc(entered + 86400000)},
                               {"ownerid", make_lookup("systemuser", owner)}, {"owningbusinessunit", bu}}});
        Json a = {{"title", "Case " + std::to_string(i)}, {"queueid", make_lookup("queue", w.queues[i % kQueues])},
                  {"objectid", make_lookup("incident", case_id)}, {"enteredon", format_utc(entered)},
                  {"priority", static_cast<int>(1 + i % 3)}, {"statecode", 0}, {"statuscode", 1},
                  {"ownerid", make_lookup("systemuser", owner)}, {"owningbusinessunit", bu}};
        if (i % 3 == 0) a["workerid"] = make_lookup("systemuser", w.users[(i / 3) % kUsers]);
        w.store.upsert(Record{"queueitem", item_id, std::move(a)});
        w.items.push_back(item_id);
    }
    return w;
}

struct Timed {
    double cpu, wall;
    std::size_t matches;
};

Timed median(int runs, const std::function<std::size_t()>& run) {
    std::size_t total = run();  // warm-up
    std::vector<double> cpu, wall;
    for (int i = 0; i < runs; ++i) {
        auto t = std::chrono::steady_clock::now();
        const double c = cpu_ms();
        total = run();
        cpu.push_back(cpu_ms() - c);
        wall.push_back(ms_since(t));
    }
    std::sort(cpu.begin(), cpu.end());
    std::sort(wall.begin(), wall.end());
    return {cpu[cpu.size() / 2], wall[wall.size() / 2], total};
}

void print(const char* name, const Timed& t) {
    std::printf("%-30s %10.3f %10zu %10.3f\n", name, t.cpu, t.matches, t.wall);
}

#ifdef CASEHUB_HAVE_SQLITE
// The same data as rows of an indexed table: the view query and pick as SQL.
void sqlite_reference(const World& w, int runs, std::size_t ops) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db,
                 "CREATE TABLE queueitem(id TEXT PRIMARY KEY, title TEXT, queueid TEXT, workerid TEXT, enteredon TEXT,"
                 " priority INT, statecode INT);"
                 "CREATE INDEX qi_queue ON queueitem(queueid, statecode, workerid, enteredon);",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO queueitem VALUES(?,?,?,?,?,?,?)", -1, &ins, nullptr);
    w.store.for_each("queueitem", [&](const Record& r) {
        auto text = [&](int col, const std::string& s) { sqlite3_bind_text(ins, col, s.c_str(), -1, SQLITE_TRANSIENT); };
        text(1, r.id);
        text(2, r.attributes["title"].get<std::string>());
        text(3, r.attributes["queueid"]["id"].get<std::string>());
        if (const Json* wk = r.get("workerid")) text(4, (*wk)["id"].get<std::string>());
        else sqlite3_bind_null(ins, 4);
        text(5, r.attributes["enteredon"].get<std::string>());
        sqlite3_bind_int(ins, 6, r.attributes["priority"].get<int>());
        sqlite3_bind_int(ins, 7, 0);
        sqlite3_step(ins);
        sqlite3_reset(ins);
    });
    sqlite3_finalize(ins);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);

    sqlite3_stmt* view = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT id, title, enteredon, priority FROM queueitem WHERE queueid=? AND statecode=0 AND "
                       "workerid IS NULL ORDER BY enteredon",
                       -1, &view, nullptr);
    print("sqlite_view_available_one", median(runs, [&] {
              sqlite3_reset(view);
              sqlite3_bind_text(view, 1, w.queues[1].c_str(), -1, SQLITE_TRANSIENT);
              std::size_t rows = 0;
              while (sqlite3_step(view) == SQLITE_ROW) ++rows;
              return rows;
          }));
    sqlite3_finalize(view);
    sqlite3_stmt* all = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, title, enteredon, priority FROM queueitem WHERE statecode=0 ORDER BY priority DESC, id",
                       -1, &all, nullptr);
    print("sqlite_view_all_by_priority", median(runs, [&] {
              sqlite3_reset(all);
              std::size_t rows = 0;
              while (sqlite3_step(all) == SQLITE_ROW) ++rows;
              return rows;
          }));
    sqlite3_finalize(all);

    // Pick: a guarded update (only when nobody works it), one transaction per pick as
    // the server commits each mutation.
    sqlite3_stmt* pick = nullptr;
    sqlite3_prepare_v2(db, "UPDATE queueitem SET workerid=? WHERE id=? AND workerid IS NULL", -1, &pick, nullptr);
    std::size_t done = 0;
    auto t = std::chrono::steady_clock::now();
    const double c = cpu_ms();
    for (std::size_t i = 0; i < ops; ++i) {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_text(pick, 1, w.users[1].c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(pick, 2, w.items[(i * 3 + 1) % w.items.size()].c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(pick);
        done += static_cast<std::size_t>(sqlite3_changes(db));
        sqlite3_reset(pick);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    print("sqlite_pick_ops", Timed{cpu_ms() - c, ms_since(t), done});
    sqlite3_finalize(pick);
    sqlite3_close(db);
}
#endif

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 9;
    const std::size_t ops = argc > 3 ? static_cast<std::size_t>(std::atol(argv[3])) : 2000;

    auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_ms();
    World w = build(count);
    std::printf("# store: %zu queue items in %d queues, %zu records in all; built in %.0f ms CPU (%.0f ms wall)\n",
                w.store.count("queueitem"), kQueues, w.store.size(), cpu_ms() - c0, ms_since(t0));
    std::printf("# %-28s %10s %10s %10s   (median of %d runs; *_ops: %zu operations in all)\n", "query", "cpu_ms",
                "matches", "wall_ms", runs, ops);

    const std::string& me = w.users[1];
    auto view = [&](QueueScope scope, QueueItemView v, QueueColumn sort, bool desc) {
        QueueViewRequest r;
        r.scope = scope;
        r.queue_id = w.queues[1];
        r.view = v;
        r.user_id = me;
        r.sort = sort;
        r.descending = desc;
        return [&w, r] { return query_queue_items(w.store, r, kNow).size(); };
    };
    print("view_available_one_queue", median(runs, view(QueueScope::One, QueueItemView::Available, QueueColumn::EnteredOn, false)));
    print("view_all_queues_available", median(runs, view(QueueScope::All, QueueItemView::Available, QueueColumn::EnteredOn, false)));
    print("view_all_items_by_priority", median(runs, view(QueueScope::All, QueueItemView::All, QueueColumn::Priority, true)));
    print("view_my_work_by_sla", median(runs, view(QueueScope::All, QueueItemView::MyWork, QueueColumn::SlaStatus, false)));
    print("queue_counts", median(runs, [&] { return queue_counts(w.store, me, QueueScope::All).size(); }));

#ifdef CASEHUB_HAVE_SQLITE
    sqlite_reference(w, runs, ops);
#endif

    // Mutations as the server applies them: security policy, validation, undo log.
    const SecurityPolicy policy;
    const MutationRegistry registry = make_sync_registry();
    const UserContext user = *user_context_for(w.store, me);
    std::uint64_t mid = 0;
    auto apply = [&](const char* name, const Json& args) {
        Mutation m{make_uuid_v4(0xBE7C, ++mid), "bench", static_cast<std::int64_t>(mid), name, args, kNow};
        ApplyContext ctx(w.store, user, kNow, policy, m);
        return static_cast<bool>(apply_mutation(registry, ctx));
    };
    auto throughput = [&](const char* label, const std::function<bool(std::size_t)>& op) {
        std::size_t ok = 0;
        auto t = std::chrono::steady_clock::now();
        const double c = cpu_ms();
        for (std::size_t i = 0; i < ops; ++i) ok += op(i) ? 1 : 0;
        print(label, Timed{cpu_ms() - c, ms_since(t), ok});
    };
    // Items 1, 4, 7, ... nobody works (every third from 0 has a worker).
    auto free_item = [&](std::size_t i) -> const std::string& { return w.items[(i * 3 + 1) % w.items.size()]; };
    throughput("pick_ops", [&](std::size_t i) { return apply("queue.pick", queue_pick_args(free_item(i))); });
    throughput("route_ops", [&](std::size_t i) {
        return apply("queue.route", queue_route_to_queue_args(free_item(i), w.queues[(i + 5) % kQueues]));
    });
    throughput("release_ops", [&](std::size_t i) {
        return apply("queue.release", queue_release_args(w.items[(i * 3) % w.items.size()]));
    });
    return 0;
}
