// The client's durable local storage: a folder (/casehub) of the in-memory file system
// mirrored to IndexedDB through Emscripten's IDBFS. Loaded once at start (asynchronous),
// written with plain file calls, flushed to IndexedDB ~200 ms after each change and at
// once when the page is hidden or closed. Also asks for persistent storage and keeps an
// epoch marker that shows when the browser threw the local data away.
#pragma once
#include <optional>
#include <string>

namespace casehub::platform {

// Mounts /casehub and starts loading it from IndexedDB. Call once at start.
void mount_local_storage();

// True once the load finished (successfully or not); files may be read from then on.
bool is_local_storage_ready();

// The last IndexedDB error ("" when none): the load or a flush failed.
std::string local_storage_error();

// The text of /casehub/<name>, or nullopt when there is no such file.
std::optional<std::string> read_local_file(const std::string& name);

// Replaces /casehub/<name> (write to a temporary file, then rename) and schedules a
// flush to IndexedDB. False when the file could not be written (quota, no mount).
bool write_local_file(const std::string& name, const std::string& text);

// Removes /casehub/<name> (if present) and schedules a flush.
void remove_local_file(const std::string& name);

// True when every write has reached IndexedDB (no flush pending or running).
bool is_local_storage_flushed();

// Asks navigator.storage.persist() once per browser profile, so the browser does not
// evict the replica under storage pressure. Asynchronous; the answer is only logged.
void request_persistent_storage();

// After the load: makes sure the epoch marker exists, and answers whether local data
// was lost since the last visit (a marker was remembered in localStorage but the
// IndexedDB copy is gone: the browser evicted it or the user cleared site data).
bool local_storage_was_evicted();

}  // namespace casehub::platform
