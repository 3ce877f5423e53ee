// Cryptographic randomness from the browser (crypto.getRandomValues): the 128 bits
// behind every record and mutation UUID the client makes, and its client id. The core
// never draws randomness itself (see core/uuid.hpp).
#pragma once
#include <cstddef>
#include <string>

namespace casehub::platform {

// Fills `out` with `size` random bytes from crypto.getRandomValues.
void random_bytes(void* out, std::size_t size);

// A fresh version-4 UUID ("8-4-4-4-12" lowercase hex).
std::string random_uuid();

}  // namespace casehub::platform
