// SyncServerState: the server's side of sync, pure — the authoritative store, the global
// sequence, each client's bound user and gap-free last client_seq, the mutation log
// (every result, to answer duplicates with the original), and the change log that pull
// pages through. Persistence (server/sync_storage) saves what push() reports changed.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/store/store.hpp"
#include "core/apply/sync_history.hpp"
#include "core/security/sync_policy.hpp"

namespace casehub {

// One record changed by the accepted mutation `seq`: its full state after, or a deletion.
struct ChangeEntry {
    std::int64_t seq = 0;
    std::string entity;
    std::string id;
    std::optional<Record> record;  // nullopt: deleted
    bool operator==(const ChangeEntry&) const = default;
};

// A mutation as the server recorded it, with its outcome (accepted or rejected).
struct LoggedMutation {
    std::string id;
    std::string client_id;
    std::string user_id;  // from the session that pushed it
    std::int64_t client_seq = 0;
    std::string name;
    Json args;
    MutationResult result;
};

struct ClientState {
    std::string user_id;         // the first user that pushed with this client id
    std::int64_t last_seq = 0;   // highest client_seq recorded (accepted or rejected)
    std::map<std::int64_t, std::string> mutation_ids;  // client_seq -> mutation id
};

// What one push changed, for the storage to write in one transaction.
// Arguments of a rejected mutation larger than this (as JSON text) are not kept.
inline constexpr std::size_t max_kept_rejected_args_bytes = 4096;

struct PushOutcome {
    std::vector<MutationResult> results;  // one per pushed mutation, in order
    std::vector<LoggedMutation> logged;   // newly recorded mutations (not the duplicates); a
                                          // rejected one's args over max_kept_rejected_args_bytes
                                          // are replaced by {"omitted_bytes": N}
    std::vector<ChangeEntry> changes;     // newly accepted changes
    std::string client_id;
};

enum class PullOp {
    upsert,  // the record as it is now
    remove,  // the record was deleted ("delete" on the wire)
    drop,    // the record changed and the user may no longer see it: forget it
};

struct PullChange {
    std::int64_t seq = 0;
    PullOp op = PullOp::upsert;
    std::string entity;
    std::string id;
    std::optional<Record> record;  // for upsert
    bool operator==(const PullChange&) const = default;
};

struct PullPage {
    std::vector<PullChange> changes;
    std::int64_t cursor = 0;  // pass back as the next cursor
    bool has_more = false;    // more changes after cursor: pull again
    bool resnapshot = false;  // the cursor is older than the retained log: take a snapshot
};

struct Snapshot {
    std::vector<Record> records;
    std::int64_t cursor = 0;
};

// Wire shapes: {"seq","op":"upsert"|"delete"|"drop","entity","id","record"?};
// {"changes","cursor","has_more"} or {"resnapshot":true}; {"records","cursor"}.
void to_json(Json& j, const PullChange& c);
Result<PullChange> pull_change_from_json(const Json& j);
void to_json(Json& j, const PullPage& p);
Result<PullPage> pull_page_from_json(const Json& j);
void to_json(Json& j, const Snapshot& s);
Result<Snapshot> snapshot_from_json(const Json& j);

class SyncServerState {
public:
    Store store;                  // authoritative records
    SyncHistory history;          // field writers and tombstones
    std::int64_t seq = 0;         // last global sequence number given out
    std::int64_t log_floor = 0;   // changes with seq > log_floor are all in `log`
    std::vector<ChangeEntry> log; // in seq order
    std::map<std::string, ClientState> clients;
    std::map<std::string, LoggedMutation> mutations;  // by mutation id

    // Applies the mutations in order as `user` (from the session, never from a mutation)
    // through `client_id`. A mutation id already recorded is answered with its original
    // result and not applied again; so is a client_seq at or below the client's last one
    // with a different id ("duplicate_client_seq", not recorded). A rejected mutation is
    // recorded and advances last_seq. Errors for the whole batch, with nothing applied:
    // "client_in_use" (the client id belongs to another user), "client_seq_gap" (a new
    // mutation's client_seq is not last_seq + 1: the client lost mutations), "bad_request".
    Result<PushOutcome> push(const MutationRegistry& registry, const Policy& policy, const UserContext& user,
                             const std::string& client_id, const std::vector<Mutation>& mutations, TimestampMs now);

    // Changes after `cursor`, at most about `limit` (a sequence number's changes are never
    // split), filtered for `user`: upserts they may read, drops for those they may not,
    // deletions. resnapshot when the cursor is below log_floor or beyond seq.
    PullPage pull(const Policy& policy, const UserContext& user, std::int64_t cursor, std::size_t limit) const;

    // Every record `user` may read, and the cursor to pull from afterwards.
    Snapshot snapshot(const Policy& policy, const UserContext& user) const;

    // Adds records without a mutation (demo data, imports), each with its own seq.
    std::vector<ChangeEntry> seed(const std::vector<Record>& records);

    // Forgets changes with seq <= floor (clients behind it take a snapshot).
    void trim_log(std::int64_t floor);

    // Loading from storage: records a logged mutation and its client's bookkeeping.
    void restore_logged(LoggedMutation logged);
};

}  // namespace casehub
