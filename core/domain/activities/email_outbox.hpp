// The outbox of outgoing email, its pure part: which emails wait to be sent (email.send
// left them Completed / Pending Send; SLA notify actions make them so), the RFC 5322
// message the server's mail drop writes for one, and the mutations that record the
// delivery. The server's scheduled job (server/scheduled_jobs.*) does the file I/O.
//   email.mark_sent   {id, messageid}  Completed / Sent, senton = now, the Message-ID kept
//                                      so replies (In-Reply-To) find the case. An email
//                                      already Sent is a no-op (a retried delivery).
//   email.mark_failed {id, reason}     Open / Failed: the agent fixes it and sends again.
// Both need the System Administrator role: only the delivery job may claim a message left.
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

// What goes into the message file; header values are single-line (CR/LF removed).
struct OutgoingMessage {
    std::string from;         // "Name <address>" or an address
    std::string to;           // comma-separated addresses
    std::string cc;           // may be empty
    std::string subject;
    std::string message_id;   // "<...>"
    std::string in_reply_to;  // may be empty
    std::string html_body;    // the email's description, as HTML
    TimestampMs date = 0;
};

// Ids of emails waiting to be sent (statecode 1, statuscode 6 Pending Send), oldest
// modifiedon first, ties by id.
std::vector<std::string> pending_emails(const Store& store);

// The message for `email`, sent at `now`. From is the email's sender, else its owner's
// primary email, else `default_from`. Error "missing_field" (field torecipients) when it
// has no recipient address: the delivery marks it Failed with that message.
Result<OutgoingMessage> outgoing_message(const Store& store, const Record& email, TimestampMs now,
                                         const std::string& default_from);

// The Message-ID an email is sent with: its own messageid, else <activity id@casehub>.
std::string outgoing_message_id(const Record& email);

// The complete RFC 5322 text: CRLF line ends; From, To, Cc, Subject, Date, Message-ID,
// In-Reply-To, MIME-Version; non-ASCII header text as RFC 2047 UTF-8 words; the body
// text/html UTF-8 in base64 lines of 76 characters.
std::string render_rfc5322(const OutgoingMessage& message);

// "Sun, 29 Nov 2026 11:14:20 +0000".
std::string format_rfc5322_date(TimestampMs ms);

// Registers email.mark_sent and email.mark_failed.
void add_email_outbox_mutations(MutationRegistry& registry);

}  // namespace casehub
