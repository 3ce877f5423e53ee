// JSON answers and errors shared by every route: one error shape for the whole API,
// {"error": {"code": "...", "message": "...", "field": "..."}}, so clients show the
// message as is.
#pragma once
#include <string>

#include <httplib.h>

#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub::server {

void send_json(httplib::Response& res, int status, const Json& body);
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                const std::string& field = {});
void send_error(httplib::Response& res, int status, const Error& error);

// Parses a request body as a JSON object. Malformed JSON, a non-object or an empty body
// is an Error whose message says which.
Result<Json> parse_json_body(const httplib::Request& req);

// Largest request body accepted (bytes); larger bodies get 413 before any parsing.
constexpr std::size_t max_request_body = 8 * 1024 * 1024;

}  // namespace casehub::server
