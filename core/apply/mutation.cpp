// JSON wire shapes of Mutation and MutationResult, parsed without exceptions so bad
// input from the network becomes an Error a person can read.
#include "core/apply/mutation.hpp"

#include "core/base/uuid.hpp"

namespace casehub {

const char* to_string(MutationStatus status) {
    return status == MutationStatus::accepted ? "accepted" : "rejected";
}

void to_json(Json& j, const Mutation& m) {
    j = Json{{"id", m.id},     {"client_id", m.client_id}, {"client_seq", m.client_seq},
             {"name", m.name}, {"args", m.args},           {"client_time", m.client_time}};
}

Result<Mutation> mutation_from_json(const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "A mutation must be a JSON object.");
    Mutation m;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        if (key == "id") {
            if (!v.is_string() || !is_uuid(v.get<std::string>()))
                return make_error("wrong_type", "A mutation's \"id\" must be a UUID string.", "id");
            m.id = v.get<std::string>();
        } else if (key == "client_id") {
            if (!v.is_string()) return make_error("wrong_type", "\"client_id\" must be a string.", "client_id");
            m.client_id = v.get<std::string>();
        } else if (key == "client_seq") {
            if (!v.is_number_integer() || v.get<std::int64_t>() < 1)
                return make_error("wrong_type", "\"client_seq\" must be an integer of at least 1.", "client_seq");
            m.client_seq = v.get<std::int64_t>();
        } else if (key == "name") {
            if (!v.is_string() || v.get<std::string>().empty())
                return make_error("wrong_type", "A mutation's \"name\" must be a non-empty string.", "name");
            m.name = v.get<std::string>();
        } else if (key == "args") {
            if (!v.is_object()) return make_error("wrong_type", "A mutation's \"args\" must be a JSON object.", "args");
            m.args = v;
        } else if (key == "client_time") {
            if (!v.is_number_integer())
                return make_error("wrong_type", "\"client_time\" must be milliseconds since 1970 (an integer).",
                                  "client_time");
            m.client_time = v.get<std::int64_t>();
        } else {
            return make_error("unknown_field", "A mutation has no field \"" + key + "\".", key);
        }
    }
    if (m.id.empty()) return make_error("missing_field", "A mutation needs an \"id\" (a UUID).", "id");
    if (m.name.empty()) return make_error("missing_field", "A mutation needs a \"name\".", "name");
    if (m.client_seq == 0) return make_error("missing_field", "A mutation needs a \"client_seq\".", "client_seq");
    return m;
}

Json error_to_json(const Error& e) {
    Json j{{"code", e.code}, {"message", e.message}};
    if (!e.field.empty()) j["field"] = e.field;
    return j;
}

Error error_from_json(const Json& j) {
    Error e;
    if (!j.is_object()) return e;
    if (auto it = j.find("code"); it != j.end() && it->is_string()) e.code = it->get<std::string>();
    if (auto it = j.find("message"); it != j.end() && it->is_string()) e.message = it->get<std::string>();
    if (auto it = j.find("field"); it != j.end() && it->is_string()) e.field = it->get<std::string>();
    return e;
}

void to_json(Json& j, const MutationResult& r) {
    j = Json{{"mutation_id", r.mutation_id}, {"status", to_string(r.status)}};
    if (r.status == MutationStatus::accepted)
        j["seq"] = r.seq;
    else
        j["error"] = error_to_json(r.error);
}

Result<MutationResult> mutation_result_from_json(const Json& j) {
    if (!j.is_object()) return make_error("wrong_type", "A mutation result must be a JSON object.");
    MutationResult r;
    auto id = j.find("mutation_id");
    auto status = j.find("status");
    if (id == j.end() || !id->is_string()) return make_error("wrong_type", "\"mutation_id\" must be a string.");
    if (status == j.end() || !status->is_string())
        return make_error("wrong_type", "\"status\" must be \"accepted\" or \"rejected\".");
    r.mutation_id = id->get<std::string>();
    const auto s = status->get<std::string>();
    if (s == "accepted") {
        r.status = MutationStatus::accepted;
        auto seq = j.find("seq");
        if (seq == j.end() || !seq->is_number_integer())
            return make_error("wrong_type", "An accepted result needs an integer \"seq\".");
        r.seq = seq->get<std::int64_t>();
    } else if (s == "rejected") {
        r.status = MutationStatus::rejected;
        if (auto e = j.find("error"); e != j.end()) r.error = error_from_json(*e);
    } else {
        return make_error("wrong_type", "\"status\" must be \"accepted\" or \"rejected\", not \"" + s + "\".");
    }
    return r;
}

}  // namespace casehub
