// SyncService: the server's sync in one object — the authoritative SyncServerState in
// memory, its durable SyncStore, the mutation handlers and the security policy, behind a
// lock: pushes are serialised (one writer, one transaction per batch, fsync before the
// answer), pulls and snapshots read concurrently. Routes call it (sync_routes.hpp).
#pragma once
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/security/security.hpp"
#include "core/security/sync_policy.hpp"
#include "core/sync/sync_server.hpp"
#include "server/storage/sync_store.hpp"

namespace casehub::server {

class SyncService {
public:
    // Loads the stored state from `store`. `clock` gives server time for stamps (empty =
    // system clock). Error "storage" when what is stored is unreadable.
    static Result<std::unique_ptr<SyncService>> open(std::unique_ptr<SyncStore> store, MutationRegistry registry,
                                                     std::unique_ptr<Policy> policy,
                                                     std::function<TimestampMs()> clock = {});

    // On a new database, stores `demo` (each record its own seq). Ok and no-op otherwise.
    Status seed_if_empty(const Store& demo);

    // Applies and persists a push as `user`. Errors: those of SyncServerState::push, and
    // "unavailable" when the database could not commit (state is reloaded; retry later).
    Result<std::vector<MutationResult>> push(const UserContext& user, const std::string& client_id,
                                             const std::vector<Mutation>& mutations);
    PullPage pull(const UserContext& user, std::int64_t cursor, std::size_t limit) const;
    Snapshot snapshot(const UserContext& user) const;

    // The user's security context from the current store (user_context_for).
    Result<UserContext> user_context(const std::string& user_id) const;

    // Runs `read` on the current store under the read lock (other routes: OData, search).
    void read(const std::function<void(const Store&)>& visit) const;

    // For tests and benchmarks: the mutation count and global seq now.
    std::int64_t seq() const;

private:
    SyncService(std::unique_ptr<SyncStore> storage, MutationRegistry registry, std::unique_ptr<Policy> policy,
                std::function<TimestampMs()> clock);

    mutable std::shared_mutex mutex_;
    std::unique_ptr<SyncStore> storage_;
    SyncServerState state_;
    MutationRegistry registry_;
    std::unique_ptr<Policy> policy_;
    std::function<TimestampMs()> clock_;
};

}  // namespace casehub::server
