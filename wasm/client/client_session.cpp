// ClientSession parsing: the login answer (ISO expiry, user JSON as server/auth_routes
// writes it) and the saved form. No throwing: every field is checked before use.
#include "wasm/client/client_session.hpp"

namespace casehub::client {
namespace {

std::vector<std::string> strings_of(const Json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const Json& v : *it)
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::string string_of(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<UserContext> user_from_json(const Json& u) {
    if (!u.is_object()) return make_error("bad_answer", "The sign-in answer has no user.");
    UserContext user;
    user.user_id = string_of(u, "id");
    if (user.user_id.empty()) return make_error("bad_answer", "The sign-in answer's user has no id.");
    user.business_unit_id = string_of(u, "business_unit_id");
    user.fullname = string_of(u, "fullname");
    user.roles = strings_of(u, "roles");
    user.team_ids = strings_of(u, "team_ids");
    return user;
}

Json user_to_json(const UserContext& user) {
    return Json{{"id", user.user_id},
                {"business_unit_id", user.business_unit_id},
                {"fullname", user.fullname},
                {"roles", user.roles},
                {"team_ids", user.team_ids}};
}

}  // namespace

Result<ClientSession> session_from_login_answer(const Json& answer) {
    if (!answer.is_object()) return make_error("bad_answer", "The sign-in answer is not a JSON object.");
    ClientSession s;
    s.token = string_of(answer, "token");
    if (s.token.empty()) return make_error("bad_answer", "The sign-in answer has no token.");
    const auto expires = parse_utc(string_of(answer, "expires_at"));
    if (!expires) return make_error("bad_answer", "The sign-in answer has no valid expires_at.");
    s.expires_at = *expires;
    auto u = answer.find("user");
    if (u == answer.end()) return make_error("bad_answer", "The sign-in answer has no user.");
    auto user = user_from_json(*u);
    if (!user) return user.error();
    s.user = std::move(*user);
    s.username = string_of(*u, "username");
    return s;
}

Json session_to_json(const ClientSession& session) {
    return Json{{"token", session.token},
                {"expires_at", session.expires_at},
                {"username", session.username},
                {"user", user_to_json(session.user)}};
}

Result<ClientSession> session_from_json(const Json& j) {
    if (!j.is_object()) return make_error("bad_session", "The saved session is not a JSON object.");
    ClientSession s;
    s.token = string_of(j, "token");
    auto e = j.find("expires_at");
    if (e == j.end() || !e->is_number_integer())
        return make_error("bad_session", "The saved session has no expiry.");
    s.expires_at = e->get<TimestampMs>();
    s.username = string_of(j, "username");
    auto u = j.find("user");
    if (u == j.end()) return make_error("bad_session", "The saved session has no user.");
    auto user = user_from_json(*u);
    if (!user) return user.error();
    s.user = std::move(*user);
    return s;
}

}  // namespace casehub::client
