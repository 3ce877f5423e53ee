// Fuzz target: the JSON limits (core/base/json_limits). Any bytes: the scan never reads
// past the end; what it lets through under small limits really is at most that deep when
// parsed; and within the limits it agrees with nlohmann's own verdict on validity.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/json_limits.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace casehub;

namespace {

// Nesting depth of containers (a scalar is 0, [] is 1), without recursion.
std::size_t depth_of(const Json& root) {
    std::size_t deepest = 0;
    std::vector<std::pair<const Json*, std::size_t>> todo{{&root, 0}};
    while (!todo.empty()) {
        auto [j, d] = todo.back();
        todo.pop_back();
        if (!j->is_structured()) continue;
        deepest = std::max(deepest, d + 1);
        for (const Json& child : *j) todo.emplace_back(&child, d + 1);
    }
    return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const JsonLimits tiny{4, 64};
    if (auto small = parse_json_within(text, tiny)) {
        FUZZ_CHECK(depth_of(*small) <= tiny.max_depth, "text within the depth limit parses no deeper than it");
    }
    auto within = parse_json_within(text, JsonLimits{});
    if (!check_json_limits(text, JsonLimits{})) {
        FUZZ_CHECK(!within, "text over the limits is never parsed");
        return 0;
    }
    const bool valid = Json::accept(text.begin(), text.end());
    FUZZ_CHECK(valid == within.ok(), "within the limits, parse_json_within accepts exactly the valid JSON");
    if (!within) FUZZ_CHECK(within.error().code == "malformed_json", "invalid JSON is named malformed_json");
    return 0;
}
