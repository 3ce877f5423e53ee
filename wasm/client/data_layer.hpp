// DataLayer: the client's data, for the UI — sign-in, the local replica (kept in the
// device store, IndexedDB), the sync loop (core/client_sync) over HTTP, and the small API
// the views use: submit a mutation, read the view, sync state, rejections. One per page
// (data_layer()); tick() once per frame does all the I/O. An edit is handed to the device
// store the moment it is made (its own transaction, with the next client_seq); it counts
// as made — and may be pushed — once that transaction committed.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/sync/client_sync.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/sync/replica.hpp"
#include "core/security/sync_policy.hpp"
#include "wasm/client/client_session.hpp"

namespace casehub::client {

class DataLayer {
public:
    DataLayer();

    // Mounts local storage and starts loading it. Call once before the first tick.
    void start();
    // Reads network events and HTTP answers, sends the next sync request, saves what
    // changed. `now` is the browser's clock (ms since the epoch).
    void tick(TimestampMs now);

    // Local storage not read yet (the session, or the user's device store not open yet).
    bool is_loading() const { return loading_ || device_phase_ == DevicePhase::opening; }
    bool has_session() const;                          // an unexpired session: the app is usable
    const ClientSession* session() const { return have_session_ ? &session_ : nullptr; }
    // The user of the replica on screen (also after a 401, while the login screen asks to
    // sign in again).
    const std::string& replica_user_id() const { return replica_user_; }

    // What the UI reads. Empty until a replica is open.
    const Store& view() const;
    SyncState state() const;
    const std::vector<Rejection>& rejections() const;
    void dismiss_rejection(const std::string& mutation_id);

    // Applies a mutation locally at once and hands it to the device store; it is pushed
    // once stored. Errors: "signed_out" without a session, "loading" while the replica is
    // still being read from the device, else whatever the mutation's handler says.
    Result<Mutation> submit(const std::string& name, const Json& args);
    // True when the mutation with this client_seq is stored on the device (made).
    bool is_durable(std::int64_t client_seq) const;

    // Signs in (asynchronous: watch is_signing_in / sign_in_error / has_session).
    void sign_in(const std::string& username, const std::string& password);
    bool is_signing_in() const { return login_request_ != 0; }
    const std::string& sign_in_error() const { return sign_in_error_; }
    // Ends the session here and on the server. Unsynced work stays on this browser and
    // is pushed the next time this user signs in.
    void sign_out();
    void sync_now();

    // A message about local storage for the agent ("" when none): eviction, unreadable data.
    const std::string& storage_notice() const { return storage_notice_; }
    // True when everything changed so far is written to IndexedDB.
    bool is_saved() const;
    // Records read from the device so far and in all, while the replica is loading.
    std::size_t restored_records() const { return restored_; }
    std::size_t stored_records() const { return stored_total_; }
    bool is_restoring() const { return device_phase_ == DevicePhase::restoring; }
    // Hands everything not yet written to the device store now (page hidden or closing).
    void flush_device();
    // Benchmarks only: replaces the confirmed store with `records` as a snapshot would
    // (journaled and stored like one). False without an open replica.
    bool load_bench_snapshot(std::vector<Record> records);

private:
    ApplyEnv env() const { return ApplyEnv{registry_, policy_, session_.user}; }
    void finish_loading(TimestampMs now);
    void open_replica_for(const std::string& user_id, TimestampMs now);
    void on_login_answer(int status, const std::string& body, TimestampMs now);
    void tick_device(TimestampMs now);
    void start_replica(const std::string& head_json, TimestampMs now);
    bool may_write_device();
    void write_device_batch(DeviceJournal batch);
    void write_new_work();
    void write_journal(std::size_t max_in_flight);
    void on_device_failure(const std::string& name, const std::string& message, TimestampMs now);

    enum class DevicePhase {
        closed,       // no user signed in
        opening,      // the database is opening; its head (meta + outbox) is being read
        restoring,    // the replica exists; record pages are still coming in
        ready,        // everything read; sync runs
        memory_only,  // the browser refused the database: work is kept in this tab only
    };

    PermissivePolicy policy_;  // the server enforces schema and roles; the client only applies
    MutationRegistry registry_;
    bool started_ = false;
    bool loading_ = true;
    bool have_session_ = false;
    ClientSession session_;
    std::optional<Replica> replica_;
    std::string replica_user_;
    ClientSync sync_;
    bool online_ = true;
    DevicePhase device_phase_ = DevicePhase::closed;
    std::map<std::uint64_t, DeviceJournal> device_writes_;  // handed to the device, by ticket
    bool import_pending_ = false;      // the old replica file is removed once its copy is stored
    TimestampMs device_retry_at_ = 0;  // after a refused write, the next try
    int device_failures_ = 0;
    std::string storage_error_;        // the device refused work: shown until a write succeeds
    std::size_t restored_ = 0, stored_total_ = 0;
    TimestampMs now_ = 0;
    std::uint64_t login_request_ = 0;
    std::uint64_t next_http_id_ = std::uint64_t(1) << 40;  // apart from ClientSync's request ids
    std::string sign_in_error_;
    std::string storage_notice_;
};

// The page's data layer.
DataLayer& data_layer();

}  // namespace casehub::client
