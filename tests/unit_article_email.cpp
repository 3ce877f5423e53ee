// A knowledge article put into a case's email: appended to the open draft, or a new draft
// to the case's contact.
#include <catch2/catch.hpp>

#include "core/base/uuid.hpp"
#include "core/domain/knowledge/article_email.hpp"

using namespace casehub;

namespace {

std::string aid(std::uint64_t n) { return make_uuid_v4(0xA11CE, n); }

const std::string kCase = aid(1), kContact = aid(2), kAccount = aid(3), kArticle = aid(4), kDraft = aid(5),
                  kSent = aid(6);

Store case_store() {
    Store s;
    s.upsert(Record{"account", kAccount, {{"name", "Fabrikam"}, {"emailaddress1", "desk@fabrikam.example"}}});
    s.upsert(Record{"contact", kContact, {{"lastname", "Lestari"}, {"emailaddress1", "dewi@fabrikam.example"}}});
    s.upsert(Record{"incident", kCase,
                    {{"title", "Printer jams"},
                     {"customerid", make_lookup("account", kAccount)},
                     {"primarycontactid", make_lookup("contact", kContact)}}});
    s.upsert(Record{"knowledgearticle", kArticle,
                    {{"title", "Clearing a jam"}, {"content", "<p>Open tray <script>x()</script>2</p>"}}});
    return s;
}

}  // namespace

TEST_CASE("the article's content is sanitised, its link escaped", "[knowledge][email]") {
    const Store s = case_store();
    const Record& article = *s.find("knowledgearticle", kArticle);
    const std::string content = article_email_insertion(article, "");
    CHECK(content.find("Open tray") != std::string::npos);
    CHECK(content.find("script") == std::string::npos);
    CHECK(article_email_insertion(article, "https://hub.example/#/knowledgearticle/x?a=1&b=2") ==
          "<p><a href=\"https://hub.example/#/knowledgearticle/x?a=1&amp;b=2\">Clearing a jam</a></p>");
}

TEST_CASE("without a draft the article makes a new email to the case's contact", "[knowledge][email]") {
    const Store s = case_store();
    const Record& incident = *s.find("incident", kCase);
    const EmailChange change =
        article_email_change(s, incident, *s.find("knowledgearticle", kArticle), "<p>x</p>", false, aid(9));
    CHECK(change.mutation == "record.create");
    const Json& fields = change.args["fields"];
    CHECK(change.args["id"] == aid(9));
    CHECK(fields["subject"] == "Clearing a jam");
    CHECK(fields["torecipients"] == "dewi@fabrikam.example");
    CHECK(fields["regardingobjectid"] == make_lookup("incident", kCase));
    CHECK(fields["description"] == "<p>x</p>");
    CHECK(fields["statuscode"] == 1);
}

TEST_CASE("the case's open draft gets the article appended; sent emails are left alone", "[knowledge][email]") {
    Store s = case_store();
    s.upsert(Record{"email", kSent,
                    {{"regardingobjectid", make_lookup("incident", kCase)}, {"statecode", 1}, {"statuscode", 3},
                     {"modifiedon", "2026-11-30T10:00:00Z"}}});
    s.upsert(Record{"email", kDraft,
                    {{"regardingobjectid", make_lookup("incident", kCase)}, {"statecode", 0}, {"statuscode", 1},
                     {"description", "<p>Hello</p>"}, {"modifiedon", "2026-11-29T10:00:00Z"}}});
    const Record& incident = *s.find("incident", kCase);
    const Record& article = *s.find("knowledgearticle", kArticle);
    REQUIRE(open_email_draft(s, kCase));
    CHECK(open_email_draft(s, kCase)->id == kDraft);
    const EmailChange change = article_email_change(s, incident, article, "<p>x</p>", false, aid(9));
    CHECK(change.mutation == "record.update");
    CHECK(change.args["id"] == kDraft);
    CHECK(change.args["fields"]["description"] == "<p>Hello</p><p>x</p>");
    SECTION("Send by email always starts a new draft") {
        CHECK(article_email_change(s, incident, article, "<p>x</p>", true, aid(9)).mutation == "record.create");
    }
}

TEST_CASE("a case's email goes to the contact, else the customer", "[knowledge][email]") {
    Store s = case_store();
    CHECK(customer_email_of(s, *s.find("incident", kCase)) == "dewi@fabrikam.example");
    s.upsert(Record{"contact", kContact, {{"lastname", "Lestari"}}});
    CHECK(customer_email_of(s, *s.find("incident", kCase)) == "desk@fabrikam.example");
    s.upsert(Record{"account", kAccount, {{"name", "Fabrikam"}}});
    CHECK(customer_email_of(s, *s.find("incident", kCase)).empty());
}
