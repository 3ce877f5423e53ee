// A form's save as the mutation the write path takes: record.create for a new record
// (every attribute but the stamped ones), record.update of the edits otherwise — checked
// first against the schema with the same rules the server runs (validation.hpp), so the
// agent sees the server's message before the change is queued. Every save of a record
// from the client goes through here (the form's Save, a process stage move). Pure.
#pragma once
#include <string>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"

namespace casehub {

// One mutation: its name and arguments.
struct RecordChange {
    std::string mutation;  // "record.create" or "record.update"
    Json args;
};

// The change that saves `after` (the record with the agent's edits and, when new, its
// defaults applied; `edits` are what the agent changed). Fails with the validation error
// (its `field` names the attribute) — except a lookup to a record this device does not
// hold, which only the server can judge.
Result<RecordChange> record_change_for_save(const Schema& schema, const Store& view, const Record& after, bool is_new,
                                            const Json& edits);

}  // namespace casehub
