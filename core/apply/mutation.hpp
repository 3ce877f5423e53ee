// Mutation: one named change with JSON arguments and a client-made UUID, the unit of
// sync (pushed, applied once by the server, answered with a MutationResult). Their JSON
// wire shapes live here. Pure: the id, the client time and the client_seq come from the caller.
#pragma once
#include <cstdint>
#include <string>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub {

struct Mutation {
    std::string id;         // UUID made by the client; the server applies each id at most once
    std::string client_id;  // the replica that made it
    std::int64_t client_seq = 0;  // 1, 2, 3 ... per client, gap-free, in the order made
    std::string name;       // "record.create", "record.update", "record.delete", "conflict.restore", ...
    Json args = Json::object();
    TimestampMs client_time = 0;  // when the agent made it (display only; never orders anything)
    bool operator==(const Mutation&) const = default;
};

enum class MutationStatus {
    accepted,  // applied; `seq` is its place in the server's order
    rejected,  // not applied; `error` says why, and the agent is shown it
};

struct MutationResult {
    std::string mutation_id;
    MutationStatus status = MutationStatus::rejected;
    std::int64_t seq = 0;  // global sequence number when accepted, 0 when rejected
    Error error;           // code + message when rejected
    bool operator==(const MutationResult& o) const {
        return mutation_id == o.mutation_id && status == o.status && seq == o.seq &&
               error.code == o.error.code && error.message == o.error.message && error.field == o.error.field;
    }
};

const char* to_string(MutationStatus status);

// {"id","client_id","client_seq","name","args","client_time"}
void to_json(Json& j, const Mutation& m);
// Strict parse without throwing: every field must have its type, unknown fields are an
// error naming them, the id must be a UUID and the name non-empty.
Result<Mutation> mutation_from_json(const Json& j);

// {"mutation_id","status":"accepted"|"rejected","seq"?, "error"?:{"code","message","field"?}}
void to_json(Json& j, const MutationResult& r);
Result<MutationResult> mutation_result_from_json(const Json& j);

// {"code","message","field"?}: the error shape shared with the HTTP API.
Json error_to_json(const Error& e);
Error error_from_json(const Json& j);

}  // namespace casehub
