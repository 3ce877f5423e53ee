// Replica: the client's side of sync, pure — the confirmed store (server state as
// pulled), the outbox of mutations not yet confirmed, the view the UI shows (confirmed +
// outbox re-applied), rejections to show the agent, and the durability bookkeeping: a
// journal of what the device must still write (core/sync/device_journal.hpp) and which
// outbox entries are already on the device (only those are pushed). No I/O: transport
// and storage call in.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/security/security.hpp"
#include "core/store/store.hpp"
#include "core/security/sync_policy.hpp"
#include "core/sync/device_journal.hpp"
#include "core/sync/sync_server.hpp"

namespace casehub {

// What re-applying a mutation needs: the handlers, the policy and the signed-in user.
struct ApplyEnv {
    const MutationRegistry& registry;
    const Policy& policy;
    const UserContext& user;
};

class Replica {
public:
    Replica() = default;
    // A new replica: its journal holds the meta values, so the first write stores them.
    explicit Replica(std::string client_id);

    const std::string& client_id() const { return client_id_; }
    const Store& confirmed() const { return confirmed_; }
    // What the UI shows. While restoring, the confirmed records read so far (the outbox
    // goes on top at finish_restore), so each restored record is inserted once.
    const Store& view() const { return restoring_ ? confirmed_ : view_; }
    const std::vector<OutboxEntry>& outbox() const { return outbox_; }
    const std::vector<Rejection>& rejections() const { return rejections_; }
    std::int64_t cursor() const { return cursor_; }
    std::int64_t next_client_seq() const { return next_client_seq_; }
    std::size_t pending_count() const;  // not yet accepted by the server

    // Durability. An outbox entry counts as made once the device holds it: entries up to
    // durable_client_seq() are stored; later ones are shown but not yet safe (a reload
    // before their write loses them, and their numbers are then used again — the server
    // never saw them, since only stored entries are pushed).
    std::int64_t durable_client_seq() const { return durable_client_seq_; }
    std::size_t not_durable_count() const;  // outbox entries not yet on the device
    // The device wrote every entry up to `client_seq` (writes land in order).
    void mark_durable_through(std::int64_t client_seq);
    // What the device must still write. take_journal() hands it over and starts a new one;
    // the caller writes it in one transaction, or gives it back with return_journal()
    // when the device refused it, to be tried again under what was recorded since.
    const DeviceJournal& journal() const { return journal_; }
    DeviceJournal take_journal();
    // The parts of the journal a write takes when it must not wait for the rest: the
    // agent's new work alone (an edit's own transaction), or the next page of a journal too
    // big for one transaction (DeviceJournal::take_new_work / take_page).
    DeviceJournal take_new_work() { return journal_.take_new_work(); }
    DeviceJournal take_journal_page(std::size_t max_records) { return journal_.take_page(max_records); }
    void return_journal(DeviceJournal refused);
    // Journals the whole replica (clear + every record, outbox entry and meta value): for
    // moving a replica kept the old way (one JSON file) into the device store, or writing a
    // fresh one over stored work that could not be read.
    void journal_everything();

    // Applies a new mutation to the view at once and queues it. A mutation that fails
    // locally (invalid, forbidden, record gone) is refused with its error and not queued.
    // `id` is a fresh UUID from the caller; `now` is the client's clock (display and stamps).
    Result<Mutation> apply_local(const ApplyEnv& env, const std::string& id, const std::string& name,
                                 const Json& args, TimestampMs now);

    // The oldest unconfirmed mutations already stored on the device, in order, at most
    // `max` (the server wants a gap-free sequence, so it stops at the first one not stored).
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
    // The format of the earlier single-file storage, read once to import it; also tests.
    Json to_json() const;

    // Restoring from the device, progressively: restore() takes the small parts (everything
    // stored is durable), add_restored_records() takes pages of confirmed records (shown at
    // once, without the outbox on top), finish_restore() re-applies the outbox. Nothing of
    // this is journaled: it is already on the device.
    static Replica restore(std::string client_id, std::int64_t next_client_seq, std::int64_t cursor,
                           std::vector<OutboxEntry> outbox, std::vector<Rejection> rejections);
    void add_restored_records(std::vector<Record> records);
    // The stored records are a cut-off series (device_restore.hpp): forget them and the
    // cursor, so the next sync loads everything again, and journal their clearing.
    void discard_stored_records();
    void finish_restore(const ApplyEnv& env);

private:
    friend Result<Replica> replica_from_json(const ApplyEnv& env, const Json& j);
    void drop_confirmed_from_outbox();

    std::string client_id_;
    Store confirmed_;
    Store view_;
    std::vector<OutboxEntry> outbox_;
    std::vector<Rejection> rejections_;
    std::int64_t cursor_ = 0;
    std::int64_t next_client_seq_ = 1;
    std::int64_t durable_client_seq_ = 0;
    bool restoring_ = false;  // between restore() and finish_restore()
    DeviceJournal journal_;
};

Result<Replica> replica_from_json(const ApplyEnv& env, const Json& j);

}  // namespace casehub
