// Query benchmark (issue 3): a store of 100k demo cases (plus their accounts,
// contacts, activities ...), then typical view queries — filter + multi-column sort +
// page — timed as the median of several runs. Same program natively and in wasm;
// bench/query.sh runs both and prints them side by side.
//   usage: casehub_bench_query [case_count=100000] [runs=15]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <ctime>
#endif

#include "bench/bench_clock.hpp"
#include "core/demo/demo_data.hpp"
#include "core/metadata/metadata.hpp"
#include "core/store/query.hpp"
#include "core/store/store.hpp"

using namespace casehub;
using casehub::bench::cpu_ms;
using casehub::bench::ms_since;

namespace {

long rss_kb() {  // natively: this process; under node: node's own (reads /proc too)
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

Condition cond(const char* attribute, Op op, Json value = nullptr) { return Condition{attribute, op, std::move(value)}; }

}  // namespace

int main(int argc, char** argv) {
    const std::size_t cases = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 15;
    const TimestampMs now = *parse_utc("2026-11-24T09:00:00Z");

    Store store;
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_ms();
    generate_demo_data(DemoOptions{42, cases, now}, store);
    const double gen_cpu = cpu_ms() - c0, gen_wall = ms_since(t0);
    std::printf("# store: %zu cases, %zu records in all; generated in %.0f ms CPU (%.0f ms wall); RSS %ld MB\n",
                store.count("incident"), store.size(), gen_cpu, gen_wall, rss_kb() / 1024);

    const std::string camille = find_user_by_domainname(store, "camille")->id;
    std::string big_account;
    {
        Query q;
        q.entity = "account";
        q.top = 1;
        big_account = store.query(q).rows[0]->id;
    }

    struct Bench { const char* name; std::function<std::size_t()> run; };
    std::vector<Bench> benches;
    auto add_query = [&](const char* name, Query q) {
        benches.push_back({name, [&store, q] { return store.query(q).total; }});
    };
    {
        Query q;  // My Active Cases: two indexed conditions, sort priority then newest
        q.entity = "incident";
        q.filter.conditions = {cond("ownerid", Op::Eq, camille), cond("statecode", Op::Eq, 0)};
        q.sort = {{"prioritycode", false}, {"createdon", true}};
        q.top = 50;
        add_query("my_active_cases", q);
    }
    {
        Query q;  // All Active Cases, third page
        q.entity = "incident";
        q.filter.conditions = {cond("statecode", Op::Eq, 0)};
        q.sort = {{"createdon", true}};
        q.skip = 100;
        q.top = 50;
        add_query("all_active_cases_page3", q);
    }
    {
        Query q;  // Resolved Cases sorted on two text/date columns
        q.entity = "incident";
        q.filter.conditions = {cond("statecode", Op::Eq, 1)};
        q.sort = {{"customerid", false}, {"title", false}, {"modifiedon", true}};
        q.top = 50;
        add_query("resolved_by_customer_title", q);
    }
    {
        Query q;  // Grid search box: accent-insensitive contains, scan
        q.entity = "incident";
        q.filter.conditions = {cond("title", Op::Contains, "IMPRIM"), cond("statecode", Op::Ne, 2)};
        q.sort = {{"ticketnumber", false}};
        q.top = 50;
        add_query("title_contains_scan", q);
    }
    {
        Query q;  // Or-filter over the whole entity, sorted by date
        q.entity = "incident";
        q.filter.kind = Filter::Kind::Or;
        q.filter.conditions = {cond("prioritycode", Op::Eq, 1), cond("isescalated", Op::Eq, true)};
        q.sort = {{"createdon", true}, {"title", false}};
        q.top = 50;
        add_query("high_or_escalated_or", q);
    }
    {
        Query q;  // A customer's cases (lookup index), as on the account form
        q.entity = "incident";
        q.filter.conditions = {cond("customerid", Op::Eq, big_account)};
        q.sort = {{"createdon", true}};
        q.top = 10;
        add_query("account_cases_lookup", q);
    }
    {
        Query q;  // Count only: how many active cases, no rows
        q.entity = "incident";
        q.filter.conditions = {cond("statecode", Op::Eq, 0), cond("createdon", Op::Ge, "2026-11-17T00:00:00Z")};
        q.top = 1;
        add_query("active_last_7_days_count", q);
    }
    const Metadata& md = casehub_metadata();
    if (const View* v = md.view("my_activities"))
        benches.push_back({"view_my_activities", [&, v] { return run_view(*v, store, camille, now, 0, 50).total; }});
    if (const View* v = md.view("cases_i_follow"))
        benches.push_back({"view_cases_i_follow", [&, v] { return run_view(*v, store, camille, now, 0, 50).total; }});

    std::printf("# %-28s %10s %10s %10s   (median of %d runs)\n", "query", "cpu_ms", "matches", "wall_ms", runs);
    for (const auto& b : benches) {
        std::size_t total = b.run();  // warm-up
        std::vector<double> cpu, wall;
        for (int i = 0; i < runs; ++i) {
            auto t = std::chrono::steady_clock::now();
            const double c = cpu_ms();
            total = b.run();
            cpu.push_back(cpu_ms() - c);
            wall.push_back(ms_since(t));
        }
        std::sort(cpu.begin(), cpu.end());
        std::sort(wall.begin(), wall.end());
        std::printf("%-30s %10.3f %10zu %10.3f\n", b.name, cpu[cpu.size() / 2], total, wall[wall.size() / 2]);
    }
    return 0;
}
