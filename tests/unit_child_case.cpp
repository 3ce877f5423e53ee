// Add Child Case: what the child takes from its parent.
#include <catch2/catch.hpp>

#include "core/base/uuid.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/domain/cases/child_case.hpp"

using namespace casehub;

TEST_CASE("a child case takes the parent's title, contact, subject, priority and origin", "[cases]") {
    const std::string parent_id = make_uuid_v4(0xC0DE, 1), contact = make_uuid_v4(0xC0DE, 2);
    const Record parent{"incident", parent_id,
                        {{"title", "Printer jams"},
                         {"primarycontactid", make_lookup("contact", contact)},
                         {"prioritycode", 1},
                         {"caseorigincode", 2},
                         {"customerid", make_lookup("contact", contact)},
                         {"statecode", case_state::resolved}}};
    const Json fields = child_case_fields(casehub_schema(), parent);
    CHECK(fields["title"] == "Printer jams");
    CHECK(fields["parentcaseid"] == make_lookup("incident", parent_id));
    CHECK(fields["primarycontactid"] == make_lookup("contact", contact));
    CHECK(fields["prioritycode"] == 1);
    CHECK(fields["caseorigincode"] == 2);
    CHECK_FALSE(fields.contains("subjectid"));   // the parent has none
    CHECK_FALSE(fields.contains("customerid"));  // the agent picks it (the hub does not copy it)
    CHECK(fields["statecode"] == case_state::active);
    CHECK(fields["statuscode"] == case_status::in_progress);
}
