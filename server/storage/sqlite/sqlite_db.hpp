// SqliteDb: a thin RAII wrapper over one SQLite connection for the server's storage
// (records, mutation log, users, sessions). WAL journal, synchronous=FULL so a
// committed transaction is on disk before we acknowledge it, foreign keys on.
// Not thread-safe: the server serialises writers with its own mutex. storage/sqlite/ is
// the only folder that includes <sqlite3.h>.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "core/base/result.hpp"

namespace casehub::server {

class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    SqliteStatement(SqliteStatement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), rc_(o.rc_) { o.stmt_ = nullptr; }
    SqliteStatement& operator=(SqliteStatement&& o) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Parameters are 1-based, as in SQLite.
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind_null(int index);

    // Runs to the next row: true when a row is available, false when done. A failure
    // is reported through ok()/error() (and step returns false).
    bool step();
    bool ok() const { return rc_ == SQLITE_OK || rc_ == SQLITE_ROW || rc_ == SQLITE_DONE; }
    std::string error() const;
    void reset();

    std::string column_text(int index) const;
    std::int64_t column_int(int index) const;
    bool column_is_null(int index) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

class SqliteDb {
public:
    // Opens (creating if missing) the database file and sets WAL + synchronous=FULL.
    static Result<SqliteDb> open(const std::string& path);

    SqliteDb(SqliteDb&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    SqliteDb& operator=(SqliteDb&& o) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    ~SqliteDb();

    // Runs one or more statements without results (schema, pragmas, BEGIN/COMMIT).
    Status exec(const std::string& sql);
    // Compiles one statement; Error when the SQL is wrong.
    Result<SqliteStatement> prepare(const std::string& sql);

    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
    std::int64_t changes() const { return sqlite3_changes(db_); }
    sqlite3* handle() const { return db_; }

private:
    explicit SqliteDb(sqlite3* db) : db_(db) {}
    sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    const Status& begun() const { return begun_; }
    Status commit();

private:
    SqliteDb& db_;
    Status begun_;
    bool done_ = false;
};

}  // namespace casehub::server
