// SessionStore: bearer-token sessions in the server's SQLite file. A token is 32 random
// bytes (libsodium randombytes_buf) sent to the client as base64url; the table keeps
// only its SHA-256, the user, creation and expiry times and a revoked flag.
// Not thread-safe: AuthService serialises access.
#pragma once
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"
#include "server/sqlite_db.hpp"

namespace casehub::server {

struct StoredSession {
    std::string user_id;
    std::string session_id;  // hex SHA-256 of the token (what the table stores)
    TimestampMs created_at = 0;
    TimestampMs expires_at = 0;
    bool revoked = false;
};

struct NewSession {
    std::string token;  // give to the client; not kept anywhere on the server
    StoredSession session;
};

// Hex SHA-256 of a token: the session id and the table key.
std::string hash_token(const std::string& token);

class SessionStore {
public:
    explicit SessionStore(SqliteDb* db) : db_(db) {}

    // CREATE TABLE IF NOT EXISTS session (...).
    Status create_table();
    // A new random token and its stored session, expiring at now + lifetime.
    Result<NewSession> create(const std::string& user_id, TimestampMs now, TimestampMs lifetime_ms);
    // The stored session of a token; Error "unauthorized" when unknown, revoked or expired at `now`.
    Result<StoredSession> find(const std::string& token, TimestampMs now);
    // Marks the token's session revoked; false when there was no live one.
    Result<bool> revoke(const std::string& token);
    Status revoke_all(const std::string& user_id);
    // Deletes sessions that expired before `now` (housekeeping; revoked ones too).
    Status purge_expired(TimestampMs now);

private:
    SqliteDb* db_;
};

}  // namespace casehub::server
