// Record and query validation against the schema (see validation.hpp).
#include "core/apply/validation.hpp"

#include <string>

#include "core/schema/state_model.hpp"
#include "core/schema/ticket_number.hpp"
#include "core/base/time.hpp"
#include "core/base/uuid.hpp"

namespace casehub {

namespace {

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string join(const std::vector<std::string>& v, const char* last_sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += i + 1 == v.size() ? last_sep : ", ";
        out += v[i];
    }
    return out;
}

Status check_value(const Schema& schema, const Store& store, const EntityDef& e, const AttributeDef& a,
                   const Json& v) {
    const std::string& label = a.label.en.empty() ? a.name : a.label.en;
    auto wrong = [&](const char* expected) {
        return make_error("invalid_type", label + " (" + a.name + ") must be " + expected + "; got " +
                                              std::string(v.type_name()) + ".", a.name);
    };
    switch (a.type) {
        case AttributeType::String:
        case AttributeType::Memo:
            if (!v.is_string()) return wrong("text");
            if (a.max_length && utf8_length(v.get_ref<const std::string&>()) > a.max_length)
                return make_error("too_long", label + " is limited to " + std::to_string(a.max_length) +
                                                  " characters; shorten it.", a.name);
            if (e.name == "incident" && a.name == "ticketnumber" && !is_ticket_number(v.get_ref<const std::string&>()))
                return make_error("invalid_format", "Case Number must look like CAS-01042-X1Y2Z3; got \"" +
                                                        v.get<std::string>() + "\".", a.name);
            return {};
        case AttributeType::Integer:
            return v.is_number_integer() ? Status{} : wrong("a whole number");
        case AttributeType::Decimal:
        case AttributeType::Money:
            return v.is_number() ? Status{} : wrong("a number");
        case AttributeType::Boolean:
            return v.is_boolean() ? Status{} : wrong("true or false");
        case AttributeType::DateTime:
            if (!v.is_string()) return wrong("a UTC date and time such as \"2026-11-24T09:37:38Z\"");
            if (!parse_utc(v.get_ref<const std::string&>()))
                return make_error("invalid_format", label + " must be a UTC date and time such as "
                                                            "\"2026-11-24T09:37:38Z\"; got \"" + v.get<std::string>() + "\".",
                                  a.name);
            return {};
        case AttributeType::OptionSet:
        case AttributeType::StateCode:
        case AttributeType::StatusCode: {
            if (!v.is_number_integer()) return wrong("an option value (integer)");
            if (!a.option(v.get<int>())) {
                std::vector<std::string> allowed;
                for (const auto& o : a.options) allowed.push_back(std::to_string(o.value) + " " + o.label.en);
                const char* code = a.type == AttributeType::StateCode    ? "invalid_state"
                                   : a.type == AttributeType::StatusCode ? "invalid_status"
                                                                      : "invalid_option";
                return make_error(code, std::to_string(v.get<int>()) + " is not a valid " + label + "; use one of " +
                                            join(allowed, " or ") + ".", a.name);
            }
            return {};
        }
        case AttributeType::Lookup:
        case AttributeType::Customer:
        case AttributeType::Owner: {
            if (!v.is_object() || !v.contains("entity") || !v["entity"].is_string() || !v.contains("id") ||
                !v["id"].is_string())
                return wrong("a reference {\"entity\": ..., \"id\": ...}");
            const std::string& target = v["entity"].get_ref<const std::string&>();
            const std::string& id = v["id"].get_ref<const std::string&>();
            bool allowed = false;
            for (const auto& t : a.targets) allowed = allowed || t == target;
            if (!allowed)
                return make_error("invalid_lookup", label + " must point at " + join(a.targets, " or ") + "; got " +
                                                        target + ".", a.name);
            if (!is_uuid(id))
                return make_error("invalid_lookup", label + " has a malformed id \"" + id + "\".", a.name);
            if (!store.find(target, id)) {
                const EntityDef* t = schema.entity(target);
                return make_error("lookup_not_found", label + " points at a " + (t ? t->label.en : target) + " (" + id +
                                                          ") that does not exist or was deleted.", a.name);
            }
            return {};
        }
    }
    return {};
}

}  // namespace

Status validate_record(const Schema& schema, const Store& store, const Record& after, const Record* before) {
    const EntityDef* e = schema.entity(after.entity);
    if (!e) return make_error("unknown_entity", "There is no entity named \"" + after.entity + "\".");
    if (!is_uuid(after.id))
        return make_error("invalid_id", "Record id must be a UUID such as 8f0c...-...; got \"" + after.id + "\".");
    if (!after.attributes.is_object())
        return make_error("invalid_type", "Record attributes must be a JSON object.");
    for (const auto& [name, value] : after.attributes.items()) {
        if (!e->attribute(name))
            return make_error("unknown_attribute", e->label.en + " has no attribute \"" + name + "\".", name);
    }
    for (const auto& a : e->attributes) {
        const Json* v = after.get(a.name);
        if (!v) {
            if (a.required && !a.system)
                return make_error("required", (a.label.en.empty() ? a.name : a.label.en) + " is required.", a.name);
            continue;
        }
        if (auto s = check_value(schema, store, *e, a, *v); !s) return s;
    }
    return check_state_transition(*e, before, after);
}

}  // namespace casehub
