// CredentialStore: who may sign in — a user id, a username (unique, compared without
// case) and an argon2id password hash (services/password.hpp). Plain passwords never
// reach storage. An interface over the database (storage/sqlite/ is the one we have).
// Not thread-safe: AuthService serialises access.
#pragma once
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub::server {

struct Credential {
    std::string user_id;   // systemuser id
    std::string username;  // as stored (sign-in compares without case)
    std::string pwhash;    // "$argon2id$..."
    TimestampMs updated_at = 0;
};

class CredentialStore {
public:
    virtual ~CredentialStore() = default;

    // The credential of a username (case-insensitive), nullopt when none; Error "storage".
    virtual Result<std::optional<Credential>> find_by_username(const std::string& username) = 0;
    // The credential of a user id, nullopt when none; Error "storage".
    virtual Result<std::optional<Credential>> find_by_user_id(const std::string& user_id) = 0;
    // Stores a new credential. Error "conflict" when the user id or username is taken,
    // "storage" otherwise.
    virtual Status insert(const Credential& credential) = 0;
    // Replaces the user's hash; false when the user has no credential.
    virtual Result<bool> update_hash(const std::string& user_id, const std::string& pwhash, TimestampMs now) = 0;
};

}  // namespace casehub::server
