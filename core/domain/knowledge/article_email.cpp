// Article emails (see article_email.hpp).
#include "core/domain/knowledge/article_email.hpp"

#include "core/apply/record_mutations.hpp"
#include "core/text/safe_html.hpp"

namespace casehub {
namespace {

std::string text_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

int int_of(const Record& r, const char* attribute, int fallback) {
    const Json* v = r.get(attribute);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

}  // namespace

const Record* open_email_draft(const Store& store, const std::string& case_id) {
    const Record* best = nullptr;
    for (const Record* e : store.referencing("email", "regardingobjectid", case_id)) {
        if (int_of(*e, "statecode", 0) != 0 || int_of(*e, "statuscode", 1) != 1) continue;
        if (!best || text_of(*e, "modifiedon") > text_of(*best, "modifiedon")) best = e;
    }
    return best;
}

std::string customer_email_of(const Store& store, const Record& incident) {
    for (const char* attribute : {"primarycontactid", "customerid"}) {
        const Json* v = incident.get(attribute);
        if (!v || !v->is_object()) continue;
        const Record* who = store.find(v->value("entity", std::string()), v->value("id", std::string()));
        if (who && !text_of(*who, "emailaddress1").empty()) return text_of(*who, "emailaddress1");
    }
    return {};
}

std::string article_email_insertion(const Record& article, const std::string& article_url) {
    if (article_url.empty()) return sanitize_html(text_of(article, "content"));
    return "<p><a href=\"" + escape_html(article_url) + "\">" + escape_html(text_of(article, "title")) + "</a></p>";
}

EmailChange article_email_change(const Store& store, const Record& incident, const Record& article,
                                 const std::string& insertion, bool new_draft, const std::string& new_email_id) {
    if (const Record* draft = new_draft ? nullptr : open_email_draft(store, incident.id)) {
        const std::string body = text_of(*draft, "description") + insertion;
        return {"record.update", record_update_args(store, "email", draft->id, Json{{"description", body}})};
    }
    const Json fields{{"subject", text_of(article, "title")},
                      {"torecipients", customer_email_of(store, incident)},
                      {"regardingobjectid", make_lookup("incident", incident.id)},
                      {"description", insertion},
                      {"directioncode", true},
                      {"statecode", 0},
                      {"statuscode", 1}};
    return {"record.create", record_create_args("email", new_email_id, fields)};
}

}  // namespace casehub
