// JSON limits: depth and value count are checked by a linear scan before nlohmann parses
// (and later serialises and destroys) anything, so no text can recurse the stack away.
#include <catch2/catch.hpp>

#include <string>

#include "core/base/json_limits.hpp"

using namespace casehub;

namespace {
std::string nested(std::size_t levels, const std::string& inner = "1") {
    return std::string(levels, '[') + inner + std::string(levels, ']');
}
}  // namespace

TEST_CASE("JSON nested deeper than the limit is refused before parsing", "[json_limits]") {
    const JsonLimits limits{64, 1'000'000};
    CHECK(parse_json_within(nested(64), limits).ok());
    auto deep = parse_json_within(nested(65), limits);
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().code == "json_too_deep");
    CHECK(deep.error().message.find("64 levels") != std::string::npos);
    SECTION("even 100,000 levels: refused, not a stack overflow") {
        auto huge = parse_json_within(nested(100'000), limits);
        REQUIRE_FALSE(huge.ok());
        CHECK(huge.error().code == "json_too_deep");
    }
    SECTION("objects count as levels too") {
        std::string text;
        for (int i = 0; i < 70; ++i) text += "{\"a\":";
        text += "1" + std::string(70, '}');
        CHECK(parse_json_within(text, limits).error().code == "json_too_deep");
    }
}

TEST_CASE("brackets inside strings are text, not nesting", "[json_limits]") {
    const JsonLimits limits{2, 1'000'000};
    auto ok = parse_json_within(R"({"note": "[[[[[{{{{ \" [[[[ \\"})", limits);
    REQUIRE(ok.ok());
    CHECK((*ok)["note"] == "[[[[[{{{{ \" [[[[ \\");
    CHECK(parse_json_within(R"({"a": {"b": {"c": 1}}})", limits).error().code == "json_too_deep");
}

TEST_CASE("JSON with more values than the limit is refused", "[json_limits]") {
    const JsonLimits limits{64, 100};
    std::string many = "[";
    for (int i = 0; i < 200; ++i) many += (i ? ",1" : "1");
    many += "]";
    auto r = parse_json_within(many, limits);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "json_too_large");
    CHECK(parse_json_within("[1,2,3]", limits).ok());
}

TEST_CASE("malformed JSON within the limits is reported as malformed", "[json_limits]") {
    auto r = parse_json_within("{\"a\": [1, 2", JsonLimits{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "malformed_json");
    CHECK_FALSE(parse_json_within("", JsonLimits{}).ok());
}
