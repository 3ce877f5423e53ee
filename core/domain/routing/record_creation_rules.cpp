// email.receive: inbound mail through the record creation rule of the queue it was sent
// to. Records are written through the write path (write_path.hpp), so validation,
// privileges and the incident triggers (entitlement, SLA, process, routing) run as for a
// case an agent creates.
#include "core/domain/routing/record_creation_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "core/domain/queues/queue_operations.hpp"
#include "core/apply/write_path.hpp"
#include "core/domain/routing/routing_rules.hpp"
#include "core/schema/ticket_number.hpp"
#include "core/base/time.hpp"

namespace casehub {
namespace {

constexpr std::size_t max_subject = 200;  // the activity subject's limit
constexpr std::size_t max_address_field = 320;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool bool_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_boolean() && v->get<bool>();
}

std::vector<std::string> split_addresses(const std::string& to) {
    std::vector<std::string> out;
    std::string part;
    auto flush = [&] {
        const std::string a = email_address_of(part);
        if (!a.empty()) out.push_back(a);
        part.clear();
    };
    for (char c : to) {
        if (c == ',' || c == ';')
            flush();
        else
            part += c;
    }
    flush();
    return out;
}

// The first "CAS-nnnnn-XXXXXX" in the text, or "".
std::string ticket_number_in(const std::string& text) {
    for (std::size_t at = text.find("CAS-"); at != std::string::npos; at = text.find("CAS-", at + 1)) {
        std::size_t end = at + 4;
        while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
        if (end < text.size() && text[end] == '-') ++end;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
        const std::string candidate = text.substr(at, end - at);
        if (is_ticket_number(candidate)) return candidate;
    }
    return {};
}

// 64 bits from a UUID's hex digits (the same on every platform, unlike std::hash).
std::uint64_t bits_of(const std::string& uuid) {
    std::uint64_t bits = 0;
    int taken = 0;
    for (char c : uuid) {
        if (taken == 16 || !std::isxdigit(static_cast<unsigned char>(c))) continue;
        bits = bits * 16 + static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
        ++taken;
    }
    return bits;
}

// Creates a record the mail made. It may start closed (a received email is Completed):
// email.receive is the named mutation that creates it so.
Status create_from_mail(ApplyContext& ctx, const std::string& entity, const std::string& id, const Json& fields) {
    Record record{entity, id, Json::object()};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!it.value().is_null()) record.attributes[it.key()] = it.value();
    WriteOptions received;
    received.rights.state = true;
    return create_record(ctx, std::move(record), received);
}

// The queue whose mailbox is among the recipients.
const Record* receiving_queue(const Store& store, const std::vector<std::string>& recipients) {
    const Record* found = nullptr;
    store.for_each("queue", [&](const Record& q) {
        if (found || int_attr(q, "statecode", 0) != 0) return;
        const std::string mailbox = lower(trim(string_attr(q, "emailaddress")));
        if (!mailbox.empty() && std::find(recipients.begin(), recipients.end(), mailbox) != recipients.end())
            found = &q;
    });
    return found;
}

const Record* active_rule_for(const Store& store, const std::string& queue_id) {
    for (const Record* r : store.referencing("convertrule", "queueid", queue_id))
        if (int_attr(*r, "statecode", 0) == 1) return r;
    return nullptr;
}

// The contact (then account) whose email address is `address`.
const Record* find_sender(const Store& store, const std::string& address) {
    const Record* found = nullptr;
    for (const char* entity : {"contact", "account"}) {
        store.for_each(entity, [&](const Record& r) {
            if (!found && int_attr(r, "statecode", 0) == 0 && lower(trim(string_attr(r, "emailaddress1"))) == address)
                found = &r;
        });
        if (found) return found;
    }
    return nullptr;
}

const Record* email_with_messageid(const Store& store, const std::string& messageid) {
    const Record* found = nullptr;
    store.for_each("email", [&](const Record& r) {
        if (!found && string_attr(r, "messageid") == messageid) found = &r;
    });
    return found;
}

// The open case this message continues: the case of the email it replies to, else the
// case whose ticket number is in the subject.
const Record* conversation_case(const Store& store, const InboundEmail& email) {
    if (!email.inreplyto.empty())
        if (const Record* earlier = email_with_messageid(store, email.inreplyto)) {
            const Json* reg = earlier->get("regardingobjectid");
            if (reg && reg->is_object() && reg->value("entity", std::string()) == "incident")
                if (const Record* c = store.find("incident", reg->value("id", std::string())))
                    if (int_attr(*c, "statecode", 0) == 0) return c;
        }
    const std::string number = ticket_number_in(email.subject);
    if (number.empty()) return nullptr;
    const Record* found = nullptr;
    store.for_each("incident", [&](const Record& r) {
        if (!found && int_attr(r, "statecode", 0) == 0 && string_attr(r, "ticketnumber") == number) found = &r;
    });
    return found;
}

