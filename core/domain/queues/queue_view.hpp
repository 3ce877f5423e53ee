// Queue views, answered from a Store (the replica offline, the server's store alike):
// which queues a user sees (All Queues, My Queues, one queue), the items of a view
// (available to work on, I am working on, all) with their columns (entered on, worked
// by, priority, SLA status, age), filtered and sorted, and counts per queue.
// Pure: time comes in as `now`; no I/O.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

enum class QueueScope {
    All,   // every public queue and the private queues the user is a member of or owns
    Mine,  // the queues the user is a member of or owns
    One,   // QueueViewRequest::queue_id
};

enum class QueueItemView {
    Available,  // Items available to work on: nobody works them
    MyWork,     // Items I am working on
    All,        // All items
};

enum class QueueColumn { Title, Queue, EnteredOn, WorkedBy, Priority, SlaStatus, Age, ObjectType };

struct QueueViewRequest {
    QueueScope scope = QueueScope::All;
    std::string queue_id;  // for QueueScope::One
    QueueItemView view = QueueItemView::Available;
    std::string user_id;   // the agent ("I", "My")
    // Filters; empty or out-of-range values match everything.
    std::string title_contains;   // case- and accent-insensitive
    std::string worker_contains;  // the worker's name
    int priority = 0;             // incident prioritycode (1 High, 2 Normal, 3 Low); 0 = any
    int sla_status = -1;          // slakpiinstance status value; -1 = any
    QueueColumn sort = QueueColumn::EnteredOn;
    bool descending = false;
};

struct QueueRow {
    const Record* item = nullptr;  // valid until the store changes
    std::string title;
    std::string queue_id, queue_name;
    std::string worker_id, worker_name;  // empty when nobody works it
    std::string object_entity, object_id;
    TimestampMs entered_on = 0;
    std::int64_t age_ms = 0;  // now - entered_on
    int priority = 0;         // 0 = none
    int sla_status = -1;      // slakpiinstance status (0 In Progress, 1 Noncompliant, 2 Nearing Noncompliance,
                              // 3 Paused, 4 Succeeded, 5 Canceled); -1 = no SLA
};

// The queues of a scope, by name. `user_id`'s memberships come from queuemembership
// records; owning a queue counts as being a member.
std::vector<const Record*> queues_in_scope(const Store& store, const std::string& user_id, QueueScope scope,
                                           const std::string& queue_id = {});

// The active queue items of the request, filtered and sorted (ties by item id).
std::vector<QueueRow> query_queue_items(const Store& store, const QueueViewRequest& request, TimestampMs now);

// The SLA status shown for the record in a queue item: its first-response KPI until that
// succeeded, then its resolve-by KPI; without KPI instances, from responseby/resolveby.
int sla_status_of(const Store& store, const Record& object, TimestampMs now);

struct QueueCount {
    const Record* queue = nullptr;
    std::size_t available = 0;  // nobody works them
    std::size_t working = 0;    // someone does
    std::size_t mine = 0;       // the user does
};

// Counts of active items per queue of the scope (same order as queues_in_scope).
std::vector<QueueCount> queue_counts(const Store& store, const std::string& user_id, QueueScope scope);

}  // namespace casehub
