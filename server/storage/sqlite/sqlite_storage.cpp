// The SQLite stores, opened together.
#include "server/storage/sqlite/sqlite_storage.hpp"

#include "server/storage/sqlite/sqlite_credential_store.hpp"
#include "server/storage/sqlite/sqlite_session_store.hpp"
#include "server/storage/sqlite/sqlite_sync_store.hpp"

namespace casehub::server {

Result<SqliteStorage> open_sqlite_storage(const std::string& db_path) {
    auto sync = SqliteSyncStore::open(db_path);  // migrates the schema first
    if (!sync) return sync.error();
    auto auth_db = SqliteDb::open(db_path);
    if (!auth_db) return auth_db.error();
    auto shared = std::make_shared<SqliteDb>(std::move(*auth_db));
    SqliteStorage out;
    out.sync = std::move(*sync);
    out.credentials = std::make_unique<SqliteCredentialStore>(shared);
    out.sessions = std::make_unique<SqliteSessionStore>(shared);
    return out;
}

}  // namespace casehub::server
