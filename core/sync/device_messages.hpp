// What the agent is told about the device's storage: it refused work, it cannot be read,
// the browser cleared it, it is still loading. English here, one sentence each, as the
// message catalogue's templates (core/i18n/message_catalog.cpp) translate them; the
// client's data layer (wasm/client/data_layer.cpp) shows them. Pure text, no I/O.
#pragma once
#include <cstddef>
#include <string>

namespace casehub {

// The device refused a write: `name` is the browser's error name ("QuotaExceededError",
// "InvalidStateError", ...), `message` its text. Says what happened and what to do.
std::string device_write_refused_message(const std::string& name, const std::string& message);
// The browser refused to open the device store at all (a private window): `error` is
// "<name>: <message>".
std::string device_open_refused_message(const std::string& error);
// The stored data could not be read at start (`error` as above).
std::string device_unreadable_message(const std::string& error);
// The browser evicted the device store since the last visit.
std::string device_cleared_message();
// An edit made while the stored records are still being read.
std::string device_loading_message(std::size_t restored, std::size_t total);

}  // namespace casehub
