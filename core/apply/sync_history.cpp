// SyncHistory lookups and the JSON form of a record's field writers.
#include "core/apply/sync_history.hpp"

namespace casehub {

std::string record_key(const std::string& entity, const std::string& id) {
    std::string k;
    k.reserve(entity.size() + id.size() + 1);
    k += entity;
    k += '\x1f';
    k += id;
    return k;
}

const FieldWriter* SyncHistory::writer(const std::string& entity, const std::string& id,
                                       const std::string& attribute) const {
    auto r = writers.find(record_key(entity, id));
    if (r == writers.end()) return nullptr;
    auto a = r->second.find(attribute);
    return a == r->second.end() ? nullptr : &a->second;
}

const Tombstone* SyncHistory::tombstone(const std::string& entity, const std::string& id) const {
    auto it = tombstones.find(record_key(entity, id));
    return it == tombstones.end() ? nullptr : &it->second;
}

Json SyncHistory::writers_json(const std::string& entity, const std::string& id) const {
    Json j = Json::object();
    auto r = writers.find(record_key(entity, id));
    if (r == writers.end()) return j;
    for (const auto& [attr, w] : r->second) j[attr] = Json::array({w.mutation_id, w.user_id});
    return j;
}

void SyncHistory::set_writers_json(const std::string& entity, const std::string& id, const Json& j) {
    const auto key = record_key(entity, id);
    if (!j.is_object() || j.empty()) {
        writers.erase(key);
        return;
    }
    auto& m = writers[key];
    m.clear();
    for (auto it = j.begin(); it != j.end(); ++it) {
        const Json& v = it.value();
        if (v.is_array() && v.size() == 2 && v[0].is_string() && v[1].is_string())
            m[it.key()] = FieldWriter{v[0].get<std::string>(), v[1].get<std::string>()};
    }
}

}  // namespace casehub
