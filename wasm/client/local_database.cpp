// LocalDatabase over platform/idb_storage: JSON files, parsed without throwing.
#include "wasm/client/local_database.hpp"

#include <cstdio>

#include "wasm/platform/idb_storage.hpp"

namespace casehub::client {
namespace {

constexpr const char* kSessionFile = "session.json";

std::string replica_file(const std::string& user_id) { return "replica-" + user_id + ".json"; }

}  // namespace

std::optional<ClientSession> load_session() {
    auto text = platform::read_local_file(kSessionFile);
    if (!text) return std::nullopt;
    const Json j = Json::parse(*text, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    auto s = session_from_json(j);
    if (!s) return std::nullopt;
    return std::move(*s);
}

bool save_session(const ClientSession& session) {
    return platform::write_local_file(kSessionFile, session_to_json(session).dump());
}

void forget_session() { platform::remove_local_file(kSessionFile); }

Result<Replica> load_file_replica(const ApplyEnv& env, const std::string& user_id) {
    const std::string name = replica_file(user_id);
    auto text = platform::read_local_file(name);
    if (!text) return make_error("not_found", "No local data for this user on this browser yet.");
    const Json j = Json::parse(*text, nullptr, false);
    Result<Replica> replica = j.is_discarded()
                                  ? Result<Replica>(make_error("corrupt", "The local data is not valid JSON."))
                                  : replica_from_json(env, j);
    if (!replica) {
        const std::string aside = "replica-" + user_id + ".corrupt.json";
        (void)platform::write_local_file(aside, *text);
        platform::remove_local_file(name);
        return make_error("corrupt", "The local data on this browser could not be read (" + replica.error().message +
                                         "); it was set aside and will be downloaded again.");
    }
    return replica;
}

void remove_file_replica(const std::string& user_id) { platform::remove_local_file(replica_file(user_id)); }

}  // namespace casehub::client
