// A form's save becomes record.create / record.update only when the core's validation
// passes, whichever command saves (Save, a process stage move).
#include <catch2/catch.hpp>

#include "core/apply/record_change.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

std::string cid(std::uint64_t n) { return make_uuid_v4(0xC4A6, n); }
const std::string kAccount = cid(1), kCase = cid(2);

Store store_with_case() {
    Store s;
    s.upsert(Record{"account", kAccount, {{"name", "Fabrikam"}}});
    s.upsert(Record{"incident", kCase,
                    {{"title", "Printer jams"}, {"customerid", make_lookup("account", kAccount)},
                     {"createdon", "2026-11-24T09:37:38Z"}, {"statecode", 0}, {"statuscode", 1}}});
    return s;
}

}  // namespace

TEST_CASE("an edit that breaks a rule is refused before any mutation, naming the field", "[record_change]") {
    const Store s = store_with_case();
    Record after = *s.find("incident", kCase);
    after.attributes.erase("title");
    const auto change = record_change_for_save(casehub_schema(), s, after, false, Json{{"title", nullptr}});
    REQUIRE_FALSE(change.ok());
    CHECK(change.error().field == "title");
    CHECK_FALSE(change.error().message.empty());
}

TEST_CASE("a valid edit is a record.update of the edits only", "[record_change]") {
    const Store s = store_with_case();
    Record after = *s.find("incident", kCase);
    after.attributes["title"] = "Printer still jams";
    const auto change = record_change_for_save(casehub_schema(), s, after, false, Json{{"title", "Printer still jams"}});
    REQUIRE(change.ok());
    CHECK(change->mutation == "record.update");
    CHECK(change->args["id"] == kCase);
    CHECK(change->args["fields"] == Json{{"title", "Printer still jams"}});
}

TEST_CASE("a new record is a record.create without stamped attributes", "[record_change]") {
    const Store s = store_with_case();
    const Record after{"incident", cid(3),
                       {{"title", "New"}, {"customerid", make_lookup("account", kAccount)}, {"createdon", "2026-11-24T09:37:38Z"}}};
    const auto change = record_change_for_save(casehub_schema(), s, after, true, Json::object());
    REQUIRE(change.ok());
    CHECK(change->mutation == "record.create");
    CHECK(change->args["fields"]["title"] == "New");
    CHECK_FALSE(change->args["fields"].contains("createdon"));
}

TEST_CASE("a lookup to a record this device does not hold is left to the server", "[record_change]") {
    const Store s = store_with_case();
    const Record after{"incident", cid(4), {{"title", "New"}, {"customerid", make_lookup("account", cid(99))}}};
    CHECK(record_change_for_save(casehub_schema(), s, after, true, Json::object()).ok());
}
