// Record creation rules (Dataverse convertrule) for inbound email: the email.receive
// mutation turns a message posted by the mail gateway into a received email activity,
// finds the sender's contact by address (or creates one when the rule allows), attaches
// the email to the open case of the same conversation (In-Reply-To, or a CAS- ticket
// number in the subject) or creates a case, which the routing rules then route. Runs
// inside a mutation's ApplyContext (all or nothing); the HTTP side is
// server/inbound_email_routes.*. Pure core.
#pragma once
#include <cstddef>
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub {

// The message as the gateway posts it: {from, to, subject, body, messageid, inreplyto?}.
struct InboundEmail {
    std::string from;       // "Name <address>" or an address
    std::string to;         // one or more addresses, comma separated: a queue's mailbox among them
    std::string subject;
    std::string body;       // plain text
    std::string messageid;  // RFC 5322 Message-ID: an email is received once
    std::string inreplyto;  // optional: the Message-ID it answers
};

constexpr std::size_t max_inbound_body = 100000;  // characters (the email description's limit)

// Strict parse without throwing: every field a string, from/to/messageid non-empty,
// unknown fields named, body and subject within their limits. Errors name the field.
Result<InboundEmail> inbound_email_from_json(const Json& json);
Json to_json(const InboundEmail& email);

// The address part of "Name <a@b.c>" or "a@b.c", lower-cased; "" when there is none.
std::string email_address_of(const std::string& text);
// The display name of "Name <a@b.c>" (quotes removed), or "".
std::string display_name_of(const std::string& text);

// The mutation id the server gives an inbound message: the same message posted twice is
// applied once (the second answers as a duplicate).
std::string inbound_email_mutation_id(const std::string& messageid);

// What email.receive did: ids of the records it made or used ("" when none).
struct InboundOutcome {
    std::string email_id;
    std::string contact_id;
    std::string incident_id;
    bool created_contact = false;
    bool created_case = false;
};

// Applies the rules to `email` in `ctx` (what email.receive runs). Errors: no queue
// with a receiving address among `to` ("unknown_mailbox"), an email with that
// messageid already received ("duplicate"), and those of the records written.
Result<InboundOutcome> receive_email(ApplyContext& ctx, const InboundEmail& email);

// Registers email.receive {from, to, subject, body, messageid, inreplyto?}.
void add_record_creation_mutations(MutationRegistry& registry);

}  // namespace casehub
