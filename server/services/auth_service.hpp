// AuthService: sign-in with username + password (argon2id hashes, see password.hpp),
// bearer-token sessions stored only as SHA-256 hashes (see session_token.hpp), logout,
// and a light per-username backoff against password guessing. Keeps credentials and
// sessions in the stores it is given (storage/credential_store.hpp, session_store.hpp);
// knows nothing of HTTP. Thread-safe: every route thread may call it.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/base/result.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"
#include "server/services/password.hpp"
#include "server/services/session_token.hpp"
#include "server/storage/credential_store.hpp"
#include "server/storage/session_store.hpp"

namespace casehub::server {

// An authenticated session. The token itself is never kept: only the client has it.
struct Session {
    std::string user_id;     // systemuser id
    std::string session_id;  // public handle (hex SHA-256 of the token), safe to log
    TimestampMs expires_at = 0;
};

struct AuthOptions {
    PasswordCost password_cost = PasswordCost::Interactive;  // Minimum in tests, Moderate in production
    // Fixed (not sliding) lifetime, long enough for a week of offline field work:
    // the client keeps working offline until its session expires, then signs in again.
    TimestampMs session_lifetime_ms = 7LL * 24 * 60 * 60 * 1000;
    int failures_before_backoff = 5;                 // per username and client address
    int address_failures_before_backoff = 20;        // per client address, any usernames
    TimestampMs max_backoff_ms = 5LL * 60 * 1000;    // backoff doubles per failure up to this
    std::function<TimestampMs()> clock;              // empty = system clock (tests pass their own)
    // Password hashing takes ~64 MiB and tens of ms each (Interactive): at most this many
    // run at once; a sign-in waits up to hash_wait_ms for a turn, then gets "busy".
    int max_concurrent_hashes = 2;
    TimestampMs hash_wait_ms = 2000;
};

// What a successful sign-in gives the client: the bearer token (shown once) and its session.
struct SignIn {
    std::string token;
    Session session;
    std::string username;
};

class AuthService {
public:
    // A service over `credentials` and `sessions` (both on one connection: the service
    // serialises every call to them). Error "internal" when libsodium cannot start.
    static Result<std::unique_ptr<AuthService>> open(std::unique_ptr<CredentialStore> credentials,
                                                     std::unique_ptr<SessionStore> sessions, AuthOptions options = {});

    // The session of a bearer token. Error "unauthorized" ("Sign in again: your session
    // expired") when the token is empty, malformed, unknown, revoked or expired.
    Result<Session> authenticate_token(const std::string& token);

    // Checks the password and opens a session. Error "unauthorized" with one message for
    // an unknown username and a wrong password alike; "rate_limited" after repeated
    // failures for that username from that client `address`, or for any usernames from
    // it (the message says how long to wait) — so guesses from elsewhere never lock a
    // user out of their own address; "busy" when max_concurrent_hashes sign-ins are
    // being checked and none finished in hash_wait_ms.
    Result<SignIn> login(const std::string& username, const std::string& password, const std::string& address = {});

    // The seconds a client should wait after `error` from login(username, ..., address):
    // what the backoff has left for "rate_limited" (the number its message gives), 1 otherwise.
    int retry_after_seconds(const std::string& username, const std::string& address, const Error& error);

    // Revokes the session of `token`. Error "unauthorized" if it is not a live session.
    Status logout(const std::string& token);
    // Revokes every session of a user (password change, account disabled).
    Status revoke_sessions_of(const std::string& user_id);

    // Creates credentials for `user_id` when it has none (seeding demo users on first
    // run); leaves existing credentials (and a changed password) alone.
    // Error "conflict" when the username is taken by another user.
    Status ensure_user(const std::string& user_id, const std::string& username, const std::string& password);
    // Replaces the user's password and revokes their sessions.
    Status set_password(const std::string& user_id, const std::string& password);

    // The user id behind a username, or Error "not_found".
    Result<std::string> user_id_for_username(const std::string& username);
    // The username of a user id, or Error "not_found".
    Result<std::string> username_for_user_id(const std::string& user_id);

    TimestampMs now() const;

    AuthService(const AuthService&) = delete;
    AuthService& operator=(const AuthService&) = delete;

private:
    AuthService(std::unique_ptr<CredentialStore> credentials, std::unique_ptr<SessionStore> sessions,
                AuthOptions options);

    struct Failures {
        int count = 0;
        TimestampMs blocked_until = 0;
        TimestampMs last_failure = 0;
    };
    // Counts one failure under `key` at `t`; a count idle for max_backoff_ms starts over.
    void count_failure(const std::string& key, int threshold, TimestampMs t);

    AuthOptions options_;
    std::mutex db_mutex_;  // guards credentials_ and sessions_ (one connection)
    std::unique_ptr<CredentialStore> credentials_;
    std::unique_ptr<SessionStore> sessions_;
    std::mutex failures_mutex_;
    // By lower-cased username + "\n" + address, and by "\x01" + address; in memory only.
    std::map<std::string, Failures> failures_;
    std::string dummy_hash_;                    // verified against for unknown usernames (same timing)
    std::mutex hash_mutex_;                     // guards hashes_running_
    std::condition_variable hash_turn_;
    int hashes_running_ = 0;
};

// Gives every enabled systemuser of `store` that has a domainname and no credentials a
// sign-in (username = domainname, password = `password`): the demo users admin, camille,
// alex, dewi and budi with "casehub-demo" on first run. Existing passwords are kept.
Status ensure_credentials_for_users(AuthService& auth, const Store& store, const std::string& password);

}  // namespace casehub::server
