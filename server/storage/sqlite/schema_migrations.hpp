// The versioned schema of casehub.db: a `schema_version` table holding one number, and
// ordered migration steps, each taking the database from version N-1 to N inside one
// transaction. Applied when the server opens its database; a database written by a newer
// server (a version we do not know) is refused rather than guessed at.
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "server/storage/sqlite/sqlite_db.hpp"

namespace casehub::server {

struct SchemaMigration {
    int version = 0;          // the version the database has after this step (1, 2, ...)
    std::string description;  // one line, for the log and the refusal messages
    std::string sql;          // statements run inside the step's transaction
};

// CaseHub's steps, oldest first. Append a step to change the schema; never edit one that
// has shipped (databases out there already ran it).
const std::vector<SchemaMigration>& casehub_schema_migrations();

// The database's version: 0 for a new, empty file. A file made before versioning (the
// tables of step 1, no schema_version) counts as 0 as well; step 1 adopts it.
Result<int> schema_version(SqliteDb& db);

// Brings `db` to the last of `steps` (consecutive from 1), each step and its new version
// in one transaction, and returns the version it ends at. Error "storage" when a step
// fails (the database stays at the previous version) or when the database is newer than
// the last step ("... has schema version 7, but this server knows versions up to 3 ...").
// `path` only names the file in messages.
Result<int> migrate_schema(SqliteDb& db, const std::vector<SchemaMigration>& steps, const std::string& path);

}  // namespace casehub::server
