// ClientSession: who is signed in on this browser — the bearer token, when it expires,
// and the user's security context as the server sent it at sign-in (cached so the last
// user keeps working offline until the session expires). Its JSON is what is saved.
#pragma once
#include <optional>
#include <string>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/security/security.hpp"
#include "core/base/time.hpp"

namespace casehub::client {

struct ClientSession {
    std::string token;          // empty after the server refused it (401): signed out, work kept
    TimestampMs expires_at = 0;
    std::string username;
    UserContext user;

    // True while the token is held and not expired at `now`.
    bool is_live(TimestampMs now) const { return !token.empty() && now < expires_at; }
};

// The answer of POST /api/auth/login: {token, expires_at, user:{id, username, fullname,
// business_unit_id, roles, team_ids}}. Error "bad_answer" naming what is missing.
Result<ClientSession> session_from_login_answer(const Json& answer);

// Saved form {token, expires_at (ms), username, user:{...}} and back.
Json session_to_json(const ClientSession& session);
Result<ClientSession> session_from_json(const Json& j);

}  // namespace casehub::client
