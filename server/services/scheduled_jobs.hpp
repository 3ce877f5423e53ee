// ScheduledJobs: the server's timer. Every interval it asks the core what is due
// (core/due_work.hpp: SLA warning/failure actions, Scheduled articles to publish,
// Published ones to expire, emails in the outbox) and pushes those mutations through
// SyncService as the system user — a System Administrator — so each change gets a
// server sequence number and reaches every client on its next pull. Outgoing email is
// delivered to a mail drop directory: one RFC 5322 file per email, <activity id>.eml,
// written before the email is marked Sent; a file already there (or in sent/, where a
// gateway's pickup moves what it sent) is not written again, so a crash between the two
// never sends a message twice. Native only.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/base/time.hpp"
#include "server/services/sync_service.hpp"

namespace casehub::server {

struct ScheduledJobsOptions {
    int interval_seconds = 30;  // 0: the thread is not started (run_once still works)
    std::string mail_drop;      // directory the .eml files go to (created when missing)
    std::string default_from = "CaseHub <casehub@localhost>";  // sender when the owner has no address
    std::string run_as = "admin";  // preferred user (domainname); else any System Administrator
};

// What one round did, for the log and the tests.
struct JobsReport {
    int applied = 0;         // mutations accepted (a no-op duplicate counts too)
    int refused = 0;         // mutations the core refused, counted (and their reason put in `errors`) once
    int emails_written = 0;  // .eml files written this round
    std::vector<std::string> errors;
    bool did_something() const { return applied > 0 || refused > 0 || !errors.empty(); }
};

class ScheduledJobs {
public:
    // `clock` gives the time a round runs at (empty = system clock).
    ScheduledJobs(SyncService& sync, ScheduledJobsOptions options, std::function<TimestampMs()> clock = {});
    ~ScheduledJobs();  // stops the thread
    ScheduledJobs(const ScheduledJobs&) = delete;
    ScheduledJobs& operator=(const ScheduledJobs&) = delete;

    // Starts the timer thread (a no-op when interval_seconds is 0 or it already runs).
    // Each round's report is written to stderr when it did something.
    void start();
    // Wakes and joins the thread; a round in progress finishes first.
    void stop();

    // One round at `now`: computes the due work and applies it. Never throws; failures
    // (no administrator, an unwritable mail drop, a database error) are in the report and
    // the work is tried again on the next round.
    JobsReport run_once(TimestampMs now);

    // Where a delivered email's file is (for the tests and the docs).
    std::string message_path(const std::string& email_id) const;

private:
    void loop();

    SyncService& sync_;
    ScheduledJobsOptions options_;
    std::function<TimestampMs()> clock_;
    std::mutex round_;  // run_once from a test and the thread never overlap
    std::set<std::string> refusals_reported_;  // mutation ids: a refusal is logged once, not every round
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Writes `text` to dir/<name> atomically (a temporary in dir/.tmp, fsync, rename), so a
// mail gateway never picks up half a file. Error "storage" naming the path otherwise.
Status write_file_atomically(const std::string& dir, const std::string& name, const std::string& text);

}  // namespace casehub::server
