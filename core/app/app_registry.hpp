// The one place that knows every domain module: the registry of every mutation and
// record trigger the client and the server run. A new area registers itself here and
// nowhere else; lower layers never include this file.
#pragma once
#include "core/apply/mutation_registry.hpp"

namespace casehub {

// record.create/update/delete, conflict.restore and every domain module's mutations and
// triggers, in the order their triggers must run.
MutationRegistry make_sync_registry();

}  // namespace casehub
