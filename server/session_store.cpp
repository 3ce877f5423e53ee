// Sessions table: token hashes only. A stolen database copy gives no usable token,
// because the token (32 random bytes) cannot be recovered from its SHA-256.
#include "server/session_store.hpp"

#include <sodium.h>

#include "server/password.hpp"

namespace casehub::server {

std::string hash_token(const std::string& token) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

Status SessionStore::create_table() {
    return db_->exec(
        "CREATE TABLE IF NOT EXISTS session ("
        " token_hash TEXT PRIMARY KEY,"
        " user_id TEXT NOT NULL,"
        " created_at INTEGER NOT NULL,"
        " expires_at INTEGER NOT NULL,"
        " revoked INTEGER NOT NULL DEFAULT 0);"
        "CREATE INDEX IF NOT EXISTS session_by_user ON session(user_id);");
}

Result<NewSession> SessionStore::create(const std::string& user_id, TimestampMs now, TimestampMs lifetime_ms) {
    if (!ensure_sodium()) return make_error("internal", "The cryptography library could not start.");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[64];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);

    NewSession out;
    out.token = text;
    out.session.user_id = user_id;
    out.session.session_id = hash_token(out.token);
    out.session.created_at = now;
    out.session.expires_at = now + lifetime_ms;
    auto stmt = db_->prepare(
        "INSERT INTO session (token_hash, user_id, created_at, expires_at, revoked) VALUES (?1, ?2, ?3, ?4, 0)");
    if (!stmt) return stmt.error();
    stmt->bind(1, out.session.session_id).bind(2, user_id).bind(3, out.session.created_at).bind(4, out.session.expires_at);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot save the session: " + stmt->error());
    return out;
}

Result<StoredSession> SessionStore::find(const std::string& token, TimestampMs now) {
    const Error expired = make_error("unauthorized", "Sign in again: your session expired");
    if (token.empty()) return expired;
    auto stmt = db_->prepare("SELECT user_id, created_at, expires_at, revoked FROM session WHERE token_hash = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, hash_token(token));
    if (!stmt->step()) {
        if (!stmt->ok()) return make_error("storage", "Cannot read sessions: " + stmt->error());
        return expired;
    }
    StoredSession s;
    s.session_id = hash_token(token);
    s.user_id = stmt->column_text(0);
    s.created_at = stmt->column_int(1);
    s.expires_at = stmt->column_int(2);
    s.revoked = stmt->column_int(3) != 0;
    if (s.revoked || s.expires_at <= now) return expired;
    return s;
}

Result<bool> SessionStore::revoke(const std::string& token) {
    auto stmt = db_->prepare("UPDATE session SET revoked = 1 WHERE token_hash = ?1 AND revoked = 0");
    if (!stmt) return stmt.error();
    stmt->bind(1, hash_token(token));
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot revoke the session: " + stmt->error());
    return db_->changes() > 0;
}

Status SessionStore::revoke_all(const std::string& user_id) {
    auto stmt = db_->prepare("UPDATE session SET revoked = 1 WHERE user_id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot revoke sessions: " + stmt->error());
    return {};
}

Status SessionStore::purge_expired(TimestampMs now) {
    auto stmt = db_->prepare("DELETE FROM session WHERE expires_at <= ?1 OR revoked = 1");
    if (!stmt) return stmt.error();
    stmt->bind(1, now);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot purge sessions: " + stmt->error());
    return {};
}

}  // namespace casehub::server
