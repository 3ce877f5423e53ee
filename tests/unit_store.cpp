// Store behaviours: upsert/find/erase, counts, lookup and state indexes kept in step
// with updates, copies, canonical dumps and their round trip.
#include <catch2/catch.hpp>

#include "core/store/query.hpp"
#include "core/store/store.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {
std::string sid(std::uint64_t n) { return make_uuid_v4(0x7777, n); }
}  // namespace

TEST_CASE("records are found by entity and id, replaced whole, and erased", "[store]") {
    Store s;
    s.upsert(Record{"account", sid(1), {{"name", "Contoso Pharmaceuticals"}}});
    s.upsert(Record{"contact", sid(1), {{"lastname", "Martin"}}});  // same id, other entity
    REQUIRE(s.find("account", sid(1)) != nullptr);
    CHECK(s.find("account", sid(1))->attributes["name"] == "Contoso Pharmaceuticals");
    CHECK(s.size() == 2);
    CHECK(s.count("account") == 1);
    CHECK(s.count("incident") == 0);
    CHECK(s.find("account", sid(2)) == nullptr);
    CHECK(s.find("queue", sid(1)) == nullptr);

    SECTION("upsert replaces every attribute") {
        s.upsert(Record{"account", sid(1), {{"telephone1", "+33 1 23 45 67 89"}}});
        CHECK(s.find("account", sid(1))->get("name") == nullptr);
        CHECK(s.size() == 2);
    }
    SECTION("erase removes it once") {
        CHECK(s.erase("account", sid(1)));
        CHECK_FALSE(s.erase("account", sid(1)));
        CHECK(s.find("account", sid(1)) == nullptr);
        CHECK(s.size() == 1);
    }
}

TEST_CASE("lookup and state indexes follow updates and erasures", "[store]") {
    Store s;
    const std::string acc = sid(100), other = sid(101);
    for (std::uint64_t i = 0; i < 10; ++i)
        s.upsert(Record{"incident", sid(i), {{"title", "Case"}, {"customerid", make_lookup("account", acc)}, {"statecode", 0}}});
    CHECK(s.referencing("incident", "customerid", acc).size() == 10);

    s.upsert(Record{"incident", sid(3), {{"title", "Case"}, {"customerid", make_lookup("account", other)}, {"statecode", 1}}});
    s.erase("incident", sid(4));
    auto refs = s.referencing("incident", "customerid", acc);
    CHECK(refs.size() == 8);
    CHECK(std::is_sorted(refs.begin(), refs.end(), [](auto* a, auto* b) { return a->id < b->id; }));
    CHECK(s.referencing("incident", "customerid", other).size() == 1);

    Query active;
    active.entity = "incident";
    active.filter.conditions.push_back({"statecode", Op::Eq, 0});
    CHECK(s.query(active).total == 8);

    SECTION("an attribute not indexed (createdby) is still found by scanning") {
        s.upsert(Record{"incident", sid(50), {{"createdby", make_lookup("systemuser", acc)}}});
        CHECK(s.referencing("incident", "createdby", acc).size() == 1);
    }
    SECTION("a value the index cannot hold makes queries fall back to a scan, still correct") {
        s.upsert(Record{"incident", sid(60), {{"statecode", "0"}}});
        CHECK(s.query(active).total == 8);
        active.filter.conditions[0].value = "0";
        CHECK(s.query(active).total == 1);
    }
}

TEST_CASE("copies are independent and equal stores dump to the same bytes", "[store]") {
    Store a;
    a.upsert(Record{"incident", sid(2), {{"title", "Écran noir"}, {"ownerid", make_lookup("systemuser", sid(9))}}});
    a.upsert(Record{"account", sid(1), {{"name", "Fabrikam"}}});
    Store b;  // same content, other insertion order
    b.upsert(Record{"account", sid(1), {{"name", "Fabrikam"}}});
    b.upsert(Record{"incident", sid(2), {{"ownerid", make_lookup("systemuser", sid(9))}, {"title", "Écran noir"}}});
    CHECK(a == b);
    CHECK(a.dump().dump() == b.dump().dump());

    Store c = a;
    c.erase("account", sid(1));
    CHECK_FALSE(c == a);
    CHECK(a.count("account") == 1);
    CHECK(c.referencing("incident", "ownerid", sid(9)).size() == 1);

    SECTION("an emptied entity does not make stores differ") {
        Store d = a;
        d.upsert(Record{"task", sid(3), {{"subject", "x"}}});
        d.erase("task", sid(3));
        CHECK(d == a);
        CHECK(d.dump() == a.dump());
    }
    SECTION("a dump loads back into an equal store") {
        auto loaded = load_store(a.dump());
        REQUIRE(loaded.ok());
        CHECK(*loaded == a);
        CHECK(loaded->referencing("incident", "ownerid", sid(9)).size() == 1);
    }
    SECTION("a malformed dump is rejected with the entity named") {
        auto bad = load_store(Json{{"incident", Json::array()}});
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().field == "incident");
    }
}

TEST_CASE("for_each_record visits entities in name order and ids in order", "[store]") {
    Store s;
    s.upsert(Record{"task", sid(2), {}});
    s.upsert(Record{"account", sid(3), {}});
    s.upsert(Record{"account", sid(1), {}});
    std::vector<std::string> seen;
    s.for_each_record([&](const Record& r) { seen.push_back(r.entity + ":" + r.id); });
    CHECK(seen == std::vector<std::string>{"account:" + sid(1), "account:" + sid(3), "task:" + sid(2)});
}

TEST_CASE("the version changes with every upsert and erase and is never shared by two stores", "[store]") {
    Store s;
    const auto v0 = s.version();
    s.upsert(Record{"account", sid(1), {{"name", "Contoso"}}});
    const auto v1 = s.version();
    CHECK(v1 != v0);
    s.upsert(Record{"account", sid(1), {{"name", "Contoso"}}});  // same content still counts as a change
    const auto v2 = s.version();
    CHECK(v2 != v1);
    CHECK_FALSE(s.erase("account", sid(2)));  // nothing erased: nothing changed
    CHECK(s.version() == v2);
    CHECK(s.erase("account", sid(1)));
    CHECK(s.version() != v2);

    SECTION("reading does not change it") {
        const auto v = s.version();
        (void)s.find("account", sid(1));
        (void)s.size();
        (void)s.dump();
        CHECK(s.version() == v);
    }
    SECTION("a copy has its own version but the same content") {
        s.upsert(Record{"contact", sid(3), {{"lastname", "Martin"}}});
        const Store copy(s);
        CHECK(copy.version() != s.version());
        CHECK(copy == s);
        Store other;
        other.upsert(Record{"contact", sid(4), {{"lastname", "Durand"}}});
        CHECK(other.version() != s.version());
    }
    SECTION("a moved store keeps its version") {
        const auto v = s.version();
        Store moved(std::move(s));
        CHECK(moved.version() == v);
    }
}
