// JSON limits: parse text only after a linear, non-recursive scan has shown that its
// nesting depth and value count are within bounds. nlohmann's parser, serializer and
// destructor recurse once per nesting level, so text nested tens of thousands of levels
// deep would overflow the stack; everything that parses JSON from outside (request
// bodies, stored rows) goes through here. Pure: no I/O.
#pragma once
#include <cstddef>
#include <string_view>

#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub {

struct JsonLimits {
    std::size_t max_depth = 64;           // arrays/objects inside each other
    std::size_t max_values = 1'000'000;   // containers + members/elements, counted by their separators
};

// Ok when `text` stays within `limits`. Error "json_too_deep" (naming the depth reached
// and the limit) or "json_too_large" (too many values). Malformed text is not judged
// here (the parser reports it), but a scan never reads past the end of `text`.
Status check_json_limits(std::string_view text, const JsonLimits& limits);

// check_json_limits, then nlohmann's parse without exceptions. Errors as
// check_json_limits, and "malformed_json" when the text is not JSON.
Result<Json> parse_json_within(std::string_view text, const JsonLimits& limits);

}  // namespace casehub
