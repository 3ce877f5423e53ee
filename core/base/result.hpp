// Result<T>: a value or an Error a person can act on. Errors at the edges of the
// core are values, never exceptions: wasm builds disable exception catching and
// nothing may throw across the HTTP or JS boundary.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace casehub {

// A machine-readable code ("not_found", "invalid_type", "forbidden", ...) and a
// sentence for the person who caused it ("CAS-01042 is resolved; reactivate it
// before editing").
struct Error {
    std::string code;
    std::string message;
    std::string field;  // attribute the error is about, when there is one
};

inline Error make_error(std::string code, std::string message, std::string field = {}) {
    return Error{std::move(code), std::move(message), std::move(field)};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
    Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& operator*() { return std::get<0>(v_); }
    const T& operator*() const { return std::get<0>(v_); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : e_(std::move(error)) {}      // NOLINT: implicit by design

    bool ok() const { return !e_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *e_; }

private:
    std::optional<Error> e_;
};

using Status = Result<void>;

}  // namespace casehub
