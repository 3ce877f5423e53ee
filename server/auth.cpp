// AuthService: credentials (argon2id hashes), sessions (token hashes) and a per-username
// backoff. Hashing runs outside the database lock so a slow sign-in never blocks
// other requests' session checks.
#include "server/auth.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace casehub::server {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

Error wrong_credentials() {
    // One message whether the username or the password was wrong, so it reveals neither.
    return make_error("unauthorized", "The username or password is incorrect.");
}

}  // namespace

Result<std::unique_ptr<AuthService>> AuthService::open(const std::string& db_path, AuthOptions options) {
    if (!ensure_sodium()) return make_error("internal", "The cryptography library (libsodium) could not start.");
    auto db = SqliteDb::open(db_path);
    if (!db) return db.error();
    std::unique_ptr<AuthService> service(new AuthService(std::move(*db), std::move(options)));
    if (auto s = service->create_tables(); !s) return s.error();
    auto dummy = hash_password("casehub-no-such-user", service->options_.password_cost);
    if (!dummy) return dummy.error();
    service->dummy_hash_ = std::move(*dummy);
    return service;
}

AuthService::AuthService(SqliteDb db, AuthOptions options)
    : options_(std::move(options)), db_(std::move(db)), sessions_(&db_) {}

Status AuthService::create_tables() {
    std::lock_guard lock(db_mutex_);
    if (auto s = db_.exec("CREATE TABLE IF NOT EXISTS credential ("
                          " user_id TEXT PRIMARY KEY,"
                          " username TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                          " pwhash TEXT NOT NULL,"
                          " updated_at INTEGER NOT NULL);");
        !s)
        return s;
    return sessions_.create_table();
}

