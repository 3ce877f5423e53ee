// Stored device values back into a Replica (meta + outbox first, records by pages).
#include "core/sync/device_restore.hpp"

namespace casehub {
namespace {

Error corrupt(const std::string& what) {
    return make_error("corrupt", "The work stored on this device could not be read (" + what + ").");
}

std::int64_t integer_or(const Json& meta, const char* key, std::int64_t fallback) {
    auto it = meta.find(key);
    return it != meta.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

}  // namespace

Result<Replica> replica_from_device(const Json& meta, const std::vector<std::string>& outbox) {
    if (!meta.is_object()) return corrupt("its meta values are not an object");
    auto client_id = meta.find("client_id");
    if (client_id == meta.end()) return make_error("not_found", "Nothing is stored on this device for this user yet.");
    if (!client_id->is_string() || client_id->get_ref<const std::string&>().empty())
        return corrupt("the client id is not text");
    std::vector<OutboxEntry> entries;
    entries.reserve(outbox.size());
    for (const std::string& text : outbox) {
        const Json j = Json::parse(text, nullptr, false);
        if (j.is_discarded()) return corrupt("an outbox entry is not JSON");
        auto e = outbox_entry_from_json(j);
        if (!e) return corrupt(e.error().message);
        entries.push_back(std::move(*e));
    }
    std::vector<Rejection> rejections;
    if (auto r = meta.find("rejections"); r != meta.end() && r->is_string()) {
        const Json j = Json::parse(r->get<std::string>(), nullptr, false);
        auto parsed = j.is_discarded() ? Result<std::vector<Rejection>>(corrupt("the rejections are not JSON"))
                                       : rejections_from_json(j);
        if (!parsed) return corrupt(parsed.error().message);
        rejections = std::move(*parsed);
    }
    Replica replica = Replica::restore(client_id->get<std::string>(), integer_or(meta, "next_client_seq", 1),
                                       integer_or(meta, "cursor", 0), std::move(entries), std::move(rejections));
    if (!stored_records_complete(meta)) replica.discard_stored_records();
    return replica;
}

bool stored_records_complete(const Json& meta) {
    auto it = meta.find("records_complete");
    return it == meta.end() || !it->is_boolean() || it->get<bool>();
}

Result<std::vector<Record>> records_from_device(const Json& values) {
    if (!values.is_array()) return corrupt("a page of records is not a list");
    std::vector<Record> out;
    out.reserve(values.size());
    for (const Json& j : values) {
        if (!j.is_object() || !j.contains("entity") || !j.contains("id") || !j["entity"].is_string() ||
            !j["id"].is_string())
            return corrupt("a stored record is malformed");
        out.push_back(j.get<Record>());
    }
    return out;
}

}  // namespace casehub
