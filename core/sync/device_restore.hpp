// Reading the replica back from the device store (wasm/platform/device_store.*): the
// stored values are the JSON texts DeviceJournal::to_batch_json wrote. The small parts
// (meta, outbox) make the replica at once; records follow in pages (progressive start).
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"
#include "core/sync/replica.hpp"

namespace casehub {

// `meta` is {"client_id":text,"next_client_seq":n,"cursor":n,"rejections":text} as stored
// (cursor, next_client_seq and rejections may be missing: 0, 1 and none); `outbox` the
// stored outbox values. Error "not_found" when meta has no client_id (nothing stored yet),
// "corrupt" with what is wrong when a value cannot be read.
Result<Replica> replica_from_device(const Json& meta, const std::vector<std::string>& outbox);

// False when meta says a series of pages replacing the stored records was cut off (a tab
// closed during a first load): the stored records then do not match the stored cursor and
// must not be read; replica_from_device already starts such a replica from cursor 0 with
// its stored records cleared, so the next sync loads them again.
bool stored_records_complete(const Json& meta);

// One page of stored record values (each the parsed JSON text), in order. Error "corrupt"
// when one is not a record.
Result<std::vector<Record>> records_from_device(const Json& values);

}  // namespace casehub
