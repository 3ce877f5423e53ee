// SyncService: lock, apply, persist, reload on failure.
#include "server/services/sync_service.hpp"

#include <chrono>
#include <mutex>

namespace casehub::server {

SyncService::SyncService(std::unique_ptr<SyncStore> storage, MutationRegistry registry, std::unique_ptr<Policy> policy,
                         std::function<TimestampMs()> clock)
    : storage_(std::move(storage)), registry_(std::move(registry)), policy_(std::move(policy)), clock_(std::move(clock)) {
    if (!clock_)
        clock_ = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
}

Result<std::unique_ptr<SyncService>> SyncService::open(std::unique_ptr<SyncStore> store, MutationRegistry registry,
                                                       std::unique_ptr<Policy> policy,
                                                       std::function<TimestampMs()> clock) {
    if (!store) return make_error("internal", "SyncService::open needs a store; this is a server bug.");
    std::unique_ptr<SyncService> svc(
        new SyncService(std::move(store), std::move(registry), std::move(policy), std::move(clock)));
    if (auto s = svc->storage_->load(svc->state_); !s) return s.error();
    return svc;
}

Status SyncService::seed_if_empty(const Store& demo) {
    std::unique_lock lock(mutex_);
    auto empty = storage_->is_empty();
    if (!empty) return empty.error();
    if (!*empty) return {};
    std::vector<Record> records;
    demo.for_each_record([&](const Record& r) { records.push_back(r); });
    auto changes = state_.seed(records);
    if (auto s = storage_->save_changes(changes, state_); !s) {
        (void)storage_->load(state_);
        return s;
    }
    return {};
}

Result<std::vector<MutationResult>> SyncService::push(const UserContext& user, const std::string& client_id,
                                                      const std::vector<Mutation>& mutations) {
    std::unique_lock lock(mutex_);
    auto outcome = state_.push(registry_, *policy_, user, client_id, mutations, clock_());
    if (!outcome) return outcome.error();
    if (auto s = storage_->save_push(*outcome, state_); !s) {
        // Memory is ahead of the disk: go back to what is durable and let the client retry.
        const std::string why = s.error().message;
        if (auto r = storage_->load(state_); !r)
            return make_error("unavailable", "The server could not save your changes (" + why +
                                                 ") nor reload its data; try again later.");
        return make_error("unavailable",
                          "The server could not save your changes (" + why + "); nothing was applied, retry.");
    }
    return std::move(outcome->results);
}

PullPage SyncService::pull(const UserContext& user, std::int64_t cursor, std::size_t limit) const {
    std::shared_lock lock(mutex_);
    return state_.pull(*policy_, user, cursor, limit);
}

Snapshot SyncService::snapshot(const UserContext& user) const {
    std::shared_lock lock(mutex_);
    return state_.snapshot(*policy_, user);
}

Result<UserContext> SyncService::user_context(const std::string& user_id) const {
    std::shared_lock lock(mutex_);
    return user_context_for(state_.store, user_id);
}

void SyncService::read(const std::function<void(const Store&)>& visit) const {
    std::shared_lock lock(mutex_);
    visit(state_.store);
}

std::int64_t SyncService::seq() const {
    std::shared_lock lock(mutex_);
    return state_.seq;
}

}  // namespace casehub::server
