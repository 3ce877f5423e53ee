// SQLite wrapper implementation.
#include "server/storage/sqlite/sqlite_db.hpp"

namespace casehub::server {

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& o) noexcept {
    if (this != &o) {
        if (stmt_) sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = o.stmt_;
        rc_ = o.rc_;
        o.stmt_ = nullptr;
    }
    return *this;
}

SqliteStatement::~SqliteStatement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    rc_ = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    rc_ = sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
SqliteStatement& SqliteStatement::bind_null(int index) {
    rc_ = sqlite3_bind_null(stmt_, index);
    return *this;
}

bool SqliteStatement::step() {
    if (!ok()) return false;
    rc_ = sqlite3_step(stmt_);
    return rc_ == SQLITE_ROW;
}

std::string SqliteStatement::error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

void SqliteStatement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    rc_ = SQLITE_OK;
}

std::string SqliteStatement::column_text(int index) const {
    const auto* p = sqlite3_column_text(stmt_, index);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
             : std::string();
}
std::int64_t SqliteStatement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }
bool SqliteStatement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

Result<SqliteDb> SqliteDb::open(const std::string& path) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        if (db) sqlite3_close(db);
        return make_error("storage", "Cannot open the database '" + path + "': " + msg);
    }
    sqlite3_busy_timeout(db, 5000);
    SqliteDb out(db);
    if (auto s = out.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"); !s)
        return s.error();
    return out;
}

SqliteDb& SqliteDb::operator=(SqliteDb&& o) noexcept {
    if (this != &o) {
        if (db_) sqlite3_close(db_);
        db_ = o.db_;
        o.db_ = nullptr;
    }
    return *this;
}

SqliteDb::~SqliteDb() {
    if (db_) sqlite3_close(db_);
}

Status SqliteDb::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        return make_error("storage", "Database error: " + msg);
    }
    return {};
}

Result<SqliteStatement> SqliteDb::prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return make_error("storage", std::string("Database error: ") + sqlite3_errmsg(db_) + " in: " + sql);
    return SqliteStatement(db_, stmt);
}

SqliteTransaction::SqliteTransaction(SqliteDb& db) : db_(db), begun_(db.exec("BEGIN IMMEDIATE")) {}

SqliteTransaction::~SqliteTransaction() {
    if (!done_ && begun_) (void)db_.exec("ROLLBACK");
}

Status SqliteTransaction::commit() {
    if (!begun_) return begun_;
    auto s = db_.exec("COMMIT");
    if (s) done_ = true;
    return s;
}

}  // namespace casehub::server
