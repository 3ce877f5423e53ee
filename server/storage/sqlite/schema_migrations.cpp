// Schema migrations (see schema_migrations.hpp). Each step re-reads the version inside
// its BEGIN IMMEDIATE transaction, so two processes opening the same new file never run
// a step twice.
#include "server/storage/sqlite/schema_migrations.hpp"

namespace casehub::server {
namespace {

// Version 1 is the schema every database had before versioning (sync_storage.cpp,
// auth.cpp and session_store.cpp each created their tables). Its statements keep
// IF NOT EXISTS, and only this step does, so that such a database is adopted as version 1
// with its data; every later step changes the schema plainly and runs exactly once.
const char* const baseline_sql = R"sql(
CREATE TABLE IF NOT EXISTS sync_record (
  entity TEXT NOT NULL, id TEXT NOT NULL,
  json TEXT NOT NULL,                 -- attributes
  seq INTEGER NOT NULL,               -- last change
  writers TEXT NOT NULL DEFAULT '{}', -- {attribute: [mutation_id, user_id]}
  PRIMARY KEY (entity, id));
CREATE TABLE IF NOT EXISTS sync_tombstone (
  entity TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT NOT NULL, seq INTEGER NOT NULL,
  PRIMARY KEY (entity, id));
CREATE TABLE IF NOT EXISTS sync_mutation (
  id TEXT PRIMARY KEY, client_id TEXT NOT NULL, user_id TEXT NOT NULL, client_seq INTEGER NOT NULL,
  name TEXT NOT NULL, args TEXT NOT NULL,
  status TEXT NOT NULL,               -- accepted | rejected
  seq INTEGER NOT NULL,               -- global seq when accepted, 0 otherwise
  error TEXT);                        -- {"code","message","field"} when rejected
CREATE TABLE IF NOT EXISTS sync_client (
  client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, last_client_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sync_change (
  seq INTEGER NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL,
  json TEXT,                          -- attributes after, NULL when deleted
  PRIMARY KEY (seq, entity, id));
CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS credential (
  user_id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  pwhash TEXT NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS session (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS session_by_user ON session(user_id);
)sql";

Status run_step(SqliteDb& db, const SchemaMigration& step, const std::string& path) {
    SqliteTransaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto now = schema_version(db);
    if (!now) return now.error();
    if (*now >= step.version) return {};  // another process ran it first
    if (auto s = db.exec(step.sql); !s)
        return make_error("storage", "Upgrading the database " + path + " to schema version " +
                                         std::to_string(step.version) + " (" + step.description +
                                         ") failed, and it was left at version " + std::to_string(*now) + ": " +
                                         s.error().message);
    if (auto s = db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);"
                         "DELETE FROM schema_version;"
                         "INSERT INTO schema_version(version) VALUES(" + std::to_string(step.version) + ");");
        !s)
        return s;
    return tx.commit();
}

}  // namespace

const std::vector<SchemaMigration>& casehub_schema_migrations() {
    static const std::vector<SchemaMigration> steps = {
        {1, "sync records, change log, mutation log, clients; credentials and sessions", baseline_sql},
    };
    return steps;
}

Result<int> schema_version(SqliteDb& db) {
    auto has_table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!has_table) return has_table.error();
    if (!has_table->step()) {
        if (!has_table->ok()) return make_error("storage", "Cannot read the database schema: " + has_table->error());
        return 0;
    }
    auto st = db.prepare("SELECT MAX(version) FROM schema_version");
    if (!st) return st.error();
    if (!st->step() || st->column_is_null(0)) {
        if (!st->ok()) return make_error("storage", "Cannot read the schema version: " + st->error());
        return 0;
    }
    return static_cast<int>(st->column_int(0));
}

Result<int> migrate_schema(SqliteDb& db, const std::vector<SchemaMigration>& steps, const std::string& path) {
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1)
            return make_error("internal", "Schema migration steps must be numbered 1, 2, 3... in order; step " +
                                              std::to_string(i + 1) + " says " + std::to_string(steps[i].version) +
                                              ". This is a server bug.");
    const int known = static_cast<int>(steps.size());
    auto current = schema_version(db);
    if (!current) return current.error();
    if (*current > known)
        return make_error("storage", "The database " + path + " has schema version " + std::to_string(*current) +
                                         ", but this server knows versions up to " + std::to_string(known) +
                                         ": it was written by a newer CaseHub server. Run that version (or newer), "
                                         "or restore a backup made for this one; the file was not changed.");
    for (const SchemaMigration& step : steps) {
        if (step.version <= *current) continue;
        if (auto s = run_step(db, step, path); !s) return s.error();
    }
    return schema_version(db);
}

}  // namespace casehub::server
