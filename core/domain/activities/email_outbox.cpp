// The outbox (see email_outbox.hpp). The message text is built here, not in the server,
// so what a customer receives is tested without a file system.
#include "core/domain/activities/email_outbox.hpp"

#include <algorithm>

#include "core/domain/activities/activity_lifecycle.hpp"
#include "core/apply/mutation_args.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"
#include "core/security/roles.hpp"

namespace casehub {
namespace {

constexpr int kCompleted = 1, kOpen = 0;

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

// A header value on one line: a CR or LF in a subject must not start a header of its own.
std::string one_line(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) out += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
    return out;
}

// "a@b; c@d , e@f" -> "a@b, c@d, e@f" (Dataverse's recipient fields use ';').
std::string address_list(const std::string& text) {
    std::string out, part;
    auto flush = [&] {
        const auto a = part.find_first_not_of(' ');
        const auto b = part.find_last_not_of(' ');
        if (a != std::string::npos) out += (out.empty() ? "" : ", ") + part.substr(a, b - a + 1);
        part.clear();
    };
    for (char c : one_line(text)) {
        if (c == ';' || c == ',')
            flush();
        else
            part += c;
    }
    flush();
    return out;
}

bool is_ascii(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string base64(const std::string& in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += table[(v >> 6) & 63];
        out += table[v & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// RFC 2047: non-ASCII text as =?UTF-8?B?...?= words, split on UTF-8 character boundaries
// so each encoded word stays under the 75-character limit.
std::string encode_words(const std::string& text) {
    if (is_ascii(text)) return text;
    std::string out, chunk;
    auto flush = [&] {
        if (chunk.empty()) return;
        out += (out.empty() ? "" : " ") + std::string("=?UTF-8?B?") + base64(chunk) + "?=";
        chunk.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        if (chunk.size() + len > 45) flush();
        chunk += text.substr(i, len);
        i += len;
    }
    flush();
    return out;
}

// "Name <a@b>" with the display name encoded when it is not ASCII.
std::string encode_mailbox(const std::string& mailbox) {
    const std::size_t open = mailbox.rfind('<');
    if (open == std::string::npos || open == 0) return mailbox;
    std::string name = mailbox.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (is_ascii(name)) return mailbox;
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    return encode_words(name) + " " + mailbox.substr(open);
}

std::string encode_address_list(const std::string& list) {
    std::string out, part;
    for (std::size_t i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == ',') {
            while (!part.empty() && part.front() == ' ') part.erase(part.begin());
            if (!part.empty()) out += (out.empty() ? "" : ", ") + encode_mailbox(part);
            part.clear();
        } else {
            part += list[i];
        }
    }
    return out;
}

bool has_address(const std::string& list) { return list.find('@') != std::string::npos; }

// Plain text (a draft typed without the editor) becomes HTML; HTML is kept as written
// (the editor stores the safe subset of safe_html.hpp).
std::string as_html(const std::string& body) {
    if (body.find('<') != std::string::npos && body.find('>') != std::string::npos) return body;
    std::string out = "<p>";
    for (char c : body) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\r': break;
            case '\n': out += "<br>"; break;
            default: out += c;
        }
    }
    return out + "</p>";
}

std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

bool is_administrator(const UserContext& user) {
    return std::find(user.roles.begin(), user.roles.end(), role_system_administrator) != user.roles.end();
}

Result<Record> find_email(const ApplyContext& ctx, const std::string& m, const Json& args) {
    if (!is_administrator(ctx.user()))
        return make_error("forbidden", m + " is run by the server's mail delivery (a System Administrator); "
                                           "send an email with Send instead.");
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    const Record* r = ctx.store().find("email", *id);
    if (!r) return make_error("not_found", "There is no email with id " + *id + " (it may have been deleted).", "id");
    return *r;
}

Status email_mark_sent(ApplyContext& ctx, const Json& args) {
    const std::string m = "email.mark_sent";
    if (auto s = check_argument_names(m, args, {"id", "messageid"}); !s) return s;
    auto email = find_email(ctx, m, args);
    if (!email) return email.error();
    const int status = int_attr(*email, "statuscode", email_status::draft);
    if (status == email_status::sent) return {};  // a delivery retried after a crash
    if (int_attr(*email, "statecode", kOpen) != kCompleted || status != email_status::pending_send)
        return make_error("invalid_state", "The email \"" + string_attr(*email, "subject") +
                                               "\" is not waiting to be sent (it was canceled or changed).");
    Record after = *email;
    after.attributes["statuscode"] = email_status::sent;
    after.attributes["senton"] = format_utc(ctx.now());
    after.attributes["actualend"] = format_utc(ctx.now());
    const std::string messageid = optional_string(args, "messageid");
    if (!messageid.empty()) after.attributes["messageid"] = messageid.substr(0, 320);
    return update_record(ctx, *email, std::move(after));
}

Status email_mark_failed(ApplyContext& ctx, const Json& args) {
    const std::string m = "email.mark_failed";
    if (auto s = check_argument_names(m, args, {"id", "reason"}); !s) return s;
    auto email = find_email(ctx, m, args);
    if (!email) return email.error();
    if (int_attr(*email, "statuscode", email_status::draft) != email_status::pending_send) return {};
    Record after = *email;
    after.attributes["statecode"] = kOpen;
    after.attributes["statuscode"] = email_status::failed;
    after.attributes.erase("actualend");
    // Completed -> Open is no transition an agent may make; the mail gateway hands a
    // message it could not send back to its author as Dataverse does, so only the state
    // pair and the values are checked, not the transition.
    WriteOptions gateway;
    gateway.system = SystemWork::mail_gateway;
    return update_record(ctx, *email, std::move(after), gateway);
}

}  // namespace

