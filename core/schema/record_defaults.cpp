// New-record defaults (see record_defaults.hpp).
#include "core/schema/record_defaults.hpp"

namespace casehub {

bool needs_ticket_number(const Record& record, const EntityDef& entity) {
    return entity.attribute("ticketnumber") != nullptr && !record.get("ticketnumber");
}

void apply_new_record_defaults(Record& record, const EntityDef& entity, const std::string& user_id,
                               const std::optional<std::string>& ticket_number) {
    if (entity.user_owned && !record.get("ownerid") && !user_id.empty())
        record.attributes["ownerid"] = make_lookup("systemuser", user_id);
    if (entity.has_state()) {
        if (!record.get("statecode")) record.attributes["statecode"] = entity.default_state;
        if (!record.get("statuscode")) record.attributes["statuscode"] = entity.default_status;
    }
    if (ticket_number && needs_ticket_number(record, entity)) record.attributes["ticketnumber"] = *ticket_number;
}

}  // namespace casehub
