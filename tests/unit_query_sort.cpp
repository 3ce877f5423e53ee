// Grid sorting pieces: sort keys order values exactly as compare_values, a stepwise sort
// ends in std::sort's order whatever its budget, and SortedRows' kept, reversed and sliced
// orders all equal a full sort_before sort of the same rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/store/query.hpp"
#include "core/store/sort_keys.hpp"
#include "core/store/sorted_rows.hpp"
#include "core/store/stepwise_sort.hpp"
#include "core/store/store.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

std::string sid(std::uint64_t n) { return make_uuid_v4(0x5050505050505050ULL, n); }

int sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

// Values of every kind compare_values knows, with the awkward ones: accents and case,
// datetimes with and without milliseconds, lookups against id strings, objects without id.
Json any_value(std::mt19937& rng) {
    static const std::vector<Json> pool = {
        nullptr, true, false, 0, 3, -7, 3.0, 2.5, std::uint64_t{9}, "", "a", "A", "é", "E", "ecole", "École", "Straße",
        "strasse", "œuvre", "Zed", "zed ", "2026-11-24T09:00:00Z", "2026-11-24T09:00:00.5Z", "2026-11-24T09:00:00.250Z",
        "2026-11-24t09:00:00Z", "2025-01-01T00:00:00Z", sid(1), sid(2), make_lookup("account", sid(1)),
        make_lookup("contact", sid(2)), make_lookup("account", sid(3)), Json{{"name", "x"}}, Json::array({1, 2}),
        Json{{"id", 5}}};
    return pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
}

// Per-column values of one schema type (what records hold), so compare_values is a total order.
Json typed_value(std::mt19937& rng, int column) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    if (pick(8) == 0) return nullptr;  // missing
    static const std::vector<std::string> titles = {"Printer jam", "printer JAM", "Écran noir", "ecran noir", "Réseau",
                                                    "reseau lent", "", "Zèbre", "zebre", "Straße", "strasse"};
    switch (column) {
        case 0: return titles[pick(titles.size())];
        case 1: {
            const std::string base = "2026-11-" + std::to_string(10 + pick(3)) + "T09:0" + std::to_string(pick(2)) + ":00";
            const std::size_t ms = pick(3);
            return base + (ms == 0 ? "Z" : ms == 1 ? ".5Z" : ".250Z");
        }
        case 2: return static_cast<int>(pick(4));
        case 3: return pick(2) ? Json(static_cast<int>(pick(5))) : Json(static_cast<double>(pick(10)) / 2.0);
        case 4: return make_lookup("account", sid(100 + pick(5)));
        default: return pick(2) == 1;
    }
}

const char* const kColumns[] = {"title", "createdon", "prioritycode", "amount", "customerid", "isescalated"};

