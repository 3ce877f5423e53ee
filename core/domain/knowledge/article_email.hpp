// An article put into a case's email from the reference panel ("Insert into email" /
// "Send by email"): appended to the newest open draft regarding the case, or a new draft
// addressed to the case's contact (else the customer). Pure: it says which mutation to
// submit; the id of a new email and the article's address are the caller's.
#pragma once
#include <string>

#include "core/base/record.hpp"
#include "core/store/store.hpp"

namespace casehub {

// The newest open (Draft) email regarding the case `case_id`, or nullptr.
const Record* open_email_draft(const Store& store, const std::string& case_id);

// The address a case's email goes to by default: the contact's emailaddress1, else the
// customer's ("" when neither has one; the agent can still fill To before sending).
std::string customer_email_of(const Store& store, const Record& incident);

// What goes into the email: the article's content (sanitised HTML) when `article_url` is
// empty, else a paragraph with a link to `article_url` titled with the article's title.
std::string article_email_insertion(const Record& article, const std::string& article_url);

// One mutation: its name and arguments.
struct EmailChange {
    std::string mutation;  // "record.update" (the draft) or "record.create" (a new draft)
    Json args;
};

// The change that puts `insertion` into the case's email: appended to the open draft (none
// is looked for when `new_draft`), else a new draft `new_email_id` with the article's
// title as subject, regarding the case, outgoing, addressed to customer_email_of.
EmailChange article_email_change(const Store& store, const Record& incident, const Record& article,
                                 const std::string& insertion, bool new_draft, const std::string& new_email_id);

}  // namespace casehub
