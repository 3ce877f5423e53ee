// Emscripten implementation of platform/random.hpp over crypto.getRandomValues
// (at most 65536 bytes per call, so larger requests are chunked).
#include "wasm/platform/random.hpp"

#include <cstdint>
#include <cstring>

#include <emscripten/emscripten.h>

#include "core/base/uuid.hpp"

EM_JS(void, casehub_js_random_bytes, (void* out, int size), {
    for (var off = 0; off < size; off += 65536) {
        var n = Math.min(65536, size - off);
        crypto.getRandomValues(HEAPU8.subarray(out + off, out + off + n));
    }
});

namespace casehub::platform {

void random_bytes(void* out, std::size_t size) { casehub_js_random_bytes(out, static_cast<int>(size)); }

std::string random_uuid() {
    std::uint64_t bits[2] = {0, 0};
    random_bytes(bits, sizeof bits);
    return make_uuid_v4(bits[0], bits[1]);
}

}  // namespace casehub::platform
