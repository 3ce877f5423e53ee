// Queue views over a Store: one pass over the active queue items, names looked up once
// per queue and per worker, then a sort. Linear in the number of queue items, so the
// replica answers it offline for 100k items (see bench/bench_queue.cpp).
#include "core/domain/queues/queue_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/schema/schema.hpp"
#include "core/text/text_fold.hpp"

namespace casehub {
namespace {

int int_of(const Record& record, const char* attribute, int fallback) {
    const Json* v = record.get(attribute);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string string_of(const Record& record, const char* attribute) {
    const Json* v = record.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool is_active(const Record& record) { return int_of(record, "statecode", 0) == 0; }

TimestampMs time_of(const Record& record, const char* attribute) {
    const Json* v = record.get(attribute);
    if (!v || !v->is_string()) return 0;
    auto t = parse_utc(v->get<std::string>());
    return t ? *t : 0;
}

std::set<std::string> member_queue_ids(const Store& store, const std::string& user_id) {
    std::set<std::string> ids;
    for (const Record* m : store.referencing("queuemembership", "systemuserid", user_id))
        ids.insert(lookup_id_of(*m, "queueid"));
    return ids;
}

bool contains_folded(const std::string& folded_text, const std::string& folded_needle) {
    return folded_needle.empty() || folded_text.find(folded_needle) != std::string::npos;
}

constexpr int kNoSla = -1, kInProgress = 0, kNoncompliant = 1, kSucceeded = 4;

}  // namespace

std::vector<const Record*> queues_in_scope(const Store& store, const std::string& user_id, QueueScope scope,
                                           const std::string& queue_id) {
    std::vector<const Record*> out;
    if (scope == QueueScope::One) {
        if (const Record* q = store.find("queue", queue_id)) out.push_back(q);
        return out;
    }
    const std::set<std::string> member = member_queue_ids(store, user_id);
    store.for_each("queue", [&](const Record& q) {
        if (!is_active(q)) return;
        const bool is_member = member.count(q.id) > 0 || lookup_id_of(q, "ownerid") == user_id;
        const bool is_private = int_of(q, "queueviewtype", 0) == 1;
        if (scope == QueueScope::Mine ? is_member : (is_member || !is_private)) out.push_back(&q);
    });
    std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) {
        const std::string na = string_of(*a, "name"), nb = string_of(*b, "name");
        return na != nb ? na < nb : a->id < b->id;
    });
    return out;
}

int sla_status_of(const Store& store, const Record& object, TimestampMs now) {
    auto kpi = [&](const char* attribute) -> int {
        const std::string id = lookup_id_of(object, attribute);
        if (id.empty()) return kNoSla;
        const Record* k = store.find("slakpiinstance", id);
        return k ? int_of(*k, "status", kNoSla) : kNoSla;
    };
    const int first = kpi("firstresponsebykpiid");
    if (first != kNoSla && first != kSucceeded) return first;
    const int resolve = kpi("resolvebykpiid");
    if (resolve != kNoSla) return resolve;
    if (first != kNoSla) return first;
    // No KPI instances (lean records): judge from the case's own deadlines.
    const Json* sent = object.get("firstresponsesent");
    const bool responded = sent && sent->is_boolean() && sent->get<bool>();
    const TimestampMs response_by = time_of(object, "responseby"), resolve_by = time_of(object, "resolveby");
    if (!responded && response_by) return now > response_by ? kNoncompliant : kInProgress;
    if (resolve_by) return now > resolve_by ? kNoncompliant : kInProgress;
    return kNoSla;
}

std::vector<QueueRow> query_queue_items(const Store& store, const QueueViewRequest& request, TimestampMs now) {
    std::map<std::string, std::string> queue_names;  // the queues in scope
    for (const Record* q : queues_in_scope(store, request.user_id, request.scope, request.queue_id))
        queue_names[q->id] = string_of(*q, "name");
    std::map<std::string, std::string> worker_names;
    auto worker_name = [&](const std::string& entity, const std::string& id) -> const std::string& {
        auto it = worker_names.find(id);
        if (it != worker_names.end()) return it->second;
        std::string name;
        if (const Record* w = store.find(entity.empty() ? std::string("systemuser") : entity, id))
            name = primary_name_of(casehub_schema(), *w);
        return worker_names.emplace(id, name.empty() ? id : name).first->second;
    };
    const std::string title_needle = fold_text(request.title_contains);
    const std::string worker_needle = fold_text(request.worker_contains);

    std::vector<QueueRow> rows;
    auto visit = [&](const Record& item) {
        if (!is_active(item)) return;
        QueueRow row;
        row.queue_id = lookup_id_of(item, "queueid");
        auto q = queue_names.find(row.queue_id);
        if (q == queue_names.end()) return;
        row.worker_id = lookup_id_of(item, "workerid");
        if (request.view == QueueItemView::Available && !row.worker_id.empty()) return;
        if (request.view == QueueItemView::MyWork && row.worker_id != request.user_id) return;
        row.title = string_of(item, "title");
        if (!title_needle.empty() && !contains_folded(fold_text(row.title), title_needle)) return;
        if (!row.worker_id.empty()) row.worker_name = worker_name(lookup_entity_of(item, "workerid"), row.worker_id);
        if (!worker_needle.empty() && !contains_folded(fold_text(row.worker_name), worker_needle)) return;
        row.object_entity = lookup_entity_of(item, "objectid");
        row.object_id = lookup_id_of(item, "objectid");
        const Record* object = store.find(row.object_entity, row.object_id);
        row.priority = object ? int_of(*object, "prioritycode", 0) : 0;
        if (row.priority == 0) row.priority = int_of(item, "priority", 0);
        if (request.priority != 0 && row.priority != request.priority) return;
        row.sla_status = object ? sla_status_of(store, *object, now) : kNoSla;
        if (request.sla_status >= 0 && row.sla_status != request.sla_status) return;
        row.item = &item;
        row.queue_name = q->second;
        row.entered_on = time_of(item, "enteredon");
        row.age_ms = row.entered_on ? now - row.entered_on : 0;
        rows.push_back(std::move(row));
    };
    if (request.scope == QueueScope::One) {
        for (const Record* item : store.referencing("queueitem", "queueid", request.queue_id)) visit(*item);
    } else {
        store.for_each("queueitem", visit);
    }

    auto less = [&](const QueueRow& a, const QueueRow& b) -> bool {
        auto cmp = [&]() -> int {
            auto three = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
            switch (request.sort) {
                case QueueColumn::Title: return three(a.title, b.title);
                case QueueColumn::Queue: return three(a.queue_name, b.queue_name);
                case QueueColumn::EnteredOn: return three(a.entered_on, b.entered_on);
                case QueueColumn::WorkedBy: return three(a.worker_name, b.worker_name);
                case QueueColumn::Priority: return three(a.priority, b.priority);
                case QueueColumn::SlaStatus: return three(a.sla_status, b.sla_status);
                case QueueColumn::Age: return three(a.age_ms, b.age_ms);
                case QueueColumn::ObjectType: return three(a.object_entity, b.object_entity);
            }
            return 0;
        }();
        if (cmp != 0) return request.descending ? cmp > 0 : cmp < 0;
        return a.item->id < b.item->id;
    };
    std::sort(rows.begin(), rows.end(), less);
    return rows;
}

std::vector<QueueCount> queue_counts(const Store& store, const std::string& user_id, QueueScope scope) {
    std::vector<QueueCount> counts;
    for (const Record* q : queues_in_scope(store, user_id, scope)) {
        QueueCount c;
        c.queue = q;
        for (const Record* item : store.referencing("queueitem", "queueid", q->id)) {
            if (!is_active(*item)) continue;
            const std::string worker = lookup_id_of(*item, "workerid");
            if (worker.empty()) {
                ++c.available;
            } else {
                ++c.working;
                if (worker == user_id) ++c.mine;
            }
        }
        counts.push_back(c);
    }
    return counts;
}

}  // namespace casehub
