// SqliteSessionStore: the SessionStore in SQLite, table `session` (token hashes only:
// a stolen database copy gives no usable token). Shares AuthService's connection with
// SqliteCredentialStore. Not thread-safe: AuthService serialises access.
#pragma once
#include <memory>
#include <string>

#include "server/storage/session_store.hpp"
#include "server/storage/sqlite/sqlite_db.hpp"

namespace casehub::server {

class SqliteSessionStore final : public SessionStore {
public:
    explicit SqliteSessionStore(std::shared_ptr<SqliteDb> db) : db_(std::move(db)) {}

    Status insert(const StoredSession& session) override;
    Result<StoredSession> find(const std::string& session_id) override;
    Result<bool> revoke(const std::string& session_id) override;
    Status revoke_all(const std::string& user_id) override;
    Status purge_expired(TimestampMs now) override;

private:
    std::shared_ptr<SqliteDb> db_;
};

}  // namespace casehub::server
