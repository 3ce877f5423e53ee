// Query behaviours: operators, sorting and paging, placeholders, JSON form, and the
// property that an indexed query returns exactly what a brute-force scan returns.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>

#include "core/store/query.hpp"
#include "core/store/store.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

std::string qid(std::uint64_t n) { return make_uuid_v4(0x5151515151515151ULL, n); }

Record incident(std::uint64_t n, Json attributes) {
    return Record{"incident", qid(n), std::move(attributes)};
}

Condition cond(std::string attribute, Op op, Json value = nullptr) {
    return Condition{std::move(attribute), op, std::move(value)};
}

Query query_of(std::vector<Condition> conditions, std::vector<Sort> sort = {}) {
    Query q;
    q.entity = "incident";
    q.filter.conditions = std::move(conditions);
    q.sort = std::move(sort);
    return q;
}

std::vector<std::string> ids(const QueryResult& r) {
    std::vector<std::string> out;
    for (const auto* rec : r.rows) out.push_back(rec->id);
    return out;
}

Store small_store() {
    Store s;
    const std::string u1 = make_uuid_v4(1, 1), u2 = make_uuid_v4(2, 2);
    s.upsert(incident(1, {{"title", "Imprimante en panne"}, {"prioritycode", 1}, {"statecode", 0},
                          {"ownerid", make_lookup("systemuser", u1)}, {"createdon", "2026-11-20T10:00:00Z"}}));
    s.upsert(incident(2, {{"title", "Café machine broken"}, {"prioritycode", 2}, {"statecode", 0},
                          {"ownerid", make_lookup("systemuser", u2)}, {"createdon", "2026-11-21T10:00:00.500Z"}}));
    s.upsert(incident(3, {{"title", "Printer jam"}, {"prioritycode", 3}, {"statecode", 1},
                          {"ownerid", make_lookup("systemuser", u1)}, {"createdon", "2026-11-21T10:00:00Z"}}));
    s.upsert(incident(4, {{"title", "cafe au lait spilled"}, {"statecode", 2}}));
    return s;
}

}  // namespace

TEST_CASE("conditions compare strings without case or accents and lookups by id", "[query]") {
    Store s = small_store();
    const std::string u1 = make_uuid_v4(1, 1);

    SECTION("eq on text ignores case and accents") {
        auto r = s.query(query_of({cond("title", Op::Eq, "PRINTER JAM")}));
        CHECK(ids(r) == std::vector<std::string>{qid(3)});
    }
    SECTION("contains and begins_with fold accents both ways") {
        CHECK(s.query(query_of({cond("title", Op::Contains, "CAFE")})).total == 2);
        CHECK(s.query(query_of({cond("title", Op::BeginsWith, "café")})).total == 2);
        CHECK(s.query(query_of({cond("title", Op::BeginsWith, "machine")})).total == 0);
    }
    SECTION("a lookup equals its id given as a string or as a lookup") {
        CHECK(s.query(query_of({cond("ownerid", Op::Eq, u1)})).total == 2);
        CHECK(s.query(query_of({cond("ownerid", Op::Eq, make_lookup("systemuser", u1))})).total == 2);
    }
    SECTION("ne also matches records without a value, lt/gt never do") {
        CHECK(s.query(query_of({cond("prioritycode", Op::Ne, 1)})).total == 3);
        CHECK(s.query(query_of({cond("prioritycode", Op::Lt, 3)})).total == 2);
        CHECK(s.query(query_of({cond("prioritycode", Op::Ge, 2)})).total == 2);
    }
    SECTION("in takes an array and null/not_null test presence") {
        CHECK(s.query(query_of({cond("statecode", Op::In, Json::array({1, 2}))})).total == 2);
        CHECK(s.query(query_of({cond("ownerid", Op::Null)})).total == 1);
        CHECK(s.query(query_of({cond("ownerid", Op::NotNull)})).total == 3);
    }
    SECTION("datetimes order by instant, milliseconds included") {
        auto r = s.query(query_of({cond("createdon", Op::Gt, "2026-11-21T10:00:00Z")}));
        CHECK(ids(r) == std::vector<std::string>{qid(2)});
    }
    SECTION("an or-group inside an and") {
        Query q = query_of({cond("statecode", Op::Eq, 0)});
        Filter any;
        any.kind = Filter::Kind::Or;
        any.conditions = {cond("prioritycode", Op::Eq, 2), cond("prioritycode", Op::Eq, 3)};
        q.filter.filters.push_back(any);
        CHECK(ids(s.query(q)) == std::vector<std::string>{qid(2)});
    }
}

