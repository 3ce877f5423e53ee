// SyncStorage: the sync state on disk in SQLite (its own connection to casehub.db) —
// current records with their field writers, tombstones, the mutation log, clients and
// their last client_seq, and the change log pull pages through. A push batch is written
// in ONE transaction (BEGIN IMMEDIATE ... COMMIT, synchronous=FULL: on disk before the
// server answers). Not thread-safe: SyncService serialises writers.
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/sync/sync_server.hpp"
#include "server/sqlite_db.hpp"

namespace casehub::server {

class SyncStorage {
public:
    // Opens (creating) the database and the sync_* tables. Error "storage" when it cannot.
    static Result<SyncStorage> open(const std::string& db_path);

    // Replaces `state` with everything stored. Error "storage" naming what is unreadable.
    Status load(SyncServerState& state);

    // Writes what one push recorded (mutations, changes, the records they touched as they
    // are now in `state`, the client's last_seq, the global seq) in one transaction.
    Status save_push(const PushOutcome& outcome, const SyncServerState& state);

    // Writes seeded records (SyncServerState::seed) in one transaction.
    Status save_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state);

    // True when no record and no mutation was ever stored (a new data directory).
    Result<bool> is_empty();

    SqliteDb& db() { return db_; }

private:
    explicit SyncStorage(SqliteDb db) : db_(std::move(db)) {}
    Status write_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state);
    SqliteDb db_;
};

}  // namespace casehub::server
