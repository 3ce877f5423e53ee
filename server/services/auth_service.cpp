// AuthService: credentials (argon2id hashes), sessions (token hashes) and a per-username
// backoff. Hashing runs outside the database lock so a slow sign-in never blocks
// other requests' session checks.
#include "server/services/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace casehub::server {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The backoff keys: one username from one address, and one address for any usernames.
std::string failure_key(const std::string& username, const std::string& address) {
    std::string key = lower(username);
    key += '\n';
    key += address;
    return key;
}
std::string address_failure_key(const std::string& address) {
    std::string key(1, '\x01');
    key += address;
    return key;
}

Error busy() {
    return make_error("busy", "The server is checking many sign-ins at once; try again in 1 s.");
}

Error wrong_credentials() {
    // One message whether the username or the password was wrong, so it reveals neither.
    return make_error("unauthorized", "The username or password is incorrect.");
}

}  // namespace

Result<std::unique_ptr<AuthService>> AuthService::open(std::unique_ptr<CredentialStore> credentials,
                                                       std::unique_ptr<SessionStore> sessions, AuthOptions options) {
    if (!ensure_sodium()) return make_error("internal", "The cryptography library (libsodium) could not start.");
    if (!credentials || !sessions) return make_error("internal", "AuthService::open needs its stores; this is a server bug.");
    std::unique_ptr<AuthService> service(new AuthService(std::move(credentials), std::move(sessions), std::move(options)));
    auto dummy = hash_password("casehub-no-such-user", service->options_.password_cost);
    if (!dummy) return dummy.error();
    service->dummy_hash_ = std::move(*dummy);
    return service;
}

AuthService::AuthService(std::unique_ptr<CredentialStore> credentials, std::unique_ptr<SessionStore> sessions,
                         AuthOptions options)
    : options_(std::move(options)), credentials_(std::move(credentials)), sessions_(std::move(sessions)) {}

