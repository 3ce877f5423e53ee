// Replica: the client's side of sync, pure — the confirmed store (server state as
// pulled), the outbox of mutations not yet confirmed, the view the UI shows (confirmed +
// outbox re-applied), rejections to show the agent, and the whole state as JSON so the
// browser keeps it in IndexedDB across reloads. No I/O: transport and storage call in.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/security/security.hpp"
#include "core/store/store.hpp"
#include "core/security/sync_policy.hpp"
#include "core/sync/sync_server.hpp"

namespace casehub {

// What re-applying a mutation needs: the handlers, the policy and the signed-in user.
struct ApplyEnv {
    const MutationRegistry& registry;
    const Policy& policy;
    const UserContext& user;
};

struct OutboxEntry {
    Mutation mutation;
    std::int64_t accepted_seq = 0;  // 0: not yet confirmed; else accepted, waiting for pull to reach it
    bool operator==(const OutboxEntry&) const = default;
};

// A mutation the server refused, kept until the agent dismisses it.
struct Rejection {
    Mutation mutation;
    Error error;
};

class Replica {
public:
    Replica() = default;
    explicit Replica(std::string client_id) : client_id_(std::move(client_id)) {}

    const std::string& client_id() const { return client_id_; }
    const Store& confirmed() const { return confirmed_; }
    const Store& view() const { return view_; }  // what the UI shows
    const std::vector<OutboxEntry>& outbox() const { return outbox_; }
    const std::vector<Rejection>& rejections() const { return rejections_; }
    std::int64_t cursor() const { return cursor_; }
    std::int64_t next_client_seq() const { return next_client_seq_; }
    std::size_t pending_count() const;  // not yet accepted by the server

    // Applies a new mutation to the view at once and queues it. A mutation that fails
    // locally (invalid, forbidden, record gone) is refused with its error and not queued.
    // `id` is a fresh UUID from the caller; `now` is the client's clock (display and stamps).
    Result<Mutation> apply_local(const ApplyEnv& env, const std::string& id, const std::string& name,
                                 const Json& args, TimestampMs now);

    // The oldest unconfirmed mutations, in order, at most `max`.
    std::vector<Mutation> push_batch(std::size_t max = 500) const;

    // Takes the server's answers: accepted ones wait for pull to bring their effect,
    // rejected ones leave the outbox for the rejection list and the view is rebuilt.
    // Results for unknown ids (already handled) are ignored.
    void on_push_results(const ApplyEnv& env, const std::vector<MutationResult>& results);

    // Applies one pulled page to the confirmed store, advances the cursor and rebases.
    // A page asking for a resnapshot changes nothing (take a snapshot, then on_snapshot).
    void on_pull(const ApplyEnv& env, const PullPage& page);

    // Replaces the confirmed store with a snapshot, keeping the outbox, and rebases.
    void on_snapshot(const ApplyEnv& env, const Snapshot& snapshot);

    // Rebuilds the view: confirmed + every outbox mutation not yet in confirmed, in order.
    // A mutation that no longer applies stays queued (the server will answer it).
    void rebase(const ApplyEnv& env);

    void dismiss_rejection(const std::string& mutation_id);

    // {"client_id","next_client_seq","cursor","confirmed":[records],"outbox":[{mutation,accepted_seq}],
    //  "rejections":[{mutation,error}]}. The view is not saved: replica_from_json rebuilds it.
    Json to_json() const;

private:
    friend Result<Replica> replica_from_json(const ApplyEnv& env, const Json& j);

    std::string client_id_;
    Store confirmed_;
    Store view_;
    std::vector<OutboxEntry> outbox_;
    std::vector<Rejection> rejections_;
    std::int64_t cursor_ = 0;
    std::int64_t next_client_seq_ = 1;
};

Result<Replica> replica_from_json(const ApplyEnv& env, const Json& j);

}  // namespace casehub