TEST_CASE("sorting puts missing values first ascending and breaks ties by id", "[query]") {
    Store s = small_store();
    SECTION("ascending on an attribute some records lack") {
        auto r = s.query(query_of({}, {{"prioritycode", false}}));
        CHECK(ids(r) == std::vector<std::string>{qid(4), qid(1), qid(2), qid(3)});
    }
    SECTION("descending, several columns") {
        auto r = s.query(query_of({}, {{"statecode", false}, {"createdon", true}}));
        CHECK(ids(r) == std::vector<std::string>{qid(2), qid(1), qid(3), qid(4)});
    }
    SECTION("paging returns the page and the full count") {
        Query q = query_of({}, {{"prioritycode", false}});
        q.skip = 1;
        q.top = 2;
        auto r = s.query(q);
        CHECK(r.total == 4);
        CHECK(ids(r) == std::vector<std::string>{qid(1), qid(2)});
        q.skip = 10;
        CHECK(s.query(q).rows.empty());
    }
}

TEST_CASE("placeholders in stored views are bound to the user and the clock", "[query]") {
    Query q = query_of({cond("ownerid", Op::Eq, "@me"), cond("scheduledend", Op::Le, "@today+7"),
                        cond("createdon", Op::Lt, "@now"), cond("statecode", Op::In, Json::array({"@me", 0}))});
    const TimestampMs now = *parse_utc("2026-11-24T09:37:38Z");
    Query b = bind_query(q, "user-1", now);
    CHECK(b.filter.conditions[0].value == "user-1");
    CHECK(b.filter.conditions[1].value == "2026-12-01T00:00:00Z");
    CHECK(b.filter.conditions[2].value == "2026-11-24T09:37:38Z");
    CHECK(b.filter.conditions[3].value == Json::array({"user-1", 0}));
    CHECK(bind_query(query_of({cond("title", Op::Eq, "@today-1")}), "u", now).filter.conditions[0].value ==
          "2026-11-23T00:00:00Z");
}

TEST_CASE("a query survives a JSON round trip and malformed JSON is rejected with a reason", "[query]") {
    Query q = query_of({cond("title", Op::Contains, "café"), cond("ownerid", Op::Null)},
                       {{"createdon", true}, {"title", false}});
    Filter any;
    any.kind = Filter::Kind::Or;
    any.conditions = {cond("prioritycode", Op::In, Json::array({1, 2}))};
    q.filter.filters.push_back(any);
    q.skip = 20;
    q.top = 10;
    Json j = q;
    auto back = parse_query(j);
    REQUIRE(back.ok());
    CHECK(*back == q);
    CHECK(Json(*back) == j);

    SECTION("unknown operator") {
        j["filter"]["conditions"][0]["op"] = "like";
        auto bad = parse_query(j);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().message.find("unknown \"op\"") != std::string::npos);
    }
    SECTION("missing entity") {
        j.erase("entity");
        CHECK(parse_query(j).error().field == "entity");
    }
    SECTION("negative paging") {
        j["top"] = -1;
        CHECK_FALSE(parse_query(j).ok());
    }
    SECTION("paging given as signed integers from C++ is accepted") {
        j["top"] = static_cast<int>(5);
        j["skip"] = static_cast<std::int64_t>(3);
        REQUIRE(parse_query(j).ok());
        CHECK(parse_query(j)->top == 5);
        CHECK(parse_query(j)->skip == 3);
    }
}

