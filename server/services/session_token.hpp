// Bearer tokens: 32 random bytes (libsodium randombytes_buf) sent to the client as
// base64url, kept on the server only as their hex SHA-256 (the session id), so a stolen
// database copy gives no usable token.
#pragma once
#include <string>

#include "core/base/result.hpp"

namespace casehub::server {

// A new random token. Error "internal" when the cryptography library cannot start.
Result<std::string> make_session_token();

// Hex SHA-256 of a token: the session id and the storage key.
std::string hash_token(const std::string& token);

}  // namespace casehub::server
