// The contact's full name follows its first and last name when the agent edits them.
#include <catch2/catch.hpp>

#include "core/domain/contacts/contact_name.hpp"

using namespace casehub;

TEST_CASE("a contact's full name is first and last name", "[contact]") {
    CHECK(contact_full_name(Record{"contact", "c", {{"firstname", "Camille"}, {"lastname", "Martin"}}}) ==
          "Camille Martin");
    CHECK(contact_full_name(Record{"contact", "c", {{"lastname", "Lestari"}}}) == "Lestari");
    CHECK(contact_full_name(Record{"contact", "c", {{"firstname", ""}, {"lastname", "Lestari"}}}) == "Lestari");
    CHECK(contact_full_name(Record{"contact", "c", {}}).empty());
}

TEST_CASE("editing a name part sets the full name unless the agent typed one", "[contact]") {
    const Record after{"contact", "c", {{"firstname", "Dewi"}, {"lastname", "Lestari"}, {"fullname", "D. Lestari"}}};
    CHECK(full_name_for_edits(after, Json{{"firstname", "Dewi"}}) == std::optional<std::string>("Dewi Lestari"));
    CHECK(full_name_for_edits(after, Json{{"lastname", "Lestari"}}) == std::optional<std::string>("Dewi Lestari"));
    CHECK_FALSE(full_name_for_edits(after, Json{{"firstname", "Dewi"}, {"fullname", "Ibu Dewi"}}));
    CHECK_FALSE(full_name_for_edits(after, Json{{"jobtitle", "Buyer"}}));
    CHECK_FALSE(full_name_for_edits(Record{"contact", "c", {}}, Json{{"firstname", nullptr}}));
    CHECK_FALSE(full_name_for_edits(Record{"account", "a", {{"firstname", "x"}}}, Json{{"firstname", "x"}}));
}