std::vector<std::string> pending_emails(const Store& store) {
    std::vector<std::pair<std::string, std::string>> found;
    store.for_each("email", [&](const Record& r) {
        if (int_attr(r, "statecode", kOpen) == kCompleted && int_attr(r, "statuscode", 0) == email_status::pending_send)
            found.emplace_back(string_attr(r, "modifiedon"), r.id);
    });
    std::sort(found.begin(), found.end());
    std::vector<std::string> ids;
    for (auto& f : found) ids.push_back(std::move(f.second));
    return ids;
}

std::string outgoing_message_id(const Record& email) {
    const std::string own = one_line(string_attr(email, "messageid"));
    return own.empty() ? "<" + email.id + "@casehub>" : own;
}

Result<OutgoingMessage> outgoing_message(const Store& store, const Record& email, TimestampMs now,
                                         const std::string& default_from) {
    OutgoingMessage msg;
    msg.to = address_list(string_attr(email, "torecipients"));
    if (!has_address(msg.to))
        return make_error("missing_field",
                          "The email \"" + string_attr(email, "subject") + "\" has no recipient address in To; add one and send it again.",
                          "torecipients");
    msg.cc = address_list(string_attr(email, "ccrecipients"));
    msg.from = one_line(string_attr(email, "sender"));
    if (!has_address(msg.from)) {
        msg.from = default_from;
        if (const Record* owner = store.find("systemuser", lookup_id_of(email, "ownerid"))) {
            const std::string address = one_line(string_attr(*owner, "internalemailaddress"));
            if (has_address(address)) {
                const std::string name = one_line(string_attr(*owner, "fullname"));
                msg.from = name.empty() ? address : "\"" + name + "\" <" + address + ">";
            }
        }
    }
    msg.subject = one_line(string_attr(email, "subject"));
    msg.message_id = outgoing_message_id(email);
    msg.in_reply_to = one_line(string_attr(email, "inreplyto"));
    msg.html_body = as_html(string_attr(email, "description"));
    msg.date = now;
    return msg;
}

std::string format_rfc5322_date(TimestampMs ms) {
    static const char* days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    constexpr std::int64_t day_ms = 86400000;
    std::int64_t day = ms / day_ms;
    if (ms % day_ms < 0) --day;
    const std::int64_t in_day = (ms - day * day_ms) / 1000;
    int y = 0;
    unsigned mo = 0, d = 0;
    civil_from_days(day, y, mo, d);
    return std::string(days[((day % 7) + 7) % 7]) + ", " + std::to_string(d) + " " + months[mo - 1] + " " +
           std::to_string(y) + " " + two(static_cast<unsigned>(in_day / 3600)) + ":" +
           two(static_cast<unsigned>(in_day / 60 % 60)) + ":" + two(static_cast<unsigned>(in_day % 60)) + " +0000";
}

std::string render_rfc5322(const OutgoingMessage& message) {
    std::string out;
    auto header = [&](const char* name, const std::string& value) {
        if (!value.empty()) out += std::string(name) + ": " + value + "\r\n";
    };
    header("From", encode_address_list(message.from));
    header("To", encode_address_list(message.to));
    header("Cc", encode_address_list(message.cc));
    header("Subject", encode_words(message.subject));
    header("Date", format_rfc5322_date(message.date));
    header("Message-ID", message.message_id);
    header("In-Reply-To", message.in_reply_to);
    header("References", message.in_reply_to);
    header("MIME-Version", "1.0");
    header("Content-Type", "text/html; charset=UTF-8");
    header("Content-Transfer-Encoding", "base64");
    out += "\r\n";
    const std::string body = base64("<!DOCTYPE html><html><body>" + message.html_body + "</body></html>");
    for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
    return out;
}

void add_email_outbox_mutations(MutationRegistry& registry) {
    registry.add("email.mark_sent", email_mark_sent);
    registry.add("email.mark_failed", email_mark_failed);
}

}  // namespace casehub
