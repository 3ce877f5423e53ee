// DeviceImage: what web/device_store.js keeps in IndexedDB, in memory — three key/value
// stores (records, outbox, meta) that a batch from DeviceJournal::to_batch_json changes in
// one step, as one IndexedDB transaction does — and the restore a cold start performs.
// Tests use it to reload a replica the way the browser would.
#pragma once
#include <cstdint>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/sync/device_restore.hpp"

namespace casehub::test {

struct DeviceImage {
    std::map<std::string, std::string> records;   // "<entity>/<id>" -> record JSON text
    std::map<std::int64_t, std::string> outbox;   // client_seq -> outbox entry JSON text
    Json meta = Json::object();                   // client_id, next_client_seq, cursor, rejections
    std::size_t bytes_written = 0;                // keys + values written, as the bench counts them

    void apply(const std::string& batch_text) {
        const Json b = Json::parse(batch_text);
        if (b["clear_records"].get<bool>()) records.clear();
        if (b["clear_outbox"].get<bool>()) outbox.clear();
        for (const Json& kv : b["put_records"]) {
            records[kv[0].get<std::string>()] = kv[1].get<std::string>();
            bytes_written += kv[0].get_ref<const std::string&>().size() + kv[1].get_ref<const std::string&>().size();
        }
        for (const Json& k : b["delete_records"]) records.erase(k.get<std::string>());
        for (const Json& kv : b["put_outbox"]) {
            outbox[kv[0].get<std::int64_t>()] = kv[1].get<std::string>();
            bytes_written += 8 + kv[1].get_ref<const std::string&>().size();
        }
        for (const Json& k : b["delete_outbox"]) outbox.erase(k.get<std::int64_t>());
        for (auto it = b["meta"].begin(); it != b["meta"].end(); ++it) {
            meta[it.key()] = it.value();
            bytes_written += it.key().size() + it.value().dump().size();
        }
    }

    // A cold start: meta and outbox first, then records in pages of `page` (key order, as
    // an IndexedDB cursor reads them), then the outbox on top.
    Result<Replica> restore(const ApplyEnv& env, std::size_t page = 7) const {
        std::vector<std::string> entries;
        for (const auto& [seq, text] : outbox) entries.push_back(text);
        auto r = replica_from_device(meta, entries);
        if (!r) return r;
        Json values = Json::array();
        const bool complete = stored_records_complete(meta);  // else: not read, loaded again
        for (const auto& [key, text] : records) {
            if (!complete) break;
            values.push_back(Json::parse(text));
            if (values.size() == page) {
                auto recs = records_from_device(values);
                if (!recs) return recs.error();
                r->add_restored_records(std::move(*recs));
                values = Json::array();
            }
        }
        auto recs = records_from_device(values);
        if (!recs) return recs.error();
        r->add_restored_records(std::move(*recs));
        r->finish_restore(env);
        return r;
    }
};

// Writes what the replica journaled, as the data layer does once per frame, and marks
// the new work durable.
inline void write_to_device(Replica& replica, DeviceImage& device) {
    DeviceJournal j = replica.take_journal();
    if (j.empty()) return;
    device.apply(j.to_batch_json(replica.client_id()));
    replica.mark_durable_through(j.newest_outbox_seq());
}

// Writes it the way the data layer writes a large journal: pages of at most `per_page`
// records, one batch each; `stop_after` pages are written at most (a tab closed midway).
// Returns the number of batches written.
inline std::size_t write_pages_to_device(Replica& replica, DeviceImage& device, std::size_t per_page,
                                         std::size_t stop_after = SIZE_MAX) {
    DeviceJournal j = replica.take_journal();
    std::size_t written = 0;
    while (!j.empty() && written < stop_after) {
        DeviceJournal page = j.take_page(per_page);
        device.apply(page.to_batch_json(replica.client_id()));
        replica.mark_durable_through(page.newest_outbox_seq());
        ++written;
    }
    return written;
}

}  // namespace casehub::test
