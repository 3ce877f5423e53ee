// LocalDatabase: the small files the client keeps in the IndexedDB-backed folder of
// platform/idb_storage — the session (session.json) — and the replica file of the earlier
// storage (replica-<systemuser id>.json, one JSON document per user), read once to move it
// into the device store (platform/device_store, where replicas live now) and then removed.
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

// The user's replica file of the earlier storage. Error "not_found" when this browser has
// none for the user; "corrupt" when the file is unreadable (it is then moved aside as
// replica-<id>.corrupt.json, never overwritten, so nothing is destroyed).
Result<Replica> load_file_replica(const ApplyEnv& env, const std::string& user_id);
// Removes the file once the device store holds what it held.
void remove_file_replica(const std::string& user_id);

}  // namespace casehub::client
