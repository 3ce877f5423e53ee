// The sign-in routes: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me,
// and require_user(), which every other authenticated route (sync, OData) calls to turn
// a bearer token into the user's security context.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include <httplib.h>

#include "core/base/json_limits.hpp"
#include "core/base/result.hpp"
#include "core/security/security.hpp"
#include "server/services/auth_service.hpp"

namespace casehub::server {

// How the auth routes read users from the current authoritative Store (the server's
// composition root owns the Store and its lock).
struct UserDirectory {
    // The user's security context (user_context_for on the current Store). Errors as
    // user_context_for: "not_found", "disabled", "invalid".
    std::function<Result<UserContext>(const std::string& user_id)> context_for;
};

// HTTP status for an Error code: unauthorized 401, forbidden/disabled 403, not_found 404,
// conflict 409, rate_limited 429, storage/internal 500, busy 503, anything else 400.
int http_status_for(const Error& error);

struct AuthenticatedUser {
    Session session;
    UserContext user;
};

// The signed-in user of a request, or nullopt after answering it with 401 (no, expired
// or revoked session) or 403 (account disabled since sign-in).
std::optional<AuthenticatedUser> require_user(const httplib::Request& request, httplib::Response& response,
                                              AuthService& auth, const UserDirectory& users);

// The token of an "Authorization: Bearer <token>" header ("" when missing or another scheme).
std::string bearer_token(const httplib::Request& request);

// JSON for a signed-in user: {id, username, fullname, business_unit_id, roles, team_ids}.
Json user_json(const UserContext& user, const std::string& username);

// Sign-in bodies are parsed under `json` (core/base/json_limits.hpp).
void install_auth_routes(httplib::Server& server, AuthService& auth, UserDirectory users, JsonLimits json = {});

}  // namespace casehub::server
