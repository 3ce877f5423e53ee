// JSON helpers for routes.
#include "server/http/http_json.hpp"

namespace casehub::server {

void send_json(httplib::Response& res, int status, const Json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message,
                const std::string& field) {
    Json e{{"code", code}, {"message", message}};
    if (!field.empty()) e["field"] = field;
    send_json(res, status, Json{{"error", e}});
}

void send_error(httplib::Response& res, int status, const Error& error) {
    send_error(res, status, error.code, error.message, error.field);
}

Result<Json> parse_json_body(const httplib::Request& req, const JsonLimits& limits) {
    if (req.body.empty()) return make_error("empty_body", "The request has no body; send a JSON object.");
    auto j = parse_json_within(req.body, limits);
    if (!j) {
        if (j.error().code == "malformed_json")
            return make_error("malformed_json", "The request body is not valid JSON; nothing was changed.");
        return j.error();
    }
    if (!j->is_object()) return make_error("wrong_type", "The request body must be a JSON object.");
    return j;
}

int status_for_body_error(const Error& error) { return error.code == "json_too_large" ? 413 : 400; }

}  // namespace casehub::server
