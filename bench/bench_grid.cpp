// Grid bench (issue 5, frame time): the work a 100k-case grid does in the frame where
// its rows change — the view query, a header click (re-sort), a quick search, clearing
// it — done the old way (compare_values on JSON, a store query) and with SortedRows
// (kept per-sort orders, sort keys, reversal, filters over the kept order). Natively and
// in wasm under node, to see where a frame's 16.7 ms goes before measuring in the browser.
//   usage: casehub_bench_grid [case_count=100000]
#include <algorithm>
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

#include "bench/bench_clock.hpp"
#include "core/demo/demo_data.hpp"
#include "core/metadata/metadata.hpp"
#include "core/store/query.hpp"
#include "core/store/sorted_rows.hpp"
#include "core/store/store.hpp"

using namespace casehub;
using casehub::bench::cpu_ms;
using casehub::bench::ms_since;

namespace {

double time_ms(const std::function<void()>& f) {
    const double t0 = cpu_ms();
    f();
    return cpu_ms() - t0;
}

// The old header click: JSON sort values looked up once per row, compared with compare_values.
std::vector<const Record*> resort_by_values(std::vector<const Record*> rows, const std::vector<Sort>& sort) {
    const std::size_t k = sort.size();
    std::vector<const Json*> keys(rows.size() * k);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < k; ++j) keys[i * k + j] = rows[i]->get(sort[j].attribute);
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (std::size_t j = 0; j < k; ++j)
            if (const int c = compare_values(keys[a * k + j], keys[b * k + j]); c != 0) return sort[j].descending ? c > 0 : c < 0;
        return rows[a]->id < rows[b]->id;
    });
    std::vector<const Record*> out;
    for (auto i : order) out.push_back(rows[i]);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t cases = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 100000;
    const TimestampMs now = *parse_utc("2026-11-24T09:00:00Z");
    Store store;
    generate_demo_data(DemoOptions{42, cases, now}, store);
    const Metadata& md = casehub_metadata();
    const View* view = md.view("all_active_cases");
    if (!view) return 1;
    const std::string user = find_user_by_domainname(store, "camille")->id;

    std::vector<const Record*> base;
    std::printf("# %zu cases; all_active_cases\n", store.count("incident"));
    std::printf("%-40s %10.2f ms\n", "view query (run_view, view sort)", time_ms([&] { base = run_view(*view, store, user, now).rows; }));
    std::printf("# %zu rows in the view\n", base.size());

    const std::vector<std::vector<Sort>> clicks = {
        {{"title", false}}, {{"title", true}}, {{"prioritycode", false}}, {{"ticketnumber", false}}, {{"customerid", false}}};
    for (const auto& s : clicks) {
        const std::string name = "old re-sort " + SortedRows::spec_key(s);
        std::printf("%-40s %10.2f ms\n", name.c_str(), time_ms([&] { resort_by_values(base, s); }));
    }
    SortedRows rows(base, view->query.sort);
    for (const auto& s : clicks) {
        int calls = 0;
        double worst = 0, total = 0;
        const std::vector<std::uint32_t>* order = nullptr;
        while (!order) {
            const double t = time_ms([&] { order = rows.order(s, 20000); });
            worst = std::max(worst, t);
            total += t;
            ++calls;
        }
        const bool same = [&] {
            const auto ref = resort_by_values(base, s);
            for (std::size_t i = 0; i < ref.size(); ++i)
                if (ref[i] != rows.records()[(*order)[i]]) return false;
            return true;
        }();
        const std::string name = "new sort " + SortedRows::spec_key(s);
        std::printf("%-40s %10.2f ms in %d slices of <= %.2f ms (budget 20000)%s\n", name.c_str(), total, calls, worst,
                    same ? "" : "  DIFFERENT ORDER");
    }
    for (const auto& s : clicks) {
        const std::string name = "kept order " + SortedRows::spec_key(s);
        std::printf("%-40s %10.3f ms\n", name.c_str(), time_ms([&] { rows.order(s, 1); }));
    }
    // Quick search over the view's rows: what a filter change costs without the store.
    Filter any;
    any.kind = Filter::Kind::Or;
    for (const char* a : {"ticketnumber", "title"}) any.conditions.push_back(Condition{a, Op::Contains, Json("print")});
    std::size_t kept = 0;
    std::printf("%-40s %10.2f ms\n", "quick search 'print' over view rows", time_ms([&] {
                    const FilterMatcher m(any);
                    for (const Record* r : base) kept += m(*r) ? 1 : 0;
                }));
    std::printf("# %zu rows match\n", kept);
    const auto* order = rows.order(clicks[0], 1);
    std::vector<std::string> keys;
    std::printf("%-40s %10.2f ms\n", "row keys for all rows (entity/id)", time_ms([&] {
                    keys.reserve(order->size());
                    for (auto i : *order) keys.push_back(rows.records()[i]->entity + "/" + rows.records()[i]->id);
                }));
    return 0;
}