Json contact_fields(const InboundEmail& email, const std::string& address) {
    std::string name = display_name_of(email.from);
    std::string first, last;
    if (name.empty()) {
        last = address.substr(0, address.find('@'));
    } else {
        const std::size_t space = name.rfind(' ');
        if (space == std::string::npos) {
            last = name;
        } else {
            first = trim(name.substr(0, space));
            last = trim(name.substr(space + 1));
        }
    }
    Json f = {{"lastname", last.substr(0, 50)}, {"emailaddress1", address}};
    if (!first.empty()) f["firstname"] = first.substr(0, 50);
    f["fullname"] = (first.empty() ? last : first + " " + last).substr(0, 160);
    return f;
}

Status email_receive(ApplyContext& ctx, const Json& args) {
    auto email = inbound_email_from_json(args);
    if (!email) return email.error();
    auto outcome = receive_email(ctx, *email);
    if (!outcome) return outcome.error();
    return {};
}

Result<std::string> string_field(const Json& json, const char* name, bool required, std::size_t max) {
    auto it = json.find(name);
    if (it == json.end() || it->is_null()) {
        if (required) return make_error("missing_field", std::string("The email needs \"") + name + "\".", name);
        return std::string();
    }
    if (!it->is_string()) return make_error("wrong_type", std::string("\"") + name + "\" must be a string.", name);
    std::string v = it->get<std::string>();
    if (required && trim(v).empty())
        return make_error("missing_field", std::string("The email needs a non-empty \"") + name + "\".", name);
    if (v.size() > max)
        return make_error("too_long", std::string("\"") + name + "\" is longer than " + std::to_string(max) +
                                          " characters.", name);
    return v;
}

}  // namespace

std::string email_address_of(const std::string& text) {
    std::string a = text;
    const std::size_t open = text.rfind('<');
    if (open != std::string::npos) {
        const std::size_t close = text.find('>', open);
        a = text.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    }
    a = lower(trim(a));
    const std::size_t at = a.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == a.size() || a.find(' ') != std::string::npos) return {};
    return a;
}

std::string display_name_of(const std::string& text) {
    const std::size_t open = text.rfind('<');
    if (open == std::string::npos) return {};
    std::string name = trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    return trim(name);
}

std::string inbound_email_mutation_id(const std::string& messageid) {
    return uuid_from_text("email.receive:" + messageid);
}

Result<InboundEmail> inbound_email_from_json(const Json& json) {
    if (!json.is_object()) return make_error("wrong_type", "The email must be a JSON object.");
    for (auto it = json.begin(); it != json.end(); ++it) {
        bool known = false;
        for (const char* k : {"from", "to", "subject", "body", "messageid", "inreplyto"}) known = known || it.key() == k;
        if (!known)
            return make_error("unknown_field",
                              "Unknown field \"" + it.key() + "\"; an email has from, to, subject, body, messageid, inreplyto.",
                              it.key());
    }
    InboundEmail e;
    struct Field {
        const char* name;
        std::string* out;
        bool required;
        std::size_t max;
    };
    for (const Field& f : {Field{"from", &e.from, true, max_address_field}, Field{"to", &e.to, true, 2000},
                           Field{"subject", &e.subject, false, max_subject}, Field{"body", &e.body, false, max_inbound_body},
                           Field{"messageid", &e.messageid, true, max_address_field},
                           Field{"inreplyto", &e.inreplyto, false, max_address_field}}) {
        auto v = string_field(json, f.name, f.required, f.max);
        if (!v) return v.error();
        *f.out = std::move(*v);
    }
    if (email_address_of(e.from).empty())
        return make_error("wrong_type", "\"from\" has no email address (expected \"Name <name@example.com>\").", "from");
    if (split_addresses(e.to).empty())
        return make_error("wrong_type", "\"to\" has no email address.", "to");
    return e;
}

Json to_json(const InboundEmail& email) {
    Json j = {{"from", email.from}, {"to", email.to}, {"subject", email.subject}, {"body", email.body},
              {"messageid", email.messageid}};
    if (!email.inreplyto.empty()) j["inreplyto"] = email.inreplyto;
    return j;
}

