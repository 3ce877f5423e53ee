// Token making and hashing with libsodium.
#include "server/services/session_token.hpp"

#include <sodium.h>

#include "server/services/password.hpp"

namespace casehub::server {

Result<std::string> make_session_token() {
    if (!ensure_sodium()) return make_error("internal", "The cryptography library could not start.");
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[64];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(bytes, sizeof bytes);
    return std::string(text);
}

std::string hash_token(const std::string& token) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace casehub::server
