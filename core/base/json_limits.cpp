// The scan tracks only whether it is inside a string (and after a backslash there), the
// current depth and a count of containers and separators: O(n), constant memory.
#include "core/base/json_limits.hpp"

#include <string>

namespace casehub {

Status check_json_limits(std::string_view text, const JsonLimits& limits) {
    std::size_t depth = 0;
    std::size_t values = text.empty() ? 0 : 1;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
            case '"': in_string = true; break;
            case '[':
            case '{':
                if (++depth > limits.max_depth)
                    return make_error("json_too_deep", "The JSON is nested more than " + std::to_string(limits.max_depth) +
                                                           " levels deep; send flatter data. Nothing was changed.");
                ++values;
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            case ',': ++values; break;
            default: break;
        }
        if (values > limits.max_values)
            return make_error("json_too_large", "The JSON has more than " + std::to_string(limits.max_values) +
                                                    " values; send it in smaller parts. Nothing was changed.");
    }
    return {};
}

Result<Json> parse_json_within(std::string_view text, const JsonLimits& limits) {
    if (auto s = check_json_limits(text, limits); !s) return s.error();
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return make_error("malformed_json", "The text is not valid JSON.");
    return j;
}

}  // namespace casehub
