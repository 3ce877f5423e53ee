// SyncStore: where the server's sync state is kept durably — current records with their
// field writers, tombstones, the mutation log, clients and their last client_seq, and the
// change log pull pages through. An interface, so the sync service does not know the
// database behind it (storage/sqlite/ is the one we have). Not thread-safe: SyncService
// serialises writers.
#pragma once
#include <vector>

#include "core/base/result.hpp"
#include "core/sync/sync_server.hpp"

namespace casehub::server {

class SyncStore {
public:
    virtual ~SyncStore() = default;

    // Replaces `state` with everything stored. Error "storage" naming what is unreadable.
    virtual Status load(SyncServerState& state) = 0;

    // Writes what one push recorded (mutations, changes, the records they touched as they
    // are now in `state`, the client's last_seq, the global seq) atomically: all of it is
    // durable when this returns ok, none of it otherwise. Error "storage".
    virtual Status save_push(const PushOutcome& outcome, const SyncServerState& state) = 0;

    // Writes seeded records (SyncServerState::seed) atomically. Error "storage".
    virtual Status save_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state) = 0;

    // True when no record and no mutation was ever stored (a new data directory).
    virtual Result<bool> is_empty() = 0;
};

}  // namespace casehub::server
