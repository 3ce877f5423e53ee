// Demo data behaviours: deterministic per seed, the fixed Contoso organisation the
// server and tests rely on, every generated record valid against the schema, and
// cases spread over both business units in three languages.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/demo/demo_data.hpp"
#include "core/store/query.hpp"
#include "core/schema/schema.hpp"
#include "core/apply/validation.hpp"

using namespace casehub;

namespace {

const TimestampMs kNow = *parse_utc("2026-11-24T09:00:00Z");

Store demo(std::uint64_t seed, std::size_t cases) {
    Store s;
    generate_demo_data(DemoOptions{seed, cases, kNow}, s);
    return s;
}

std::string name_of(const Store& s, const std::string& entity, const Json& lookup, const char* attribute) {
    const Record* r = s.find(entity, lookup["id"].get<std::string>());
    return r ? r->attributes.value(attribute, std::string()) : std::string();
}

}  // namespace

TEST_CASE("the same seed generates the same records, another seed other ones", "[demo]") {
    const Store a = demo(7, 100), b = demo(7, 100), c = demo(8, 100);
    CHECK(a == b);
    CHECK(a.dump() == b.dump());
    CHECK_FALSE(a == c);
    CHECK(a.count("incident") == 100);
    CHECK(c.count("incident") == 100);
}

TEST_CASE("the demo organisation is the fixed Contoso one", "[demo]") {
    const Store s = demo(1, 100);
    std::set<std::string> units;
    s.for_each("businessunit", [&](const Record& r) { units.insert(r.attributes["name"].get<std::string>()); });
    CHECK(units == std::set<std::string>{"Contoso", "Contoso France", "Contoso Indonesia"});

    struct Expect { const char* domain; const char* fullname; const char* bu; const char* role; };
    for (const Expect& e : {Expect{"admin", "System Administrator", "Contoso", "System Administrator"},
                            Expect{"camille", "Camille Martin", "Contoso France", "CSR Manager"},
                            Expect{"alex", "Alex Taylor", "Contoso France", "Customer Service Representative"},
                            Expect{"dewi", "Dewi Lestari", "Contoso Indonesia", "Customer Service Representative"},
                            Expect{"budi", "Budi Santoso", "Contoso Indonesia", "Customer Service Representative"}}) {
        INFO(e.domain);
        const Record* u = find_user_by_domainname(s, e.domain);
        REQUIRE(u);
        CHECK(u->attributes["fullname"] == e.fullname);
        CHECK(name_of(s, "businessunit", u->attributes["businessunitid"], "name") == e.bu);
        CHECK(u->attributes["securityroles"].get<std::string>().find(e.role) != std::string::npos);
    }
    CHECK(find_user_by_domainname(s, "camille")->attributes["securityroles"] ==
          "CSR Manager,Customer Service Representative");
    CHECK(find_user_by_domainname(s, "nobody") == nullptr);

    std::set<std::string> queues;
    s.for_each("queue", [&](const Record& r) { queues.insert(r.attributes["name"].get<std::string>()); });
    for (const char* q : {"Gold", "Silver", "Tier 1 Support", "Dukungan Indonesia"}) CHECK(queues.count(q) == 1);

    int gold = 0;
    s.for_each("entitlement", [&](const Record& r) {
        if (r.attributes["name"] == "Gold Support") {
            ++gold;
            CHECK(r.attributes["remainingterms"] == 15);
            CHECK(r.attributes["statecode"] == 0);
        }
    });
    CHECK(gold == 1);
    CHECK(s.count("knowledgearticle") >= 9);
    CHECK(s.count("sla") == 2);
}

TEST_CASE("every demo record is valid against the schema", "[demo][validation]") {
    const Store s = demo(3, 200);
    const Schema& schema = casehub_schema();
    std::size_t checked = 0;
    s.for_each_record([&](const Record& r) {
        const Status st = validate_record(schema, s, r, nullptr);
        if (!st.ok()) {
            INFO(r.entity << " " << r.id << ": " << st.error().message);
            CHECK(st.ok());
        }
        ++checked;
    });
    CHECK(checked > 800);
}

TEST_CASE("demo cases are spread over both business units, owners and languages", "[demo]") {
    const Store s = demo(5, 600);
    std::map<std::string, int> by_owner, by_state;
    std::set<std::string> tickets;
    int french = 0, indonesian = 0;
    s.for_each("incident", [&](const Record& r) {
        by_owner[name_of(s, "systemuser", r.attributes["ownerid"], "domainname")]++;
        by_state[std::to_string(r.attributes["statecode"].get<int>())]++;
        tickets.insert(r.attributes["ticketnumber"].get<std::string>());
        const std::string& title = r.attributes["title"].get_ref<const std::string&>();
        if (title.find("Imprimante") != std::string::npos || title.find("Livraison") != std::string::npos) ++french;
        if (title.find("Pengiriman") != std::string::npos || title.find("tidak") != std::string::npos) ++indonesian;
    });
    CHECK(tickets.size() == 600);
    for (const char* u : {"camille", "alex", "dewi", "budi"}) CHECK(by_owner[u] > 30);
    CHECK(by_state["0"] > 60);
    CHECK(by_state["1"] > 60);
    CHECK(by_state["2"] > 5);
    CHECK(french > 5);
    CHECK(indonesian > 5);
    CHECK(s.count("task") + s.count("phonecall") + s.count("email") > 600);
    CHECK(s.count("annotation") > 50);
    CHECK(s.count("queueitem") > 30);
    CHECK(s.count("postfollow") > 5);
}
