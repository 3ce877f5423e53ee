// Sign-in routes. Bodies are checked strictly (known fields, right types) so a client
// bug shows up as a clear 400, and credentials never appear in logs or answers.
#include "server/http/auth_routes.hpp"

#include <algorithm>
#include <cctype>

#include "core/base/time.hpp"
#include "server/http/http_json.hpp"

namespace casehub::server {

namespace {

constexpr std::size_t max_username_length = 256;
constexpr std::size_t max_password_length = 1024;  // argon2 takes any length; this bounds the work

// Retry-After says what the message says: the seconds the backoff or the hashing queue
// asks for (AuthService::retry_after_seconds).
void send_auth_error(httplib::Response& res, const Error& error, int retry_after_seconds = 1) {
    if (error.code == "rate_limited" || error.code == "busy")
        res.set_header("Retry-After", std::to_string(std::max(1, retry_after_seconds)));
    if (error.code == "unauthorized") res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, http_status_for(error), error);
}

// {username, password}: both non-empty strings, nothing else.
Result<std::pair<std::string, std::string>> parse_login(const httplib::Request& req, const JsonLimits& json) {
    auto body = parse_json_body(req, json);
    if (!body) return body.error();
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != "username" && it.key() != "password")
            return make_error("unknown_field", "Unknown field '" + it.key() + "'; send only username and password.",
                              it.key());
    }
    std::pair<std::string, std::string> out;
    for (const char* name : {"username", "password"}) {
        auto it = body->find(name);
        if (it == body->end() || it->is_null())
            return make_error("missing_field", std::string("The ") + name + " is missing.", name);
        if (!it->is_string())
            return make_error("wrong_type", std::string("The ") + name + " must be a string.", name);
        const std::string& value = it->get_ref<const std::string&>();
        if (value.empty()) return make_error("missing_field", std::string("The ") + name + " is empty.", name);
        const std::size_t limit = std::string(name) == "username" ? max_username_length : max_password_length;
        if (value.size() > limit)
            return make_error("too_long", std::string("The ") + name + " is longer than " + std::to_string(limit) +
                                              " characters.", name);
        (std::string(name) == "username" ? out.first : out.second) = value;
    }
    return out;
}

}  // namespace

std::string bearer_token(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    const std::string prefix = "bearer ";
    if (header.size() <= prefix.size()) return {};
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(header[i])) != prefix[i]) return {};
    std::string token = header.substr(prefix.size());
    while (!token.empty() && token.back() == ' ') token.pop_back();
    return token;
}

int http_status_for(const Error& error) {
    const std::string& c = error.code;
    if (c == "unauthorized") return 401;
    if (c == "forbidden" || c == "disabled") return 403;
    if (c == "not_found") return 404;
    if (c == "conflict") return 409;
    if (c == "rate_limited") return 429;
    if (c == "storage" || c == "internal") return 500;
    if (c == "busy") return 503;
    return 400;
}

Json user_json(const UserContext& user, const std::string& username) {
    return Json{{"id", user.user_id},
                {"username", username},
                {"fullname", user.fullname},
                {"business_unit_id", user.business_unit_id},
                {"roles", user.roles},
                {"team_ids", user.team_ids}};
}

std::optional<AuthenticatedUser> require_user(const httplib::Request& request, httplib::Response& response,
                                              AuthService& auth, const UserDirectory& users) {
    auto session = auth.authenticate_token(bearer_token(request));
    if (!session) {
        send_auth_error(response, session.error());
        return std::nullopt;
    }
    if (!users.context_for) {
        send_error(response, 500, "internal", "The server has no user directory; this is a server bug.");
        return std::nullopt;
    }
    auto ctx = users.context_for(session->user_id);
    if (!ctx) {
        // The user was removed or disabled after signing in: the session no longer counts.
        Error e = ctx.error();
        if (e.code == "not_found") e = make_error("unauthorized", "Sign in again: your account is no longer active.");
        send_auth_error(response, e);
        return std::nullopt;
    }
    return AuthenticatedUser{std::move(*session), std::move(*ctx)};
}

void install_auth_routes(httplib::Server& server, AuthService& auth, UserDirectory users, JsonLimits json) {
    server.Post("/api/auth/login", [&auth, users, json](const httplib::Request& req, httplib::Response& res) {
        auto input = parse_login(req, json);
        if (!input) return send_error(res, status_for_body_error(input.error()), input.error());
        auto signed_in = auth.login(input->first, input->second, req.remote_addr);
        if (!signed_in)
            return send_auth_error(res, signed_in.error(),
                                   auth.retry_after_seconds(input->first, req.remote_addr, signed_in.error()));
        auto ctx = users.context_for ? users.context_for(signed_in->session.user_id)
                                     : Result<UserContext>(make_error("internal", "No user directory."));
        if (!ctx) {
            (void)auth.logout(signed_in->token);  // a disabled or removed user gets no session
            Error e = ctx.error();
            if (e.code == "not_found")
                e = make_error("forbidden", "This sign-in has no user record; ask an administrator.");
            return send_auth_error(res, e);
        }
        send_json(res, 200,
                  Json{{"token", signed_in->token},
                       {"expires_at", format_utc(signed_in->session.expires_at)},
                       {"user", user_json(*ctx, signed_in->username)}});
    });

    server.Post("/api/auth/logout", [&auth](const httplib::Request& req, httplib::Response& res) {
        if (auto s = auth.logout(bearer_token(req)); !s) return send_auth_error(res, s.error());
        send_json(res, 200, Json{{"signed_out", true}});
    });

    server.Get("/api/auth/me", [&auth, users](const httplib::Request& req, httplib::Response& res) {
        auto who = require_user(req, res, auth, users);
        if (!who) return;
        auto username = auth.username_for_user_id(who->user.user_id);
        send_json(res, 200,
                  Json{{"expires_at", format_utc(who->session.expires_at)},
                       {"user", user_json(who->user, username ? *username : std::string())}});
    });
}

}  // namespace casehub::server
