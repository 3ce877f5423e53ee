// Sync routes: parse strictly, authenticate, call SyncService, answer JSON.
#include "server/http/sync_routes.hpp"

#include <charconv>

#include "server/http/http_json.hpp"

namespace casehub::server {
namespace {

int status_for_sync_error(const Error& e) {
    if (e.code == "unavailable") return 503;
    if (e.code == "client_in_use" || e.code == "client_seq_gap") return 409;
    if (e.code == "bad_request") return 400;
    return http_status_for(e);
}

// A non-negative integer query parameter; `fallback` when absent.
Result<std::int64_t> integer_param(const httplib::Request& req, const char* name, bool required, std::int64_t fallback) {
    if (!req.has_param(name)) {
        if (required)
            return make_error("missing_field", std::string("Add ?") + name + "=N (0 to start from the beginning).", name);
        return fallback;
    }
    const std::string text = req.get_param_value(name);
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0)
        return make_error("wrong_type", std::string("\"") + name + "\" must be a non-negative integer, not \"" + text + "\".",
                          name);
    return v;
}

Status only_params(const httplib::Request& req, std::initializer_list<const char*> allowed) {
    for (const auto& [key, value] : req.params) {
        bool known = false;
        for (const char* a : allowed) known = known || key == a;
        if (!known) return make_error("unknown_field", "Unknown query parameter \"" + key + "\".", key);
    }
    return {};
}

}  // namespace

UserDirectory sync_user_directory(SyncService& sync) {
    return UserDirectory{[&sync](const std::string& user_id) { return sync.user_context(user_id); }};
}

void install_sync_routes(httplib::Server& server, SyncService& sync, AuthService& auth, UserDirectory users,
                         JsonLimits json, RateLimiter* push_limiter) {
    server.Post("/api/sync/push", [&sync, &auth, users, json, push_limiter](const httplib::Request& req,
                                                                             httplib::Response& res) {
        auto who = require_user(req, res, auth, users);
        if (!who) return;
        if (const int wait = push_limiter ? push_limiter->take(who->user.user_id) : 0) {
            res.set_header("Retry-After", std::to_string(wait));
            return send_error(res, 429, "rate_limited",
                              "Too many pushes from your account; wait " + std::to_string(wait) +
                                  " s and try again. Nothing was applied.");
        }
        if (req.body.size() > max_request_body) {
            send_error(res, 413, "body_too_large", "The push is too large; send fewer mutations at a time.");
            return;
        }
        auto body = parse_json_body(req, json);
        if (!body) return send_error(res, status_for_body_error(body.error()), body.error());
        std::string client_id;
        const Json* list = nullptr;
        for (auto it = body->begin(); it != body->end(); ++it) {
            if (it.key() == "client_id") {
                if (!it->is_string() || it->get<std::string>().empty() || it->get<std::string>().size() > 200)
                    return send_error(res, 400, "wrong_type", "\"client_id\" must be a non-empty string (at most 200 characters).",
                                      "client_id");
                client_id = it->get<std::string>();
            } else if (it.key() == "mutations") {
                if (!it->is_array())
                    return send_error(res, 400, "wrong_type", "\"mutations\" must be an array.", "mutations");
                list = &*it;
            } else {
                return send_error(res, 400, "unknown_field", "A push has no field \"" + it.key() + "\".", it.key());
            }
        }
        if (client_id.empty()) return send_error(res, 400, "missing_field", "A push needs \"client_id\".", "client_id");
        if (!list) return send_error(res, 400, "missing_field", "A push needs \"mutations\" (an array).", "mutations");
        if (list->size() > max_push_mutations)
            return send_error(res, 413, "too_many_mutations",
                              "Send at most " + std::to_string(max_push_mutations) + " mutations per push.", "mutations");
        std::vector<Mutation> mutations;
        mutations.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto m = mutation_from_json((*list)[i]);
            if (!m) {
                Error e = m.error();
                e.message = "Mutation " + std::to_string(i) + ": " + e.message + " Nothing was applied.";
                return send_error(res, 400, e);
            }
            if (const std::size_t size = m->args.dump().size(); size > max_mutation_args_bytes)
                return send_error(res, 413, "arguments_too_large",
                                  "Mutation " + std::to_string(i) + " (" + m->name + ") has " + std::to_string(size) +
                                      " bytes of arguments; at most " + std::to_string(max_mutation_args_bytes) +
                                      " are taken. Nothing was applied.",
                                  "mutations");
            if (!m->client_id.empty() && m->client_id != client_id)
                return send_error(res, 400, "wrong_client",
                                  "Mutation " + std::to_string(i) + " belongs to client \"" + m->client_id +
                                      "\", not \"" + client_id + "\". Nothing was applied.",
                                  "client_id");
            mutations.push_back(std::move(*m));
        }
        auto results = sync.push(who->user, client_id, mutations);
        if (!results) {
            if (results.error().code == "unavailable") res.set_header("Retry-After", "2");
            return send_error(res, status_for_sync_error(results.error()), results.error());
        }
        Json out{{"results", Json::array()}};
        for (const auto& r : *results) out["results"].push_back(r);
        send_json(res, 200, out);
    });

    server.Get("/api/sync/pull", [&sync, &auth, users](const httplib::Request& req, httplib::Response& res) {
        auto who = require_user(req, res, auth, users);
        if (!who) return;
        if (auto s = only_params(req, {"cursor", "limit"}); !s) return send_error(res, 400, s.error());
        auto cursor = integer_param(req, "cursor", true, 0);
        if (!cursor) return send_error(res, 400, cursor.error());
        auto limit = integer_param(req, "limit", false, static_cast<std::int64_t>(default_pull_limit));
        if (!limit) return send_error(res, 400, limit.error());
        if (*limit < 1 || static_cast<std::size_t>(*limit) > max_pull_limit)
            return send_error(res, 400, "out_of_range",
                              "\"limit\" must be between 1 and " + std::to_string(max_pull_limit) + ".", "limit");
        send_json(res, 200, Json(sync.pull(who->user, *cursor, static_cast<std::size_t>(*limit))));
    });

    server.Get("/api/sync/snapshot", [&sync, &auth, users](const httplib::Request& req, httplib::Response& res) {
        auto who = require_user(req, res, auth, users);
        if (!who) return;
        if (auto s = only_params(req, {}); !s) return send_error(res, 400, s.error());
        send_json(res, 200, Json(sync.snapshot(who->user)));
    });
}

}  // namespace casehub::server
