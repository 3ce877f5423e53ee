// SqliteCredentialStore: the CredentialStore in SQLite, table `credential` (username
// UNIQUE COLLATE NOCASE). Shares AuthService's connection with SqliteSessionStore.
// Not thread-safe: AuthService serialises access.
#pragma once
#include <memory>
#include <string>

#include "server/storage/credential_store.hpp"
#include "server/storage/sqlite/sqlite_db.hpp"

namespace casehub::server {

class SqliteCredentialStore final : public CredentialStore {
public:
    explicit SqliteCredentialStore(std::shared_ptr<SqliteDb> db) : db_(std::move(db)) {}

    Result<std::optional<Credential>> find_by_username(const std::string& username) override;
    Result<std::optional<Credential>> find_by_user_id(const std::string& user_id) override;
    Status insert(const Credential& credential) override;
    Result<bool> update_hash(const std::string& user_id, const std::string& pwhash, TimestampMs now) override;

private:
    Result<std::optional<Credential>> find_where(const char* column, const std::string& value);
    std::shared_ptr<SqliteDb> db_;
};

}  // namespace casehub::server