TimestampMs AuthService::now() const {
    if (options_.clock) return options_.clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<Session> AuthService::authenticate_token(const std::string& token) {
    const Error expired = make_error("unauthorized", "Sign in again: your session expired");
    if (token.empty() || token.size() > 256) return expired;
    const TimestampMs t = now();
    std::lock_guard lock(db_mutex_);
    auto stored = sessions_->find(hash_token(token));
    if (!stored) return stored.error().code == "not_found" ? expired : stored.error();
    if (stored->revoked || stored->expires_at <= t) return expired;
    return Session{stored->user_id, stored->session_id, stored->expires_at};
}

void AuthService::count_failure(const std::string& key, int threshold, TimestampMs t) {
    Failures& f = failures_[key];
    if (f.last_failure && t - f.last_failure > options_.max_backoff_ms) f = Failures{};
    f.last_failure = t;
    ++f.count;
    if (f.count >= threshold) {
        const int doublings = std::min(f.count - threshold, 20);
        f.blocked_until = t + std::min<TimestampMs>(1000LL << doublings, options_.max_backoff_ms);
    }
}

Result<SignIn> AuthService::login(const std::string& username, const std::string& password,
                                  const std::string& address) {
    const std::string key = failure_key(username, address);
    const std::string address_key = address_failure_key(address);
    const TimestampMs t = now();
    {
        std::lock_guard lock(failures_mutex_);
        for (const auto* k : {&key, &address_key}) {
            auto it = failures_.find(*k);
            if (it == failures_.end() || it->second.blocked_until <= t) continue;
            const auto seconds = (it->second.blocked_until - t + 999) / 1000;
            std::string message = "Too many failed sign-ins ";
            message += k == &key ? "for this username" : "from your address";
            message += "; wait ";
            message += std::to_string(seconds);
            message += " s and try again.";
            return make_error("rate_limited", message);
        }
    }

    std::string user_id, hash, stored_username;
    {
        std::lock_guard lock(db_mutex_);
        auto found = credentials_->find_by_username(username);
        if (!found) return found.error();
        if (*found) {
            user_id = (*found)->user_id;
            hash = (*found)->pwhash;
            stored_username = (*found)->username;
        }
    }

    // An unknown username costs the same hash verification as a known one. Hashes run at
    // most max_concurrent_hashes at a time: each holds tens of MiB for tens of ms.
    {
        std::unique_lock lock(hash_mutex_);
        const int limit = std::max(1, options_.max_concurrent_hashes);
        if (!hash_turn_.wait_for(lock, std::chrono::milliseconds(options_.hash_wait_ms),
                                 [&] { return hashes_running_ < limit; }))
            return busy();
        ++hashes_running_;
    }
    const bool ok = verify_password(user_id.empty() ? dummy_hash_ : hash, password) && !user_id.empty();
    {
        std::lock_guard lock(hash_mutex_);
        --hashes_running_;
    }
    hash_turn_.notify_one();
    if (!ok) {
        std::lock_guard lock(failures_mutex_);
        if (failures_.size() > 10000) {  // bound memory under a spray of usernames
            for (auto it = failures_.begin(); it != failures_.end();)
                it = it->second.blocked_until <= t ? failures_.erase(it) : std::next(it);
        }
        count_failure(key, options_.failures_before_backoff, t);
        count_failure(address_key, options_.address_failures_before_backoff, t);
        return wrong_credentials();
    }
    {
        std::lock_guard lock(failures_mutex_);
        failures_.erase(key);
    }

    if (password_needs_rehash(hash, options_.password_cost)) {
        if (auto fresh = hash_password(password, options_.password_cost)) {
            std::lock_guard lock(db_mutex_);
            (void)credentials_->update_hash(user_id, *fresh, t);  // best effort: the old hash still works
        }
    }

    auto token = make_session_token();
    if (!token) return token.error();
    StoredSession stored;
    stored.user_id = user_id;
    stored.session_id = hash_token(*token);
    stored.created_at = t;
    stored.expires_at = t + options_.session_lifetime_ms;
    std::lock_guard lock(db_mutex_);
    (void)sessions_->purge_expired(t);  // housekeeping at sign-in: the table stays small
    if (auto s = sessions_->insert(stored); !s) return s.error();
    SignIn out;
    out.token = std::move(*token);
    out.session = Session{stored.user_id, stored.session_id, stored.expires_at};
    out.username = stored_username;
    return out;
}

int AuthService::retry_after_seconds(const std::string& username, const std::string& address, const Error& error) {
    if (error.code != "rate_limited") return 1;
    const TimestampMs t = now();
    std::lock_guard lock(failures_mutex_);
    // The same key login() reported: the username's first, as there.
    for (const std::string& k : {failure_key(username, address), address_failure_key(address)}) {
        auto it = failures_.find(k);
        if (it != failures_.end() && it->second.blocked_until > t)
            return static_cast<int>((it->second.blocked_until - t + 999) / 1000);
    }
    return 1;
}

Status AuthService::logout(const std::string& token) {
    if (auto s = authenticate_token(token); !s) return s.error();
    std::lock_guard lock(db_mutex_);
    auto revoked = sessions_->revoke(hash_token(token));
    if (!revoked) return revoked.error();
    if (!*revoked) return make_error("unauthorized", "Sign in again: your session expired");
    return {};
}

Status AuthService::revoke_sessions_of(const std::string& user_id) {
    std::lock_guard lock(db_mutex_);
    return sessions_->revoke_all(user_id);
}

Status AuthService::ensure_user(const std::string& user_id, const std::string& username, const std::string& password) {
    if (user_id.empty() || username.empty())
        return make_error("invalid", "A user needs an id and a username.", user_id.empty() ? "user_id" : "username");
    {
        std::lock_guard lock(db_mutex_);
        auto by_name = credentials_->find_by_username(username);
        if (!by_name) return by_name.error();
        if (*by_name && (*by_name)->user_id != user_id)
            return make_error("conflict", "The username '" + username + "' is already taken by another user.",
                              "username");
        if (*by_name) return {};  // already has credentials: keep them (the password may have been changed)
        auto by_id = credentials_->find_by_user_id(user_id);
        if (!by_id) return by_id.error();
        if (*by_id) return {};    // signs in under another name already: keep it
    }
    auto hash = hash_password(password, options_.password_cost);
    if (!hash) return hash.error();
    std::lock_guard lock(db_mutex_);
    return credentials_->insert(Credential{user_id, username, *hash, now()});
}

Status AuthService::set_password(const std::string& user_id, const std::string& password) {
    auto hash = hash_password(password, options_.password_cost);
    if (!hash) return hash.error();
    std::lock_guard lock(db_mutex_);
    auto updated = credentials_->update_hash(user_id, *hash, now());
    if (!updated) return updated.error();
    if (!*updated) return make_error("not_found", "User " + user_id + " has no sign-in; create it first.");
    return sessions_->revoke_all(user_id);
}

Result<std::string> AuthService::user_id_for_username(const std::string& username) {
    std::lock_guard lock(db_mutex_);
    auto found = credentials_->find_by_username(username);
    if (!found) return found.error();
    if (*found) return (*found)->user_id;
    return make_error("not_found", "No user signs in as '" + username + "'.");
}

Result<std::string> AuthService::username_for_user_id(const std::string& user_id) {
    std::lock_guard lock(db_mutex_);
    auto found = credentials_->find_by_user_id(user_id);
    if (!found) return found.error();
    if (*found) return (*found)->username;
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
