// validate_query: entity, attributes of conditions (nested groups too) and sort columns.
#include "core/store/query_validation.hpp"

namespace casehub {
namespace {

Status check_filter(const EntityDef& e, const Filter& f) {
    for (const auto& c : f.conditions) {
        if (c.attribute != "id" && !e.attribute(c.attribute))
            return make_error("unknown_attribute", e.name + " has no attribute \"" + c.attribute + "\".", c.attribute);
        if (c.op == Op::In && !c.value.is_array())
            return make_error("invalid_query", "\"in\" on " + c.attribute + " needs an array of values.", c.attribute);
    }
    for (const auto& sub : f.filters)
        if (auto s = check_filter(e, sub); !s) return s;
    return {};
}

}  // namespace

Status validate_query(const Schema& schema, const Query& query) {
    const EntityDef* e = schema.entity(query.entity);
    if (!e) return make_error("unknown_entity", "There is no entity named \"" + query.entity + "\".", "entity");
    if (auto s = check_filter(*e, query.filter); !s) return s;
    for (const auto& s : query.sort)
        if (!e->attribute(s.attribute))
            return make_error("unknown_attribute", e->name + " has no attribute \"" + s.attribute + "\" to sort on.",
                              s.attribute);
    return {};
}

}  // namespace casehub