std::vector<Record> random_records(std::mt19937& rng, std::size_t n) {
    std::vector<Record> out;
    for (std::size_t i = 0; i < n; ++i) {
        // Pairs of rows share an id across two entities: the entity breaks that tie.
        Record r{i % 2 ? "task" : "incident", sid(i / 2), Json::object()};
        for (int c = 0; c < 6; ++c)
            if (Json v = typed_value(rng, c); !v.is_null()) r.attributes[kColumns[c]] = std::move(v);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<Sort> random_sort(std::mt19937& rng) {
    std::vector<Sort> sort;
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
    for (std::size_t i = 0; i < n; ++i)
        sort.push_back(Sort{kColumns[std::uniform_int_distribution<int>(0, 5)(rng)],
                            std::uniform_int_distribution<int>(0, 1)(rng) == 1});
    return sort;
}

// The reference: every row compared with sort_before, ties by entity (run_view's order).
std::vector<const Record*> full_sort(std::vector<const Record*> rows, const std::vector<Sort>& sort) {
    std::sort(rows.begin(), rows.end(), [&](const Record* a, const Record* b) {
        if (sort_before(sort, *a, *b)) return true;
        if (sort_before(sort, *b, *a)) return false;
        return a->entity < b->entity;
    });
    return rows;
}

std::vector<const Record*> in_order(const std::vector<const Record*>& records, const std::vector<std::uint32_t>& order) {
    std::vector<const Record*> out;
    for (auto i : order) out.push_back(records[i]);
    return out;
}

}  // namespace

TEST_CASE("sort keys compare any two values exactly as compare_values does", "[query][property]") {
    std::mt19937 rng(20261129);
    std::vector<Record> records;
    for (int i = 0; i < 300; ++i) {
        Record r{"incident", sid(static_cast<std::uint64_t>(i)), Json::object()};
        if (Json v = any_value(rng); !v.is_null()) r.attributes["x"] = std::move(v);
        records.push_back(std::move(r));
    }
    std::vector<const Record*> ptrs;
    for (const auto& r : records) ptrs.push_back(&r);
    ColumnKeys keys("x");
    while (!keys.extend(ptrs, 7)) {}  // built in slices, as a grid does
    REQUIRE(keys.complete(ptrs.size()));
    for (std::uint32_t a = 0; a < ptrs.size(); ++a)
        for (std::uint32_t b = 0; b < ptrs.size(); ++b) {
            const int expected = sign(compare_values(ptrs[a]->get("x"), ptrs[b]->get("x")));
            const int got = sign(keys.compare(a, b));
            if (expected != got) FAIL_CHECK(ptrs[a]->get("x") << " vs " << ptrs[b]->get("x"));
        }
}

TEST_CASE("a stepwise sort ends in std::sort's order whatever its budget per step", "[query][property]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 60; ++round) {
        const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 700)(rng);
        std::vector<std::uint32_t> values(n), items(n);
        for (auto& v : values) v = std::uniform_int_distribution<std::uint32_t>(0, 50)(rng);
        for (std::size_t i = 0; i < n; ++i) items[i] = static_cast<std::uint32_t>(i);
        auto less = [&](std::uint32_t a, std::uint32_t b) { return values[a] != values[b] ? values[a] < values[b] : a < b; };
        std::vector<std::uint32_t> expected = items;
        std::sort(expected.begin(), expected.end(), less);
        StepwiseSort sorter(items);
        const std::size_t budget = std::uniform_int_distribution<std::size_t>(0, 300)(rng);
        int steps = 0;
        while (!sorter.run(less, budget)) ++steps;
        REQUIRE(sorter.take() == expected);
        if (n > 200 && budget < 50) CHECK(steps > 3);  // the work really is spread over calls
    }
}

TEST_CASE("kept, reversed and sliced orders equal a full sort of the rows", "[query][property]") {
    std::mt19937 rng(5);
    for (int round = 0; round < 25; ++round) {
        const std::vector<Record> records = random_records(rng, std::uniform_int_distribution<std::size_t>(0, 400)(rng));
        std::vector<const Record*> ptrs;
        for (const auto& r : records) ptrs.push_back(&r);
        // Given in the view's order, as the grid does from run_view.
        const std::vector<Sort> view_sort{{"createdon", true}};
        SortedRows rows(full_sort(ptrs, view_sort), view_sort);
        CHECK(rows.has_order(view_sort));
        for (int click = 0; click < 12; ++click) {
            std::vector<Sort> sort = random_sort(rng);
            if (click % 3 == 2 && !sort.empty()) sort[0].descending = !sort[0].descending;  // a header clicked twice
            const std::size_t budget = std::uniform_int_distribution<std::size_t>(1, 2000)(rng);
            const std::vector<std::uint32_t>* order = nullptr;
            int calls = 0;
            while (!(order = rows.order(sort, budget))) ++calls;
            INFO("sort " << SortedRows::spec_key(sort) << ", budget " << budget << ", calls " << calls);
            REQUIRE(in_order(rows.records(), *order) == full_sort(ptrs, sort));
            CHECK(rows.has_order(sort));
            // The reverse of a kept order is made in one call.
            std::vector<Sort> back = sort;
            for (auto& s : back) s.descending = !s.descending;
            const std::vector<std::uint32_t>* reversed = rows.order(back, 1);
            REQUIRE(reversed);
            REQUIRE(in_order(rows.records(), *reversed) == full_sort(ptrs, back));
        }
    }
}

