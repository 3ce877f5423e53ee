// Child case fields (see child_case.hpp).
#include "core/domain/cases/child_case.hpp"

#include "core/domain/cases/case_lifecycle.hpp"

namespace casehub {

Json child_case_fields(const Schema& schema, const Record& parent) {
    Json fields{{"title", primary_name_of(schema, parent)},
                {"parentcaseid", make_lookup("incident", parent.id)},
                {"statecode", case_state::active},
                {"statuscode", case_status::in_progress}};
    for (const char* attribute : {"primarycontactid", "subjectid", "prioritycode", "caseorigincode"})
        if (const Json* v = parent.get(attribute)) fields[attribute] = *v;
    return fields;
}

}  // namespace casehub
