// Record: one row of any entity, addressed by Dataverse logical name and UUID.
// Attributes are a JSON object whose values are typed by the entity's schema
// (see schema.hpp): strings, numbers, booleans, ISO-8601 UTC datetimes as
// strings, option set values as integers, lookups as {"entity":..,"id":..}.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace casehub {

using Json = nlohmann::json;

struct Record {
    std::string entity;  // Dataverse logical name: "incident", "account", ...
    std::string id;      // UUID, made by whoever created the record (client or server)
    Json attributes = Json::object();

    const Json* get(const std::string& attribute) const {
        auto it = attributes.find(attribute);
        return it == attributes.end() || it->is_null() ? nullptr : &*it;
    }
    bool operator==(const Record&) const = default;
};

inline void to_json(Json& j, const Record& r) {
    j = Json{{"entity", r.entity}, {"id", r.id}, {"attributes", r.attributes}};
}
inline void from_json(const Json& j, Record& r) {
    j.at("entity").get_to(r.entity);
    j.at("id").get_to(r.id);
    r.attributes = j.value("attributes", Json::object());
}

// A lookup value: a reference to another record.
inline Json make_lookup(const std::string& entity, const std::string& id) {
    return Json{{"entity", entity}, {"id", id}};
}

// The id a lookup attribute points at; "" when it is empty. A bare id string is read as
// the id too (rules and old payloads write lookups that way).
inline std::string lookup_id_of(const Record& r, const std::string& attribute) {
    const Json* v = r.get(attribute);
    if (!v) return {};
    if (v->is_string()) return v->get<std::string>();
    if (!v->is_object()) return {};
    auto it = v->find("id");
    return it != v->end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The entity a lookup attribute points at ("contact", "systemuser", ...); "" when empty.
inline std::string lookup_entity_of(const Record& r, const std::string& attribute) {
    const Json* v = r.get(attribute);
    if (!v || !v->is_object()) return {};
    auto it = v->find("entity");
    return it != v->end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace casehub
