// Saves as mutations (see record_change.hpp).
#include "core/apply/record_change.hpp"

#include "core/apply/record_mutations.hpp"
#include "core/apply/validation.hpp"

namespace casehub {

Result<RecordChange> record_change_for_save(const Schema& schema, const Store& view, const Record& after, bool is_new,
                                            const Json& edits) {
    const Record* before = is_new ? nullptr : view.find(after.entity, after.id);
    if (auto s = validate_record(schema, view, after, before); !s && s.error().code != "lookup_not_found")
        return s.error();
    if (!is_new) return RecordChange{"record.update", record_update_args(view, after.entity, after.id, edits)};
    Json fields = Json::object();
    for (const auto& [attribute, value] : after.attributes.items())
        if (!is_stamped_attribute(attribute)) fields[attribute] = value;
    return RecordChange{"record.create", record_create_args(after.entity, after.id, fields)};
}

}  // namespace casehub