// ---------------------------------------------------------------------------------
// Property: indexed execution (index choice, filtering, partial sort, paging) equals a
// brute-force scan + full sort for random data and random queries.
namespace {

const std::vector<Json>& title_pool() {
    static const std::vector<Json> pool = {"Café", "cafe noir", "CAFÉ", "Imprimante", "printer", "Écran", "ecran",
                                           "Zebra", "", "a"};
    return pool;
}

Json random_value(std::mt19937_64& rng, const std::string& attribute, const std::vector<std::string>& owners) {
    std::uniform_int_distribution<int> d(0, 99);
    const int roll = d(rng);
    if (attribute == "title") return title_pool()[rng() % title_pool().size()];
    if (attribute == "prioritycode") return roll < 10 ? Json(2.0) : Json(static_cast<int>(rng() % 4));
    if (attribute == "statecode") return roll < 3 ? Json("0") : Json(static_cast<int>(rng() % 3));
    if (attribute == "ownerid") {
        const std::string& o = owners[rng() % owners.size()];
        return roll < 3 ? Json(o) : make_lookup("systemuser", o);
    }
    if (attribute == "customerid") return make_lookup(roll < 50 ? "account" : "contact", owners[rng() % owners.size()]);
    if (attribute == "createdon") {
        char buf[40];
        std::snprintf(buf, sizeof buf, "2026-11-%02dT10:00:%02d%sZ", static_cast<int>(1 + rng() % 3),
                      static_cast<int>(rng() % 3), roll < 30 ? ".250" : "");
        return buf;
    }
    if (attribute == "isescalated") return roll < 50;
    return nullptr;
}

const std::vector<std::string> kAttributes = {"title", "prioritycode", "statecode", "ownerid", "customerid",
                                              "createdon", "isescalated"};

Condition random_condition(std::mt19937_64& rng, const std::vector<std::string>& owners,
                           const std::vector<std::string>& ids) {
    Condition c;
    if (rng() % 12 == 0) {  // the primary key, as views with a reference use it
        c.attribute = "id";
        auto some_id = [&]() -> Json {
            std::string id = ids[rng() % ids.size()];
            if (rng() % 5 == 0) id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
            return rng() % 7 == 0 ? Json(make_lookup("incident", id)) : Json(id);
        };
        c.op = rng() % 2 ? Op::Eq : Op::In;
        if (c.op == Op::In) {
            c.value = Json::array();
            for (int i = static_cast<int>(rng() % 5); i > 0; --i) c.value.push_back(some_id());
        } else {
            c.value = some_id();
        }
        return c;
    }
    c.attribute = kAttributes[rng() % kAttributes.size()];
    c.op = static_cast<Op>(rng() % 11);
    if (c.op == Op::In) {
        c.value = Json::array();
        const int n = static_cast<int>(rng() % 4);
        for (int i = 0; i < n; ++i) c.value.push_back(random_value(rng, c.attribute, owners));
    } else if (c.op == Op::Contains || c.op == Op::BeginsWith) {
        static const char* needles[] = {"caf", "É", "e", "print", "", "zz"};
        c.value = needles[rng() % 6];
    } else if (rng() % 10 == 0) {
        c.value = nullptr;
    } else {
        c.value = random_value(rng, c.attribute, owners);
    }
    return c;
}

Filter random_filter(std::mt19937_64& rng, const std::vector<std::string>& owners, const std::vector<std::string>& ids,
                     int depth) {
    Filter f;
    f.kind = rng() % 3 == 0 ? Filter::Kind::Or : Filter::Kind::And;
    const int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) f.conditions.push_back(random_condition(rng, owners, ids));
    if (depth < 2 && rng() % 3 == 0) f.filters.push_back(random_filter(rng, owners, ids, depth + 1));
    return f;
}

QueryResult brute_force(const Store& s, const Query& q, std::vector<const Record*>& storage) {
    storage.clear();
    s.for_each(q.entity, [&](const Record& r) {
        if (matches(q.filter, r)) storage.push_back(&r);
    });
    std::sort(storage.begin(), storage.end(),
              [&](const Record* a, const Record* b) { return sort_before(q.sort, *a, *b); });
    QueryResult r;
    r.total = storage.size();
    const std::size_t begin = std::min(q.skip, storage.size());
    const std::size_t end = q.top ? std::min(storage.size(), begin + q.top) : storage.size();
    for (std::size_t i = begin; i < end; ++i) r.rows.push_back(storage[i]);
    return r;
}

}  // namespace

TEST_CASE("indexed queries return exactly what a brute-force scan returns", "[query][property]") {
    int checked = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        std::mt19937_64 rng(seed);
        std::vector<std::string> owners;
        for (int i = 0; i < 4; ++i) owners.push_back(make_uuid_v4(seed, static_cast<std::uint64_t>(i)));
        Store s;
        const int n = 20 + static_cast<int>(rng() % 60);
        for (int i = 0; i < n; ++i) {
            Record r{"incident", make_uuid_v4(rng(), rng()), Json::object()};
            for (const auto& a : kAttributes)
                if (rng() % 5 != 0) r.attributes[a] = random_value(rng, a, owners);
            s.upsert(r);
        }
        // Updates and deletes keep the indexes honest.
        std::vector<std::string> all;
        s.for_each("incident", [&](const Record& r) { all.push_back(r.id); });
        for (int i = 0; i < n / 4; ++i) {
            const std::string& id = all[rng() % all.size()];
            if (rng() % 2) {
                s.erase("incident", id);
            } else if (const Record* old = s.find("incident", id)) {
                Record r = *old;
                const auto& a = kAttributes[rng() % kAttributes.size()];
                if (rng() % 4 == 0)
                    r.attributes.erase(a);
                else
                    r.attributes[a] = random_value(rng, a, owners);
                s.upsert(r);
            }
        }
        std::vector<const Record*> storage;
        for (int k = 0; k < 20; ++k) {
            Query q;
            q.entity = "incident";
            q.filter = random_filter(rng, owners, all, 0);
            const int sorts = static_cast<int>(rng() % 4);
            for (int i = 0; i < sorts; ++i) q.sort.push_back({kAttributes[rng() % kAttributes.size()], rng() % 2 == 0});
            q.skip = rng() % 3 == 0 ? rng() % 20 : 0;
            q.top = rng() % 2 == 0 ? 1 + rng() % 15 : 0;
            const QueryResult got = s.query(q);
            const QueryResult want = brute_force(s, q, storage);
            if (got.total != want.total || got.rows != want.rows) {
                INFO("seed " << seed << " query " << Json(q).dump());
                CHECK(got.total == want.total);
                CHECK(ids(got) == ids(want));
                return;
            }
            ++checked;
        }
    }
    CHECK(checked == 300 * 20);
}