Result<InboundOutcome> receive_email(ApplyContext& ctx, const InboundEmail& email) {
    const Store& store = ctx.store();
    if (email_with_messageid(store, email.messageid))
        return make_error("duplicate", "The email " + email.messageid + " was already received.", "messageid");
    const Record* queue = receiving_queue(store, split_addresses(email.to));
    if (!queue)
        return make_error("unknown_mailbox", "No active queue receives mail for " + email.to +
                                                 "; set the queue's Incoming Email address.", "to");
    const std::string queue_id = queue->id;
    // As in Dataverse, what the rule creates belongs to the mailbox queue's owner, so the
    // team working that queue can read it (the gateway user usually sits in the root BU).
    const Json* queue_owner = queue->get("ownerid");
    const Json owner = queue_owner && queue_owner->is_object() ? *queue_owner : Json();
    const Record* rule = active_rule_for(store, queue_id);
    const std::string address = email_address_of(email.from);
    InboundOutcome out;
    out.email_id = ctx.derived_id("email");

    // Sender: a known contact/account, or a new contact when the rule allows it.
    Json sender_lookup;
    std::string customer_account;
    if (const Record* sender = find_sender(store, address)) {
        sender_lookup = make_lookup(sender->entity, sender->id);
        if (sender->entity == "contact") {
            out.contact_id = sender->id;
            const Json* parent = sender->get("parentcustomerid");
            if (parent && parent->is_object()) customer_account = parent->value("id", std::string());
        }
    } else if (rule && bool_attr(*rule, "allowunknownsender")) {
        out.contact_id = ctx.derived_id("contact");
        Json contact = contact_fields(email, address);
        if (!owner.is_null()) contact["ownerid"] = owner;
        if (auto s = create_from_mail(ctx, "contact", out.contact_id, contact); !s) return s.error();
        out.created_contact = true;
        sender_lookup = make_lookup("contact", out.contact_id);
    }

    // The case: the conversation's open case, else a new one when the rule creates cases.
    std::string incident_id;
    bool route_new_case = false;
    if (const Record* existing = conversation_case(ctx.store(), email)) {
        incident_id = existing->id;
    } else if (rule && bool_attr(*rule, "createcase") && !sender_lookup.is_null()) {
        incident_id = ctx.derived_id("incident");
        route_new_case = bool_attr(*rule, "routecase");
        Json customer = customer_account.empty() ? sender_lookup : make_lookup("account", customer_account);
        Json fields = {{"title", email.subject.empty() ? "Email from " + address : email.subject},
                       {"customerid", customer},
                       {"caseorigincode", 2},
                       {"description", email.body},
                       {"routecase", route_new_case},
                       {"ticketnumber",
                        make_ticket_number(ctx.store().count("incident") + 1,
                                           make_ticket_suffix(bits_of(incident_id)))}};
        if (!out.contact_id.empty()) fields["primarycontactid"] = make_lookup("contact", out.contact_id);
        if (!owner.is_null()) fields["ownerid"] = owner;
        if (auto s = create_from_mail(ctx, "incident", incident_id, fields); !s) return s.error();
        out.created_case = true;
    }
    out.incident_id = incident_id;

    Json fields = {{"subject", email.subject.empty() ? std::string("(no subject)") : email.subject},
                   {"description", email.body},
                   {"sender", email.from.substr(0, 250)},
                   {"torecipients", email.to.substr(0, 500)},
                   {"directioncode", false},
                   {"messageid", email.messageid},
                   {"actualend", format_utc(ctx.now())},
                   {"statecode", 1},
                   {"statuscode", 4}};
    if (!email.inreplyto.empty()) fields["inreplyto"] = email.inreplyto;
    if (!owner.is_null()) fields["ownerid"] = owner;
    if (!incident_id.empty())
        fields["regardingobjectid"] = make_lookup("incident", incident_id);
    else if (!sender_lookup.is_null())
        fields["regardingobjectid"] = sender_lookup;
    if (auto s = create_from_mail(ctx, "email", out.email_id, fields); !s) return s.error();

    // Work lands in the mailbox's queue unless routing placed the new case elsewhere.
    if (out.created_case) {
        const Record* created = ctx.store().find("incident", incident_id);
        const bool routed = route_new_case && created && matching_rule_item(ctx.store(), *created);
        if (!routed)
            if (auto q = add_to_queue(ctx, queue_id, "incident", incident_id); !q) return q.error();
    } else if (incident_id.empty()) {
        if (auto q = add_to_queue(ctx, queue_id, "email", out.email_id); !q) return q.error();
    }
    return out;
}

void add_record_creation_mutations(MutationRegistry& registry) { registry.add("email.receive", email_receive); }

}  // namespace casehub
