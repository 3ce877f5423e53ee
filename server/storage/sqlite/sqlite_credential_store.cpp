// Credentials table (made by schema_migrations.cpp).
#include "server/storage/sqlite/sqlite_credential_store.hpp"

namespace casehub::server {

Result<std::optional<Credential>> SqliteCredentialStore::find_where(const char* column, const std::string& value) {
    auto stmt = db_->prepare(std::string("SELECT user_id, username, pwhash, updated_at FROM credential WHERE ") +
                             column + " = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, value);
    if (!stmt->step()) {
        if (!stmt->ok()) return make_error("storage", "Cannot read credentials: " + stmt->error());
        return std::optional<Credential>();
    }
    return std::optional<Credential>(
        Credential{stmt->column_text(0), stmt->column_text(1), stmt->column_text(2), stmt->column_int(3)});
}

Result<std::optional<Credential>> SqliteCredentialStore::find_by_username(const std::string& username) {
    return find_where("username", username);
}

Result<std::optional<Credential>> SqliteCredentialStore::find_by_user_id(const std::string& user_id) {
    return find_where("user_id", user_id);
}

Status SqliteCredentialStore::insert(const Credential& c) {
    auto stmt = db_->prepare("INSERT INTO credential (user_id, username, pwhash, updated_at) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) return stmt.error();
    stmt->bind(1, c.user_id).bind(2, c.username).bind(3, c.pwhash).bind(4, c.updated_at);
    stmt->step();
    if (!stmt->ok()) {
        if (sqlite3_extended_errcode(db_->handle()) == SQLITE_CONSTRAINT_UNIQUE ||
            sqlite3_extended_errcode(db_->handle()) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return make_error("conflict", "The username '" + c.username + "' or user " + c.user_id +
                                              " already has a sign-in.", "username");
        return make_error("storage", "Cannot save credentials: " + stmt->error());
    }
    return {};
}

Result<bool> SqliteCredentialStore::update_hash(const std::string& user_id, const std::string& pwhash, TimestampMs now) {
    auto stmt = db_->prepare("UPDATE credential SET pwhash = ?1, updated_at = ?2 WHERE user_id = ?3");
    if (!stmt) return stmt.error();
    stmt->bind(1, pwhash).bind(2, now).bind(3, user_id);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot save the password: " + stmt->error());
    return db_->changes() > 0;
}

}  // namespace casehub::server
