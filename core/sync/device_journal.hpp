// DeviceJournal: what the client's replica still has to write to the device (the browser's
// IndexedDB), as changes keyed the way the device stores them — outbox entries by
// client_seq, confirmed records by entity and id, and a few meta values — so a write costs
// the size of the change, never the size of the replica. Pure: the replica fills it, the
// browser's device store drains it (wasm/platform/device_store.*); no I/O here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/apply/mutation.hpp"
#include "core/base/record.hpp"

namespace casehub {

struct OutboxEntry {
    Mutation mutation;
    std::int64_t accepted_seq = 0;  // 0: not yet confirmed; else accepted, waiting for pull to reach it
    bool operator==(const OutboxEntry&) const = default;
};

// A mutation the server refused, kept until the agent dismisses it.
struct Rejection {
    Mutation mutation;
    Error error;
};

// The key a record is stored under on the device: "<entity>/<id>".
std::string device_record_key(const std::string& entity, const std::string& id);

class DeviceJournal {
public:
    bool empty() const;

    // A snapshot replaced the confirmed store: every stored record goes, then the puts below.
    void clear_records();
    // A whole replica replaces what is stored (import, or stored work that could not be
    // read): every stored outbox entry goes too, then the puts below.
    void clear_outbox();
    void put_record(const Record& record);
    void delete_record(const std::string& entity, const std::string& id);
    // A new outbox entry or a changed one (its accepted_seq).
    void put_outbox(const OutboxEntry& entry);
    // The entry left the outbox (confirmed by a pull, or rejected).
    void delete_outbox(std::int64_t client_seq);
    void set_cursor(std::int64_t cursor) { cursor_ = cursor; }
    void set_next_client_seq(std::int64_t next) { next_client_seq_ = next; }
    void set_rejections(std::vector<Rejection> rejections) { rejections_ = std::move(rejections); }

    // True when the journal holds a new outbox entry: the agent's work, which must reach
    // the disk (IndexedDB durability "strict") before it counts as made.
    bool holds_new_work() const { return newest_outbox_seq_ != 0; }
    // The highest client_seq this journal writes as a new outbox entry (0: none). Writes
    // reach the device in order, so once this journal is written, every entry up to it is.
    std::int64_t newest_outbox_seq() const { return newest_outbox_seq_; }
    std::size_t record_change_count() const { return records_.size(); }

    // The agent's new work alone — new outbox entries, the next client_seq and the outbox
    // changes — moved out into a journal of its own, so an edit is written in its own small
    // transaction, never behind (or inside) a page of records. The rest stays here.
    DeviceJournal take_new_work();

    // The next batch to write when a journal is too big for one transaction (a snapshot of
    // 100k cases): at most `max_records` record changes, with every outbox and meta change,
    // and the cursor only in the page that empties the journal. A page that clears the
    // stored records, and every page after it up to the last, marks the stored records
    // incomplete ("records_complete": false); the last writes true with the cursor. So an
    // interrupted series is never taken for a complete replica at the next start
    // (stored_records_complete() in device_restore.hpp). The rest stays here.
    DeviceJournal take_page(std::size_t max_records);

    // Puts `newer` on top of this (older) journal: the newest value of each key wins, a
    // delete cancels an older put, a clear drops older record changes. Used to put a write
    // the device refused back under what was recorded since, to try both again.
    void merge_newer(DeviceJournal newer);

    // The batch the device store writes in one transaction, stored values as JSON text:
    // {"strict":bool,"clear_records":bool,"clear_outbox":bool,"put_records":[[key,text]],"delete_records":[key],
    //  "put_outbox":[[client_seq,text]],"delete_outbox":[client_seq],
    //  "meta":{"client_id":text?,"cursor":n?,"next_client_seq":n?,"rejections":text?}}.
    // client_id goes with every batch so a device store never holds work without its client.
    // "records_complete" is in meta only when the batch is part of (or ends) a series of
    // pages that replace the stored records (take_page).
    std::string to_batch_json(const std::string& client_id) const;

private:
    bool clear_ = false;
    bool clear_outbox_ = false;
    // key -> the record as stored (JSON text, made once here: a third of the memory of a
    // Record, which matters for a first snapshot of 100k cases), or nullopt: delete
    std::map<std::string, std::optional<std::string>> records_;
    std::map<std::int64_t, OutboxEntry> outbox_puts_;
    std::set<std::int64_t> outbox_deletes_;
    std::optional<std::int64_t> cursor_;
    std::optional<std::int64_t> next_client_seq_;
    std::optional<std::vector<Rejection>> rejections_;
    std::int64_t newest_outbox_seq_ = 0;
    bool incomplete_ = false;                   // a page series replacing the records is under way
    std::optional<bool> records_complete_;      // the marker this batch writes (take_page)
};

// Stored shapes, one per device value: an outbox entry {"mutation","accepted_seq"} and the
// rejection list [{"mutation","error"}]. Readers fail with a message naming what is wrong.
Json outbox_entry_to_json(const OutboxEntry& entry);
Result<OutboxEntry> outbox_entry_from_json(const Json& j);
Json rejections_to_json(const std::vector<Rejection>& rejections);
Result<std::vector<Rejection>> rejections_from_json(const Json& j);

}  // namespace casehub
