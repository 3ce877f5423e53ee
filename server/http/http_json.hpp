// JSON answers and errors shared by every route: one error shape for the whole API,
// {"error": {"code": "...", "message": "...", "field": "..."}}, so clients show the
// message as is.
#pragma once
#include <string>

#include <httplib.h>

#include "core/base/json_limits.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub::server {

void send_json(httplib::Response& res, int status, const Json& body);
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                const std::string& field = {});
void send_error(httplib::Response& res, int status, const Error& error);

// Parses a request body as a JSON object within `limits` (depth and value count checked by
// a linear scan before parsing: core/base/json_limits.hpp). Malformed JSON, a non-object,
// an empty body, "json_too_deep" or "json_too_large" is an Error whose message says which.
Result<Json> parse_json_body(const httplib::Request& req, const JsonLimits& limits = {});

// The status for an Error of parse_json_body: 413 for json_too_large, else 400.
int status_for_body_error(const Error& error);

// Largest request body accepted by default (bytes; --max-body-kib); larger bodies get 413
// before any parsing, chunked or not (connection_guard.hpp).
constexpr std::size_t max_request_body = 8 * 1024 * 1024;

}  // namespace casehub::server
