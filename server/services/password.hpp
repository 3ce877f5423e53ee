// Password hashing with libsodium's crypto_pwhash_str (argon2id, salted, self-describing
// "$argon2id$..." strings). Plain passwords are never stored or logged; verification is
// constant-time inside libsodium.
#pragma once
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace casehub::server {

enum class PasswordCost {
    Minimum,      // OPSLIMIT_MIN / MEMLIMIT_MIN: tests only, to stay fast
    Interactive,  // OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (64 MiB): the default
    Moderate,     // OPSLIMIT_MODERATE / MEMLIMIT_MODERATE (256 MiB): production servers
};

// Initialises libsodium once (thread-safe). False only when the library cannot start.
bool ensure_sodium();

// The argon2id hash string of `password`. Error "invalid" for an empty password,
// "internal" when the machine runs out of memory for the hash.
Result<std::string> hash_password(std::string_view password, PasswordCost cost);

// True when `password` matches `hash` (a crypto_pwhash_str string).
bool verify_password(const std::string& hash, std::string_view password);

// True when `hash` was made with other limits than `cost` (rehash on next sign-in).
bool password_needs_rehash(const std::string& hash, PasswordCost cost);

}  // namespace casehub::server
