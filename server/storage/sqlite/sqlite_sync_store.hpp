// SqliteSyncStore: the SyncStore in SQLite (its own connection to casehub.db) — current
// records with their field writers, tombstones, the mutation log, clients and their last
// client_seq, and the change log pull pages through. A push batch is written in ONE
// transaction (BEGIN IMMEDIATE ... COMMIT, synchronous=FULL: on disk before the server
// answers). Not thread-safe: SyncService serialises writers.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/sync/sync_server.hpp"
#include "server/storage/sqlite/sqlite_db.hpp"
#include "server/storage/sync_store.hpp"

namespace casehub::server {

class SqliteSyncStore final : public SyncStore {
public:
    // Opens (creating) the database and brings its schema to the current version
    // (schema_migrations.hpp). Error "storage" when it cannot, or the file is newer.
    static Result<std::unique_ptr<SqliteSyncStore>> open(const std::string& db_path);

    Status load(SyncServerState& state) override;
    Status save_push(const PushOutcome& outcome, const SyncServerState& state) override;
    Status save_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state) override;
    Result<bool> is_empty() override;

    SqliteDb& db() { return db_; }

private:
    explicit SqliteSyncStore(SqliteDb db) : db_(std::move(db)) {}
    Status write_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state);
    SqliteDb db_;
};

}  // namespace casehub::server
