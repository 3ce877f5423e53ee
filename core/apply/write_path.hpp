// The one write path: every create, change (fields, state, owner) and delete of a record,
// by record.* and by every domain mutation, goes through write_record, which
//   1. fills owner defaults (create) and asks the Policy's field rules (check_fields) about
//      the change the mutation asked for: guarded attributes (FieldGuard in schema.hpp) only
//      with the matching FieldRights, ticket numbers unique;
//   2. stamps createdon/createdby/modifiedon/modifiedby;
//   3. runs the entity's record triggers (before_save), which may add system changes;
//   4. sets owningbusinessunit from the owner (it is never set directly);
//   5. validates against the schema and checks privileges against the current state
//      (check_write), or the named SystemWork opt-out instead;
//   6. writes through the ApplyContext's undo log and runs the after_save triggers.
// ApplyContext::put/remove are private to it, so no feature writes the store by hand.
// Pure core: no I/O.
#pragma once
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/security/sync_policy.hpp"

namespace casehub {

// What a write may do beyond an agent's plain field edit. Defaults: nothing extra.
struct WriteOptions {
    FieldRights rights;                    // guarded fields this mutation may change
    SystemWork system = SystemWork::none;  // a named opt-out from field rules and privileges
};

// The write path itself. `before` is the stored record (nullptr on create; a copy is
// taken, so it may point into the store); `after` the record as the mutation wants it
// (ignored on remove). Fails with the first field-rule, trigger, validation or privilege
// error; the caller's mutation is then rolled back by apply_mutation.
Status write_record(ApplyContext& ctx, WriteKind kind, const Record* before, Record after,
                    const WriteOptions& options = {});

// The three kinds, spelled out.
Status create_record(ApplyContext& ctx, Record record, const WriteOptions& options = {});
Status update_record(ApplyContext& ctx, const Record& before, Record after, const WriteOptions& options = {});
Status delete_record(ApplyContext& ctx, const Record& current, const WriteOptions& options = {});

// True for the attributes the write path stamps (createdon, createdby, modifiedon,
// modifiedby); callers may not set them.
bool is_stamped_attribute(const std::string& attribute);

// The business unit that owns records of `owner` ({"entity":"systemuser"|"team","id"}):
// the owner's businessunitid; "" when the owner is not in the store.
std::string business_unit_of_owner(const Store& store, const Json& owner);

}  // namespace casehub