TEST_CASE("a sort set aside for another one resumes to the same order", "[query]") {
    std::mt19937 rng(11);
    const std::vector<Record> records = random_records(rng, 500);
    std::vector<const Record*> ptrs;
    for (const auto& r : records) ptrs.push_back(&r);
    SortedRows rows(ptrs);
    const std::vector<Sort> by_title{{"title", false}, {"prioritycode", true}};
    const std::vector<Sort> by_date{{"createdon", false}};
    CHECK(rows.order(by_title, 50) == nullptr);  // started, not finished
    const std::vector<std::uint32_t>* date_order = nullptr;
    while (!(date_order = rows.order(by_date, 100))) {}
    CHECK(in_order(rows.records(), *date_order) == full_sort(ptrs, by_date));
    const std::vector<std::uint32_t>* title_order = nullptr;
    while (!(title_order = rows.order(by_title, 100))) {}
    CHECK(in_order(rows.records(), *title_order) == full_sort(ptrs, by_title));
}

TEST_CASE("a grid's order of store rows equals the store's own sorted query", "[query]") {
    std::mt19937 rng(3);
    Store store;
    for (auto& r : random_records(rng, 300))
        if (r.entity == "incident") store.upsert(std::move(r));
    Query q;
    q.entity = "incident";
    q.sort = {{"createdon", true}};
    SortedRows rows(store.query(q).rows, q.sort);
    for (const std::vector<Sort>& sort : std::vector<std::vector<Sort>>{
             {{"title", false}}, {{"title", true}}, {{"prioritycode", false}, {"title", true}}, {{"customerid", true}}, {}}) {
        q.sort = sort;
        const std::vector<std::uint32_t>* order = nullptr;
        while (!(order = rows.order(sort, 64))) {}
        CHECK(in_order(rows.records(), *order) == store.query(q).rows);
    }
}

TEST_CASE("strings order as their folded forms byte by byte, accents anywhere", "[query][property]") {
    std::mt19937 rng(99);
    static const std::vector<std::string> pieces = {"a", "A", "b", "Z", " ", "-", "é", "É", "e", "ß", "ss", "œ", "×",
                                                    "ü", "u", "1", "ı", "€"};
    auto random_text = [&] {
        std::string s;
        const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 6)(rng);
        for (std::size_t i = 0; i < n; ++i) s += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(rng)];
        return s;
    };
    for (int i = 0; i < 20000; ++i) {
        const Json a = random_text(), b = random_text();
        const std::string fa = fold_for_compare(a.get<std::string>()), fb = fold_for_compare(b.get<std::string>());
        const int expected = sign(fa.compare(fb));
        if (sign(compare_values(&a, &b)) != expected) FAIL_CHECK(a << " vs " << b);
    }
}

TEST_CASE("rows given in a view's order answer that sort at once, even an empty one", "[query]") {
    std::mt19937 rng(17);
    const std::vector<Record> records = random_records(rng, 200);
    std::vector<const Record*> ptrs;
    for (const auto& r : records) ptrs.push_back(&r);
    SortedRows by_id(full_sort(ptrs, {}), std::vector<Sort>{});
    const std::vector<std::uint32_t>* order = by_id.order({}, 1);
    REQUIRE(order);
    CHECK(in_order(by_id.records(), *order) == full_sort(ptrs, {}));
    SortedRows unknown(ptrs);
    CHECK_FALSE(unknown.has_order({}));
}
