// Sessions table (made by schema_migrations.cpp): one row per session, keyed by the
// SHA-256 of its token.
#include "server/storage/sqlite/sqlite_session_store.hpp"

namespace casehub::server {

Status SqliteSessionStore::insert(const StoredSession& session) {
    auto stmt = db_->prepare(
        "INSERT INTO session (token_hash, user_id, created_at, expires_at, revoked) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt) return stmt.error();
    stmt->bind(1, session.session_id)
        .bind(2, session.user_id)
        .bind(3, session.created_at)
        .bind(4, session.expires_at)
        .bind(5, std::int64_t{session.revoked ? 1 : 0});
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot save the session: " + stmt->error());
    return {};
}

Result<StoredSession> SqliteSessionStore::find(const std::string& session_id) {
    auto stmt = db_->prepare("SELECT user_id, created_at, expires_at, revoked FROM session WHERE token_hash = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, session_id);
    if (!stmt->step()) {
        if (!stmt->ok()) return make_error("storage", "Cannot read sessions: " + stmt->error());
        return make_error("not_found", "No such session.");
    }
    StoredSession s;
    s.session_id = session_id;
    s.user_id = stmt->column_text(0);
    s.created_at = stmt->column_int(1);
    s.expires_at = stmt->column_int(2);
    s.revoked = stmt->column_int(3) != 0;
    return s;
}

Result<bool> SqliteSessionStore::revoke(const std::string& session_id) {
    auto stmt = db_->prepare("UPDATE session SET revoked = 1 WHERE token_hash = ?1 AND revoked = 0");
    if (!stmt) return stmt.error();
    stmt->bind(1, session_id);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot revoke the session: " + stmt->error());
    return db_->changes() > 0;
}

Status SqliteSessionStore::revoke_all(const std::string& user_id) {
    auto stmt = db_->prepare("UPDATE session SET revoked = 1 WHERE user_id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot revoke sessions: " + stmt->error());
    return {};
}

Status SqliteSessionStore::purge_expired(TimestampMs now) {
    auto stmt = db_->prepare("DELETE FROM session WHERE expires_at <= ?1 OR revoked = 1");
    if (!stmt) return stmt.error();
    stmt->bind(1, now);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot purge sessions: " + stmt->error());
    return {};
}

}  // namespace casehub::server
