// LocalDatabase: what the client keeps on this browser, as files in the IndexedDB-backed
// folder of platform/idb_storage — the session (session.json) and one replica per user
// (replica-<systemuser id>.json: confirmed records, outbox, rejections, cursor, client id),
// so a second user on the same browser never pushes through the first one's client id.
#pragma once
#include <optional>
#include <string>

#include "core/sync/replica.hpp"
#include "core/base/result.hpp"
#include "wasm/client/client_session.hpp"

namespace casehub::client {

// The saved session, or nullopt when there is none (or it is unreadable).
std::optional<ClientSession> load_session();
bool save_session(const ClientSession& session);
void forget_session();

// The user's saved replica. Error "not_found" when this browser has none for the user;
// "corrupt" when the file is unreadable (it is then moved aside as
// replica-<id>.corrupt.json, never overwritten, so nothing is destroyed).
Result<Replica> load_replica(const ApplyEnv& env, const std::string& user_id);
bool save_replica(const std::string& user_id, const Replica& replica);

}  // namespace casehub::client
