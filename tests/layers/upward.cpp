// Compiled by CTest against the store layer's include root: must fail, because the write
// path (core/apply) sits above the store. Its twin downward.cpp must compile.
#include "core/apply/mutation.hpp"
