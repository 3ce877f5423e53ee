// DataLayer: the client's data, for the UI — sign-in, the local replica (kept in
// IndexedDB), the sync loop (core/client_sync) over HTTP, and the small API the views
// use: submit a mutation, read the view, sync state, rejections. One per page
// (data_layer()); tick() once per frame does all the I/O.
#pragma once
#include <cstdint>
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

    bool is_loading() const { return loading_; }       // local storage not read yet
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

    // Applies a mutation locally at once (persisted, then pushed). Errors: "signed_out"
    // without a session, else whatever the mutation's handler says ("not_found", ...).
    Result<Mutation> submit(const std::string& name, const Json& args);

    // Signs in (asynchronous: watch is_signing_in / sign_in_error / has_session).
    void sign_in(const std::string& username, const std::string& password);
    bool is_signing_in() const { return login_request_ != 0; }
    const std::string& sign_in_error() const { return sign_in_error_; }
    // Ends the session here and on the server. Unsynced work stays on this browser and
    // is pushed the next time this user signs in.
    void sign_out();
    void sync_now();

    // A message about local storage for the agent ("" when none): eviction, no IndexedDB.
    const std::string& storage_notice() const { return storage_notice_; }
    // True when everything changed so far is written to IndexedDB.
    bool is_saved() const;

private:
    ApplyEnv env() const { return ApplyEnv{registry_, policy_, session_.user}; }
    void finish_loading(TimestampMs now);
    void open_replica_for(const std::string& user_id, TimestampMs now);
    void on_login_answer(int status, const std::string& body, TimestampMs now);
    void persist();

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
    bool dirty_ = false;
    TimestampMs now_ = 0;
    std::uint64_t login_request_ = 0;
    std::uint64_t next_http_id_ = std::uint64_t(1) << 40;  // apart from ClientSync's request ids
    std::string sign_in_error_;
    std::string storage_notice_;
};

// The page's data layer.
DataLayer& data_layer();

}  // namespace casehub::client
