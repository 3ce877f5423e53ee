// argon2id password hashes through libsodium's crypto_pwhash_str family.
#include "server/services/password.hpp"

#include <mutex>

#include <sodium.h>

namespace casehub::server {

namespace {

void limits_for(PasswordCost cost, unsigned long long& ops, std::size_t& mem) {
    switch (cost) {
        case PasswordCost::Minimum:
            ops = crypto_pwhash_OPSLIMIT_MIN;
            mem = crypto_pwhash_MEMLIMIT_MIN;
            return;
        case PasswordCost::Interactive:
            ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
            mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
            return;
        case PasswordCost::Moderate:
            ops = crypto_pwhash_OPSLIMIT_MODERATE;
            mem = crypto_pwhash_MEMLIMIT_MODERATE;
            return;
    }
}

}  // namespace

bool ensure_sodium() {
    static std::once_flag once;
    static bool ready = false;
    std::call_once(once, [] { ready = sodium_init() >= 0; });
    return ready;
}

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
    if (password.empty()) return make_error("invalid", "The password is empty; choose one.", "password");
    if (!ensure_sodium()) return make_error("internal", "The cryptography library could not start.");
    unsigned long long ops = 0;
    std::size_t mem = 0;
    limits_for(cost, ops, mem);
    char out[crypto_pwhash_STRBYTES];
    // crypto_pwhash_str uses argon2id (libsodium >= 1.0.15) with a random salt.
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("internal", "The server ran out of memory while hashing a password; try again.");
    return std::string(out);
}

bool verify_password(const std::string& hash, std::string_view password) {
    if (!ensure_sodium() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& hash, PasswordCost cost) {
    if (!ensure_sodium()) return false;
    unsigned long long ops = 0;
    std::size_t mem = 0;
    limits_for(cost, ops, mem);
    return crypto_pwhash_str_needs_rehash(hash.c_str(), ops, mem) != 0;
}

}  // namespace casehub::server
