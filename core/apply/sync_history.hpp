// SyncHistory: what the server remembers about records beyond their current state —
// which mutation (and user) last wrote each field, and who deleted a record — so a
// conflict can name the change it overwrote and an edit of a deleted record can say
// "deleted by Alex Taylor". Only the server has one; replicas apply without it.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "core/base/record.hpp"

namespace casehub {

struct FieldWriter {
    std::string mutation_id;
    std::string user_id;
    bool operator==(const FieldWriter&) const = default;
};

struct Tombstone {
    std::string user_id;   // who deleted it
    std::int64_t seq = 0;  // the accepted mutation that deleted it
    bool operator==(const Tombstone&) const = default;
};

// Key of a record in the maps below: entity + '\x1f' + id.
std::string record_key(const std::string& entity, const std::string& id);

struct SyncHistory {
    std::map<std::string, std::map<std::string, FieldWriter>> writers;  // record key -> attribute -> writer
    std::map<std::string, Tombstone> tombstones;                        // record key -> deletion

    const FieldWriter* writer(const std::string& entity, const std::string& id, const std::string& attribute) const;
    const Tombstone* tombstone(const std::string& entity, const std::string& id) const;

    // Writers of one record as JSON {attr: [mutation_id, user_id]} (persisted beside it).
    Json writers_json(const std::string& entity, const std::string& id) const;
    void set_writers_json(const std::string& entity, const std::string& id, const Json& j);

    bool operator==(const SyncHistory&) const = default;
};

}  // namespace casehub
