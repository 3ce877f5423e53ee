// The device store: the signed-in user's replica in IndexedDB through web/device_store.js
// (records, outbox and meta object stores; one database per user). Writes are batches
// (DeviceJournal::to_batch_json) run in order, one transaction each, their outcome polled
// once per frame; the cold start hands over the head (meta + outbox) and then pages of
// records. Everything is asynchronous: nothing here blocks a frame.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casehub::platform {

// Opens (creating if needed) the user's database and starts reading it. Any store opened
// before is closed once its queued writes are done.
void open_device_store(const std::string& user_id);

// The browser refused the database ("" while opening or open): {name}: {message}, e.g.
// "InvalidStateError: ..." in a private window that refuses IndexedDB.
std::string device_store_open_error();
// An error while reading at start ("" when none).
std::string device_store_read_error();

// {"meta":{...},"outbox":[text...],"recordCount":n} once read (then never again).
std::optional<std::string> take_device_head();
// The next page of stored records as a JSON array text, or nullopt (not read yet or done).
std::optional<std::string> take_device_record_page();
// True when every record page was handed over.
bool device_records_done();

// Queues one batch; returns its ticket. Its outcome comes back from take_device_results().
std::uint64_t write_device_batch(const std::string& batch_json);

struct DeviceWriteResult {
    std::uint64_t ticket = 0;
    bool ok = false;
    std::string error_name;     // "QuotaExceededError", "InvalidStateError", ... when !ok
    std::string error_message;
    double ms = 0;              // from queued to committed (or failed)
    std::size_t bytes = 0;      // keys + values written
};
// Outcomes since the last call, in ticket order. A failure stops the queue: the batches
// behind it fail too, until unblock_device_writes().
std::vector<DeviceWriteResult> take_device_results();
void unblock_device_writes();

// Closes the user's database once its queued writes are done (sign-out).
void close_device_store();

// Calls the exported C function casehub_on_page_hide() (the client defines it) when the
// page is hidden or being unloaded, so pending work is handed to IndexedDB before the tab
// goes away. Call once.
void install_page_hide_listener();

}  // namespace casehub::platform
