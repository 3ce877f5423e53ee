// Validation of records and queries against the schema, with errors a person can act
// on ("Customer must point at an account or contact; got queue."). Error.field names
// the attribute. Pure: reads the store only to resolve lookups.
#pragma once
#include "core/store/query.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/store/query_validation.hpp"  // validate_query, for callers of both
#include "core/store/store.hpp"

namespace casehub {

// Checks `after` (the whole record as it would be stored) against its entity:
// unknown entity ("unknown_entity"), id not a UUID ("invalid_id"), unknown attribute
// ("unknown_attribute"), wrong JSON type or malformed value ("invalid_type",
// "invalid_format"), text too long ("too_long"), option not in the set
// ("invalid_option"), required attribute missing ("required"), lookup to a wrong
// entity ("invalid_lookup") or to a record not in `store` ("lookup_not_found"),
// statecode/statuscode pair or transition not allowed ("invalid_state",
// "invalid_status", "invalid_transition"). `before` is nullptr for a create.
// System attributes (createdon, modifiedby, ...) are type-checked but never required.
// Returns the first problem found, attributes in schema order.
Status validate_record(const Schema& schema, const Store& store, const Record& after, const Record* before);

}  // namespace casehub
