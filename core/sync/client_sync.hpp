// ClientSync: the browser client's sync loop as a pure state machine over a Replica.
// Events come in (tick, online/offline, local edit, resume, sign-in, HTTP answers) and
// requests to perform come out (push / pull / snapshot), at most one in flight. No I/O,
// no clock: the caller performs each request and passes the time of every event.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/sync/replica.hpp"
#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub {

// The retry and refresh rhythm. Defaults are what the browser uses.
struct SyncTiming {
    TimestampMs pull_interval_ms = 15000;  // pull this long after the last successful sync (online)
    TimestampMs backoff_min_ms = 1000;     // first retry after a failure
    TimestampMs backoff_max_ms = 60000;    // retries double up to this
    TimestampMs request_timeout_ms = 30000;  // an answer later than this counts as a network failure
    std::size_t push_batch = 200;          // mutations per push
    std::size_t pull_limit = 500;          // changes per pull page
};

enum class SyncRequestKind {
    push,      // POST /api/sync/push {client_id, mutations}
    pull,      // GET /api/sync/pull?cursor=N&limit=M
    snapshot,  // GET /api/sync/snapshot
};

// One HTTP request for the transport to perform. The answer goes back to on_answer with
// the same `id`; answers to other ids (timed out, superseded) are ignored.
struct SyncRequest {
    std::uint64_t id = 0;
    SyncRequestKind kind = SyncRequestKind::pull;
    std::string method;  // "GET" or "POST"
    std::string path;    // "/api/sync/pull?cursor=12&limit=500"
    std::string body;    // JSON text for POST, empty for GET
};

// What came back: `status` 0 means no answer at all (network down, CORS, aborted).
struct SyncAnswer {
    std::uint64_t id = 0;
    int status = 0;
    std::string body;
};

// What the UI shows about sync.
struct SyncState {
    bool online = false;            // the browser says it has a network
    bool signed_in = false;         // a session token is held (false after a 401: work is kept)
    bool syncing = false;           // a request is in flight
    std::size_t pending = 0;        // local mutations the server has not accepted yet
    std::size_t unsaved = 0;        // of those, shown but not yet stored on this device
    std::int64_t durable_client_seq = 0;  // every change numbered up to this is stored on this device
    std::string storage_error;      // the device refused to store work: what happened and what to do
    std::size_t rejected = 0;       // rejections waiting for the agent to read them
    TimestampMs last_synced_at = 0; // when the replica last caught up with the server (0: never)
    std::string last_error;         // the last failure, cleared by the next success
    TimestampMs retry_at = 0;       // when a failed sync is tried again (0: no retry pending)
};

const char* to_string(SyncRequestKind kind);

class ClientSync {
public:
    explicit ClientSync(SyncTiming timing = {}) : timing_(timing) {}

    // The browser's network state. Coming online syncs at once (backoff is reset).
    void set_online(bool online, TimestampMs now);
    // A session token was obtained (or dropped). Signing in syncs at once, pushing the
    // outbox kept while signed out.
    void set_signed_in(bool signed_in, TimestampMs now);
    // The agent changed something: push soon (no waiting for the timer).
    void on_local_edit(TimestampMs now);
    // The page became visible again: retry now and pull.
    void on_resume(TimestampMs now);
    // The "Sync now" button: retry now, push and pull.
    void sync_now(TimestampMs now);

    // The next request to perform now, or nullopt (offline, signed out, one in flight,
    // waiting for backoff or for the pull timer). The returned request is in flight until
    // its answer, or until request_timeout_ms passes (then it counts as a failure).
    std::optional<SyncRequest> next_request(const Replica& replica, TimestampMs now);

    // Handles the answer to the request in flight, updating `replica` (push results,
    // pulled changes, snapshot). 2xx: applied; 401: signed out, outbox kept; other
    // statuses and status 0: recorded as last_error and retried with backoff.
    // A body that is not the expected shape counts as a failure. Answers whose id is not
    // the one in flight are ignored and return false.
    bool on_answer(Replica& replica, const ApplyEnv& env, const SyncAnswer& answer, TimestampMs now);

    // The earliest time something may need doing (retry, pull timer, request timeout);
    // 0 when nothing is scheduled. Callers that tick every frame may ignore it.
    TimestampMs next_wake_at() const;

    SyncState state(const Replica& replica) const;
    bool is_signed_in() const { return signed_in_; }
    bool is_online() const { return online_; }
    int consecutive_failures() const { return failures_; }

private:
    void fail(const std::string& message, TimestampMs now);
    void succeed();

    SyncTiming timing_;
    bool online_ = false;
    bool signed_in_ = false;
    bool want_pull_ = true;       // a pull is due (start, after push, timer, resume)
    bool want_snapshot_ = false;  // the server asked for a resnapshot
    bool snapshot_checked_ = false;  // decided whether a first sync starts with a snapshot
    std::optional<SyncRequest> in_flight_;
    TimestampMs in_flight_since_ = 0;
    std::uint64_t next_id_ = 1;
    int failures_ = 0;
    TimestampMs retry_at_ = 0;       // no request before this after a failure
    TimestampMs next_pull_at_ = 0;   // timer pull
    TimestampMs last_synced_at_ = 0;
    std::string last_error_;
};

// The message for a failed answer: the server's {"error":{"message"}} when it has one,
// else a sentence from the status ("The server could not be reached." for status 0).
std::string answer_error_message(const SyncAnswer& answer);

}  // namespace casehub
