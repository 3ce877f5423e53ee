// Argument checks shared by the domain mutations (case.*, activity.*): unknown argument
// names are refused (a typo must not be silently ignored) and required ones named in
// the error. Header-only, pure.
#pragma once
#include <initializer_list>
#include <string>

#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub {

inline Status check_argument_names(const std::string& mutation, const Json& args,
                                   std::initializer_list<const char*> allowed) {
    if (!args.is_object()) return make_error("wrong_type", mutation + " needs its arguments as a JSON object.");
    for (auto it = args.begin(); it != args.end(); ++it) {
        bool known = false;
        for (const char* a : allowed) known = known || it.key() == a;
        if (!known) return make_error("unknown_field", mutation + " has no argument \"" + it.key() + "\".", it.key());
    }
    return {};
}

// A non-empty string argument.
inline Result<std::string> required_string(const std::string& mutation, const Json& args, const char* name) {
    auto it = args.find(name);
    if (it == args.end() || !it->is_string() || it->get<std::string>().empty())
        return make_error("missing_field", mutation + " needs \"" + name + "\" (a non-empty string).", name);
    return it->get<std::string>();
}

// An optional integer argument: `fallback` when absent or null; an error when not an integer.
inline Result<int> optional_int(const std::string& mutation, const Json& args, const char* name, int fallback) {
    auto it = args.find(name);
    if (it == args.end() || it->is_null()) return fallback;
    if (!it->is_number_integer())
        return make_error("wrong_type", mutation + ": \"" + name + "\" must be a whole number.", name);
    return it->get<int>();
}

// An optional string argument ("" when absent).
inline std::string optional_string(const Json& args, const char* name) {
    auto it = args.find(name);
    return it != args.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace casehub
