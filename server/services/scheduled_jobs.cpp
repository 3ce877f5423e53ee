// The server's timer (see scheduled_jobs.hpp). Each due mutation is pushed as its own
// client ("jobs:<mutation id>", client_seq 1), as inbound email is: the mutation id comes
// from the work's key, so the same work pushed twice (two rounds before the first
// change lands, or a round repeated after a crash) is applied once.
#include "server/services/scheduled_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include "core/demo/demo_data.hpp"
#include "core/app/due_work.hpp"
#include "core/security/roles.hpp"

namespace casehub::server {
namespace {

namespace fs = std::filesystem;

bool is_administrator(const UserContext& user) {
    return std::find(user.roles.begin(), user.roles.end(), role_system_administrator) != user.roles.end();
}

// The user the jobs act as: `preferred` when it is an enabled administrator, else the
// first enabled administrator by id (a renamed admin account must not stop the jobs).
Result<UserContext> system_user(SyncService& sync, const std::string& preferred) {
    std::vector<std::string> candidates;
    sync.read([&](const Store& store) {
        if (const Record* u = find_user_by_domainname(store, preferred)) candidates.push_back(u->id);
        std::vector<std::string> others;
        store.for_each("systemuser", [&](const Record& u) { others.push_back(u.id); });
        std::sort(others.begin(), others.end());
        candidates.insert(candidates.end(), others.begin(), others.end());
    });
    for (const auto& id : candidates) {
        auto ctx = sync.user_context(id);
        if (ctx && is_administrator(*ctx)) return ctx;
    }
    return make_error("not_found", "No enabled user has the System Administrator role, so the scheduled jobs "
                                   "(SLA actions, article publishing, email delivery) cannot run; enable one.");
}

TimestampMs system_now() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

Status write_file_atomically(const std::string& dir, const std::string& name, const std::string& text) {
    std::error_code ec;
    const fs::path tmp_dir = fs::path(dir) / ".tmp";
    fs::create_directories(tmp_dir, ec);
    if (ec) return make_error("storage", "Cannot create the mail drop directory " + tmp_dir.string() + ": " + ec.message());
    const fs::path tmp = tmp_dir / name;
    const fs::path target = fs::path(dir) / name;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) return make_error("storage", "Cannot write " + tmp.string() + " (check the mail drop's permissions).");
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) ok = false;
        else done += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) {
        fs::remove(tmp, ec);
        return make_error("storage", "Cannot write " + tmp.string() + " (is the disk full?).");
    }
    fs::rename(tmp, target, ec);
    if (ec) return make_error("storage", "Cannot move the message to " + target.string() + ": " + ec.message());
    return {};
}

ScheduledJobs::ScheduledJobs(SyncService& sync, ScheduledJobsOptions options, std::function<TimestampMs()> clock)
    : sync_(sync), options_(std::move(options)), clock_(std::move(clock)) {
    if (!clock_) clock_ = system_now;
}

ScheduledJobs::~ScheduledJobs() { stop(); }

void ScheduledJobs::start() {
    if (options_.interval_seconds <= 0 || thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { loop(); });
}

void ScheduledJobs::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ScheduledJobs::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (wake_.wait_for(lock, std::chrono::seconds(options_.interval_seconds), [this] { return stopping_; })) break;
        lock.unlock();
        const JobsReport report = run_once(clock_());
        if (report.did_something()) {
            std::fprintf(stderr, "casehub_server: jobs: %d applied, %d refused, %d emails written to %s\n",
                         report.applied, report.refused, report.emails_written, options_.mail_drop.c_str());
            for (const auto& e : report.errors) std::fprintf(stderr, "casehub_server: jobs: %s\n", e.c_str());
        }
        lock.lock();
    }
}

std::string ScheduledJobs::message_path(const std::string& email_id) const {
    return (fs::path(options_.mail_drop) / (email_id + ".eml")).string();
}

JobsReport ScheduledJobs::run_once(TimestampMs now) {
    std::lock_guard round(round_);
    JobsReport report;
    std::vector<DueMutation> due;
    sync_.read([&](const Store& store) { due = due_work(store, now, options_.default_from); });
    if (due.empty()) return report;
    auto user = system_user(sync_, options_.run_as);
    if (!user) {
        report.errors.push_back(user.error().message);
        return report;
    }
    for (const DueMutation& work : due) {
        if (!work.email_id.empty()) {
            std::error_code ec;
            // Written on an earlier round that stopped before marking it Sent (and perhaps
            // already moved to sent/ by the gateway's pickup): never twice.
            const fs::path picked_up = fs::path(options_.mail_drop) / "sent" / (work.email_id + ".eml");
            if (!fs::exists(message_path(work.email_id), ec) && !fs::exists(picked_up, ec)) {
                if (auto s = write_file_atomically(options_.mail_drop, work.email_id + ".eml", work.message); !s) {
                    report.errors.push_back(s.error().message);
                    continue;  // not marked: the next round tries again
                }
                ++report.emails_written;
            }
        }
        Mutation m;
        m.id = due_mutation_id(work);
        m.client_id = "jobs:" + m.id;
        m.client_seq = 1;
        m.name = work.name;
        m.args = work.args;
        m.client_time = now;
        auto pushed = sync_.push(*user, m.client_id, {m});
        if (!pushed) {
            report.errors.push_back(work.name + ": " + pushed.error().message);
            continue;
        }
        const MutationResult& r = pushed->front();
        if (r.status == MutationStatus::accepted) {
            ++report.applied;
        } else if (refusals_reported_.insert(m.id).second) {
            ++report.refused;
            report.errors.push_back(work.name + " " + work.args.dump() + " refused: " + r.error.message);
        }
    }
    return report;
}

}  // namespace casehub::server
