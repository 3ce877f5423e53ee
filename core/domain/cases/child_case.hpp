// Add Child Case: the new case under a parent, as the hub makes it — the parent's title,
// a link to the parent, and the parent's contact, subject, priority and origin; active
// and In Progress. Owner and ticket number come from the new-record defaults
// (core/schema/record_defaults). Pure.
#pragma once
#include <string>

#include "core/base/record.hpp"
#include "core/schema/schema.hpp"

namespace casehub {

// The fields of a child case of `parent` (an incident), for record.create.
Json child_case_fields(const Schema& schema, const Record& parent);

}  // namespace casehub
