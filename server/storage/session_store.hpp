// SessionStore: bearer-token sessions, kept by the SHA-256 of their token only (the
// token itself never reaches storage; services/session_token.hpp makes and hashes it).
// An interface over the database (storage/sqlite/ is the one we have).
// Not thread-safe: AuthService serialises access.
#pragma once
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub::server {

struct StoredSession {
    std::string user_id;
    std::string session_id;  // hex SHA-256 of the token (what storage keys on)
    TimestampMs created_at = 0;
    TimestampMs expires_at = 0;
    bool revoked = false;
};

class SessionStore {
public:
    virtual ~SessionStore() = default;

    // Stores a new session. Error "storage" when it cannot be written.
    virtual Status insert(const StoredSession& session) = 0;
    // The session with this id, revoked or expired ones included; Error "not_found" when
    // there is none, "storage" when it cannot be read.
    virtual Result<StoredSession> find(const std::string& session_id) = 0;
    // Marks the session revoked; false when there was no unrevoked one.
    virtual Result<bool> revoke(const std::string& session_id) = 0;
    // Marks every session of the user revoked.
    virtual Status revoke_all(const std::string& user_id) = 0;
    // Deletes sessions that expired at or before `now`, and revoked ones (housekeeping).
    virtual Status purge_expired(TimestampMs now) = 0;
};

}  // namespace casehub::server
