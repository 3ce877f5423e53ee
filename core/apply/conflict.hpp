// Conflicts: when a mutation overwrites a field someone else changed since its author
// read it (or deletes a record someone else edited), the later mutation wins and the
// overwritten value is kept in a "syncconflict" record on the same record, which both
// agents see and can restore ("conflict.restore"). The rule is documented in docs/sync.md.
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/store/store.hpp"

namespace casehub {

inline constexpr const char* conflict_entity = "syncconflict";

// Attribute values compare equal when both are absent/null or both are equal JSON.
bool same_value(const Json* a, const Json* b);

// Sets `attribute` in `attributes`; a null value removes it (one canonical form for
// "empty", so stores dump to the same bytes however the value was cleared).
void set_attribute(Json& attributes, const std::string& attribute, const Json& value);

// Writes a syncconflict record keeping `losing`, the value of `attribute` on `regarding`
// that the current mutation overwrites with `winning`. Its id is derived from the
// mutation id and the attribute, so replica and server make the same record. Written
// through the write path as SystemWork::conflict_record.
Status keep_overwritten_value(ApplyContext& ctx, const Record& regarding, const std::string& attribute,
                              const Json& losing, const Json& winning);

// Writes a syncconflict record (attributename "") keeping the whole record the current
// mutation deletes although someone else edited it; `edited_attribute` is one of the
// attributes edited (names the losing writer when the server knows it).
Status keep_deleted_record(ApplyContext& ctx, const Record& deleted, const std::string& edited_attribute);

// The conflict records kept on a record (resolved ones too), oldest first.
std::vector<Record> conflicts_on(const Store& store, const std::string& entity, const std::string& id);

// conflict.restore {id}: puts the kept value back (or re-creates a deleted record) and
// marks the conflict resolved. Rejected when it is already resolved or the record is gone.
void add_conflict_mutations(MutationRegistry& registry);

}  // namespace casehub
