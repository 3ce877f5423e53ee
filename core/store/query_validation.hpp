// Checking a query (a view, a grid filter, an API request) against the schema before it
// runs, with errors that name the attribute at fault. Pure.
#pragma once
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/store/query.hpp"

namespace casehub {

// Checks that a query names a known entity and known attributes, and that "in" has an
// array. Fails with "unknown_entity", "unknown_attribute" or "invalid_query".
Status validate_query(const Schema& schema, const Query& query);

}  // namespace casehub
