// Compiled by CTest against the store layer's include root: must compile (schema is below
// the store). Proves the upward.cpp failure comes from the direction, not the command.
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"
