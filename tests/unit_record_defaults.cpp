// What a record made on a device gets without the agent typing it (owner, state, status,
// the next case number) and the per-client ticket sequence behind case numbers.
#include <catch2/catch.hpp>

#include "core/base/uuid.hpp"
#include "core/schema/record_defaults.hpp"
#include "core/schema/ticket_number.hpp"
#include "core/schema/ticket_sequence.hpp"

using namespace casehub;

namespace {
std::string rid(std::uint64_t n) { return make_uuid_v4(0xDEF0, n); }
}  // namespace

TEST_CASE("a ticket sequence draws its suffix once and counts up from one", "[ticket]") {
    TicketSequence seq;
    const std::string first = next_ticket_number(seq, 0x123456789ULL);
    CHECK(is_ticket_number(first));
    CHECK(first.rfind("CAS-00001-", 0) == 0);
    const std::string suffix = seq.suffix;
    CHECK(suffix.size() == 6);
    SECTION("later numbers keep the suffix whatever bits are passed") {
        CHECK(next_ticket_number(seq, 0xFFFFULL) == "CAS-00002-" + suffix);
        CHECK(seq.last == 2);
    }
    SECTION("a kept sequence goes on where it stopped") {
        TicketSequence kept{suffix, 41};
        CHECK(next_ticket_number(kept, 7) == "CAS-00042-" + suffix);
    }
    SECTION("two clients with different bits never mint the same number") {
        TicketSequence other;
        CHECK(next_ticket_number(other, 0x987654321ULL) != first);
    }
}

TEST_CASE("a new case gets its owner, state, status and ticket number", "[defaults]") {
    const Schema& schema = casehub_schema();
    const EntityDef* incident = schema.entity("incident");
    REQUIRE(incident);
    Record r{"incident", rid(1), {{"title", "Printer jams"}}};
    CHECK(needs_ticket_number(r, *incident));
    apply_new_record_defaults(r, *incident, rid(9), std::string("CAS-00007-ABCDEF"));
    CHECK(lookup_id_of(r, "ownerid") == rid(9));
    CHECK(r.attributes["ownerid"]["entity"] == "systemuser");
    CHECK(r.attributes["statecode"] == incident->default_state);
    CHECK(r.attributes["statuscode"] == incident->default_status);
    CHECK(r.attributes["ticketnumber"] == "CAS-00007-ABCDEF");
    CHECK_FALSE(needs_ticket_number(r, *incident));
}

TEST_CASE("defaults keep what the agent set and skip what does not apply", "[defaults]") {
    const Schema& schema = casehub_schema();
    SECTION("values already set stay") {
        const EntityDef* incident = schema.entity("incident");
        Record r{"incident", rid(2),
                 {{"ownerid", make_lookup("team", rid(3))}, {"statuscode", 2}, {"ticketnumber", "CAS-00001-AAAAAA"}}};
        apply_new_record_defaults(r, *incident, rid(9), std::string("CAS-00008-ABCDEF"));
        CHECK(r.attributes["ownerid"]["entity"] == "team");
        CHECK(r.attributes["statuscode"] == 2);
        CHECK(r.attributes["ticketnumber"] == "CAS-00001-AAAAAA");
    }
    SECTION("no user, no owner; no number drawn, none set") {
        const EntityDef* incident = schema.entity("incident");
        Record r{"incident", rid(4), {}};
        apply_new_record_defaults(r, *incident, "", std::nullopt);
        CHECK_FALSE(r.get("ownerid"));
        CHECK_FALSE(r.get("ticketnumber"));
    }
    SECTION("an entity without ticket numbers never needs one") {
        const EntityDef* account = schema.entity("account");
        REQUIRE(account);
        Record r{"account", rid(5), {{"name", "Fabrikam"}}};
        CHECK_FALSE(needs_ticket_number(r, *account));
        apply_new_record_defaults(r, *account, rid(9), std::string("CAS-00009-ABCDEF"));
        CHECK_FALSE(r.get("ticketnumber"));
    }
}