TimestampMs AuthService::now() const {
    if (options_.clock) return options_.clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string bearer_token(const httplib::Request& request) {
    const std::string header = request.get_header_value("Authorization");
    const std::string prefix = "bearer ";
    if (header.size() <= prefix.size() || lower(header.substr(0, prefix.size())) != prefix) return {};
    std::string token = header.substr(prefix.size());
    while (!token.empty() && token.back() == ' ') token.pop_back();
    return token;
}

Result<Session> AuthService::authenticate(const httplib::Request& request) {
    return authenticate_token(bearer_token(request));
}

Result<Session> AuthService::authenticate_token(const std::string& token) {
    if (token.empty() || token.size() > 256) return make_error("unauthorized", "Sign in again: your session expired");
    const TimestampMs t = now();
    std::lock_guard lock(db_mutex_);
    auto stored = sessions_.find(token, t);
    if (!stored) return stored.error();
    return Session{stored->user_id, stored->session_id, stored->expires_at};
}

Result<SignIn> AuthService::login(const std::string& username, const std::string& password) {
    const std::string key = lower(username);
    const TimestampMs t = now();
    {
        std::lock_guard lock(failures_mutex_);
        auto it = failures_.find(key);
        if (it != failures_.end() && it->second.blocked_until > t) {
            const auto seconds = (it->second.blocked_until - t + 999) / 1000;
            return make_error("rate_limited", "Too many failed sign-ins for this username; wait " +
                                                  std::to_string(seconds) + " s and try again.");
        }
    }

    std::string user_id, hash, stored_username;
    {
        std::lock_guard lock(db_mutex_);
        auto stmt = db_.prepare("SELECT user_id, pwhash, username FROM credential WHERE username = ?1");
        if (!stmt) return stmt.error();
        stmt->bind(1, username);
        if (stmt->step()) {
            user_id = stmt->column_text(0);
            hash = stmt->column_text(1);
            stored_username = stmt->column_text(2);
        } else if (!stmt->ok()) {
            return make_error("storage", "Cannot read credentials: " + stmt->error());
        }
    }

    // An unknown username costs the same hash verification as a known one.
    const bool ok = verify_password(user_id.empty() ? dummy_hash_ : hash, password) && !user_id.empty();
    if (!ok) {
        std::lock_guard lock(failures_mutex_);
        if (failures_.size() > 10000) {  // bound memory under a spray of usernames
            for (auto it = failures_.begin(); it != failures_.end();)
                it = it->second.blocked_until <= t ? failures_.erase(it) : std::next(it);
        }
        Failures& f = failures_[key];
        ++f.count;
        if (f.count >= options_.failures_before_backoff) {
            const int doublings = std::min(f.count - options_.failures_before_backoff, 20);
            f.blocked_until = t + std::min<TimestampMs>(1000LL << doublings, options_.max_backoff_ms);
        }
        return wrong_credentials();
    }
    {
        std::lock_guard lock(failures_mutex_);
        failures_.erase(key);
    }

    if (password_needs_rehash(hash, options_.password_cost)) {
        if (auto fresh = hash_password(password, options_.password_cost)) {
            std::lock_guard lock(db_mutex_);
            if (auto stmt = db_.prepare("UPDATE credential SET pwhash = ?1, updated_at = ?2 WHERE user_id = ?3")) {
                stmt->bind(1, *fresh).bind(2, t).bind(3, user_id);
                stmt->step();  // best effort: the old hash still works if this fails
            }
        }
    }

    std::lock_guard lock(db_mutex_);
    (void)sessions_.purge_expired(t);  // housekeeping at sign-in: the table stays small
    auto created = sessions_.create(user_id, t, options_.session_lifetime_ms);
    if (!created) return created.error();
    SignIn out;
    out.token = std::move(created->token);
    out.session = Session{created->session.user_id, created->session.session_id, created->session.expires_at};
    out.username = stored_username;
    return out;
}

Status AuthService::logout(const std::string& token) {
    if (auto s = authenticate_token(token); !s) return s.error();
    std::lock_guard lock(db_mutex_);
    auto revoked = sessions_.revoke(token);
    if (!revoked) return revoked.error();
    if (!*revoked) return make_error("unauthorized", "Sign in again: your session expired");
    return {};
}

Status AuthService::revoke_sessions_of(const std::string& user_id) {
    std::lock_guard lock(db_mutex_);
    return sessions_.revoke_all(user_id);
}

Status AuthService::ensure_user(const std::string& user_id, const std::string& username, const std::string& password) {
    if (user_id.empty() || username.empty())
        return make_error("invalid", "A user needs an id and a username.", user_id.empty() ? "user_id" : "username");
    {
        std::lock_guard lock(db_mutex_);
        auto stmt = db_.prepare("SELECT user_id FROM credential WHERE user_id = ?1 OR username = ?2");
        if (!stmt) return stmt.error();
        stmt->bind(1, user_id).bind(2, username);
        if (stmt->step()) {
            if (stmt->column_text(0) != user_id)
                return make_error("conflict", "The username '" + username + "' is already taken by another user.",
                                  "username");
            return {};  // already has credentials: keep them (the password may have been changed)
        }
        if (!stmt->ok()) return make_error("storage", "Cannot read credentials: " + stmt->error());
    }
    auto hash = hash_password(password, options_.password_cost);
    if (!hash) return hash.error();
    std::lock_guard lock(db_mutex_);
    auto stmt = db_.prepare("INSERT INTO credential (user_id, username, pwhash, updated_at) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id).bind(2, username).bind(3, *hash).bind(4, now());
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot save credentials: " + stmt->error());
    return {};
}

Status AuthService::set_password(const std::string& user_id, const std::string& password) {
    auto hash = hash_password(password, options_.password_cost);
    if (!hash) return hash.error();
    std::lock_guard lock(db_mutex_);
    auto stmt = db_.prepare("UPDATE credential SET pwhash = ?1, updated_at = ?2 WHERE user_id = ?3");
    if (!stmt) return stmt.error();
    stmt->bind(1, *hash).bind(2, now()).bind(3, user_id);
    stmt->step();
    if (!stmt->ok()) return make_error("storage", "Cannot save the password: " + stmt->error());
    if (db_.changes() == 0) return make_error("not_found", "User " + user_id + " has no sign-in; create it first.");
    return sessions_.revoke_all(user_id);
}

Result<std::string> AuthService::user_id_for_username(const std::string& username) {
    std::lock_guard lock(db_mutex_);
    auto stmt = db_.prepare("SELECT user_id FROM credential WHERE username = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, username);
    if (stmt->step()) return stmt->column_text(0);
    return make_error("not_found", "No user signs in as '" + username + "'.");
}

Result<std::string> AuthService::username_for_user_id(const std::string& user_id) {
    std::lock_guard lock(db_mutex_);
    auto stmt = db_.prepare("SELECT username FROM credential WHERE user_id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, user_id);
    if (stmt->step()) return stmt->column_text(0);
    return make_error("not_found", "User " + user_id + " has no sign-in.");
}

Status ensure_credentials_for_users(AuthService& auth, const Store& store, const std::string& password) {
    Status result;
    store.for_each("systemuser", [&](const Record& user) {
        if (!result) return;
        const Json* name = user.get("domainname");
        const Json* disabled = user.get("isdisabled");
        if (!name || !name->is_string() || name->get_ref<const std::string&>().empty()) return;
        if (disabled && disabled->is_boolean() && disabled->get<bool>()) return;
        result = auth.ensure_user(user.id, name->get<std::string>(), password);
    });
    return result;
}

}  // namespace casehub::server
