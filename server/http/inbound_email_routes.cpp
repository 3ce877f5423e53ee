// Inbound email route: authenticate the gateway, parse strictly, push email.receive as
// one mutation of its own client ("inbound-email:<mutation id>", client_seq 1), so the
// same message posted twice is applied once and never blocks other messages.
#include "server/http/inbound_email_routes.hpp"

#include <chrono>
#include <cstdlib>

#include "core/demo/demo_data.hpp"
#include "core/domain/routing/record_creation_rules.hpp"
#include "core/security/roles.hpp"
#include "server/http/http_json.hpp"

namespace casehub::server {
namespace {

constexpr const char* token_header = "X-CaseHub-Inbound-Token";

// Compares without stopping at the first difference, so timing tells nothing of the token.
bool same_secret(const std::string& given, const std::string& expected) {
    if (expected.empty() || given.size() != expected.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < given.size(); ++i)
        diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(given[i]) ^ static_cast<unsigned char>(expected[i])));
    return diff == 0;
}

bool is_administrator(const UserContext& user) {
    for (const auto& r : user.roles)
        if (r == role_system_administrator) return true;
    return false;
}

// The user the message is applied as, or nullopt after answering 401/403.
std::optional<UserContext> gateway_user(const httplib::Request& req, httplib::Response& res, SyncService& sync,
                                        AuthService& auth, const UserDirectory& users, const InboundEmailOptions& options) {
    if (req.has_header(token_header)) {
        if (!same_secret(req.get_header_value(token_header), options.token)) {
            send_error(res, 401, "unauthorized", "The inbound email token is wrong (or CASEHUB_INBOUND_TOKEN is not set).");
            return std::nullopt;
        }
        std::string user_id;
        sync.read([&](const Store& store) {
            if (const Record* u = find_user_by_domainname(store, options.gateway_username)) user_id = u->id;
        });
        auto ctx = user_id.empty() ? Result<UserContext>(make_error("not_found", "x")) : sync.user_context(user_id);
        if (!ctx) {
            send_error(res, 500, "internal",
                       "The inbound email user \"" + options.gateway_username + "\" does not exist or is disabled; set CASEHUB_INBOUND_USER.");
            return std::nullopt;
        }
        return *ctx;
    }
    if (!req.has_header("Authorization")) {
        send_error(res, 401, "unauthorized",
                   "Send the gateway token in X-CaseHub-Inbound-Token or sign in as a System Administrator.");
        return std::nullopt;
    }
    auto who = require_user(req, res, auth, users);
    if (!who) return std::nullopt;
    if (!is_administrator(who->user)) {
        send_error(res, 403, "forbidden", "Only a System Administrator or the mail gateway (its token) may post inbound email.");
        return std::nullopt;
    }
    return who->user;
}

}  // namespace

InboundEmailOptions inbound_email_options_from_env() {
    InboundEmailOptions o;
    if (const char* t = std::getenv("CASEHUB_INBOUND_TOKEN")) o.token = t;
    if (const char* u = std::getenv("CASEHUB_INBOUND_USER"); u && *u) o.gateway_username = u;
    return o;
}

void install_inbound_email_routes(httplib::Server& server, SyncService& sync, AuthService& auth, UserDirectory users,
                                  InboundEmailOptions options, JsonLimits json, RateLimiter* limiter) {
    server.Post("/api/inbound/email", [&sync, &auth, users, options, json, limiter](const httplib::Request& req,
                                                                                     httplib::Response& res) {
        if (const int wait = limiter ? limiter->take(req.remote_addr) : 0) {
            res.set_header("Retry-After", std::to_string(wait));
            return send_error(res, 429, "rate_limited",
                              "Too many inbound emails from this address; wait " + std::to_string(wait) +
                                  " s and post again. This message was not taken.");
        }
        auto user = gateway_user(req, res, sync, auth, users, options);
        if (!user) return;
        if (req.body.size() > max_inbound_body + 64 * 1024)
            return send_error(res, 413, "body_too_large",
                              "The email is too large; the body may have at most " + std::to_string(max_inbound_body) +
                                  " characters.", "body");
        auto body = parse_json_body(req, json);
        if (!body) return send_error(res, status_for_body_error(body.error()), body.error());
        auto email = inbound_email_from_json(*body);
        if (!email) {
            const Error& e = email.error();
            return send_error(res, e.code == "too_long" && e.field == "body" ? 413 : 400, e);
        }
        Mutation m;
        m.id = inbound_email_mutation_id(email->messageid);
        m.client_id = "inbound-email:" + m.id;
        m.client_seq = 1;
        m.name = "email.receive";
        m.args = to_json(*email);
        m.client_time = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
        const std::int64_t seq_before = sync.seq();
        auto pushed = sync.push(*user, m.client_id, {m});
        if (!pushed) {
            const Error& e = pushed.error();
            return send_error(res, e.code == "unavailable" ? 503 : e.code == "client_in_use" ? 409 : http_status_for(e), e);
        }
        const MutationResult& r = pushed->front();
        if (r.status != MutationStatus::accepted) {
            const Error& e = r.error;
            return send_error(res, e.code == "unknown_mailbox" || e.code == "duplicate" ? 422 : http_status_for(e), e);
        }
        Json answer = {{"status", "accepted"}, {"seq", r.seq}};
        sync.read([&](const Store& store) {
            store.for_each("email", [&](const Record& e) {
                const Json* mid = e.get("messageid");
                if (!mid || *mid != email->messageid) return;
                answer["email_id"] = e.id;
                const Json* reg = e.get("regardingobjectid");
                if (reg && reg->is_object() && reg->value("entity", std::string()) == "incident") {
                    const std::string case_id = reg->value("id", std::string());
                    answer["case_id"] = case_id;
                    if (const Record* c = store.find("incident", case_id))
                        if (const Json* t = c->get("ticketnumber")) answer["ticketnumber"] = *t;
                }
            });
        });
        send_json(res, r.seq > seq_before ? 201 : 200, answer);
    });
}

}  // namespace casehub::server
