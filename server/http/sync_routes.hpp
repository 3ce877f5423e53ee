// The sync HTTP API (all need a session: Authorization: Bearer <token>):
//   POST /api/sync/push      {client_id, mutations:[Mutation]}  -> {results:[MutationResult]}
//   GET  /api/sync/pull?cursor=N&limit=M                        -> {changes, cursor, has_more} | {resnapshot:true}
//   GET  /api/sync/snapshot                                     -> {records, cursor}
// Bad input gets a 4xx JSON error and changes nothing; a failed commit answers 503.
#pragma once
#include <httplib.h>

#include "server/services/auth_service.hpp"
#include "server/http/auth_routes.hpp"
#include "server/services/rate_limiter.hpp"
#include "server/services/sync_service.hpp"

namespace casehub::server {

// Largest push accepted, in mutations (bodies are also capped by max_request_body).
constexpr std::size_t max_push_mutations = 2000;
// Largest arguments of one mutation, as JSON text: a record with every field filled is a
// few KiB; a push with a larger one is refused whole (413) before anything is applied.
constexpr std::size_t max_mutation_args_bytes = 256 * 1024;
// Default and largest pull page, in changes.
constexpr std::size_t default_pull_limit = 500;
constexpr std::size_t max_pull_limit = 5000;

// A UserDirectory reading users from the sync service's authoritative store.
UserDirectory sync_user_directory(SyncService& sync);

// Push bodies are parsed under `json` (core/base/json_limits.hpp); with `push_limiter`,
// each user's pushes are rate limited (429 + Retry-After beyond).
void install_sync_routes(httplib::Server& server, SyncService& sync, AuthService& auth, UserDirectory users,
                         JsonLimits json = {}, RateLimiter* push_limiter = nullptr);
inline void install_sync_routes(httplib::Server& server, SyncService& sync, AuthService& auth) {
    install_sync_routes(server, sync, auth, sync_user_directory(sync));
}

}  // namespace casehub::server
