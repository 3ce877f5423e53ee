// open_sqlite_storage: every store the server needs, over one SQLite file (casehub.db):
// the sync store on a connection of its own (pushes write there), and the credential and
// session stores sharing a second one (sign-ins never wait on a push's fsync). The schema
// is migrated once, before any store is used. The composition root (server_app) and the
// tests call it; services see only the interfaces in storage/.
#pragma once
#include <memory>
#include <string>

#include "core/base/result.hpp"
#include "server/storage/credential_store.hpp"
#include "server/storage/session_store.hpp"
#include "server/storage/sync_store.hpp"

namespace casehub::server {

struct SqliteStorage {
    std::unique_ptr<SyncStore> sync;
    std::unique_ptr<CredentialStore> credentials;
    std::unique_ptr<SessionStore> sessions;
};

// Opens (creating) `db_path` and migrates its schema. Error "storage" when the file
// cannot be opened or upgraded, or was written by a newer server (the message says which).
Result<SqliteStorage> open_sqlite_storage(const std::string& db_path);

}  // namespace casehub::server
