// Business process flows: a process (a `workflow` record, category 4) is data — ordered
// stages, each with steps naming a field of the record that should be filled. One run of
// a process on a record is a `bpfinstance` (active stage, traversed path, state). At most
// one instance per record is active; the process.* mutations move it. Pure core: no I/O.
//
// `workflow.stages` JSON: [{"id":"<stage id>","name":{"en":..,"fr":..,"id":..},
//                           "steps":[{"attribute":"customerid","required":true}, ...]}, ...]
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"

namespace casehub {

struct ProcessStep {
    std::string attribute;  // logical name of the field on the record
    bool required = false;  // Next Stage refuses while it is empty
    bool operator==(const ProcessStep&) const = default;
};

struct ProcessStage {
    std::string id;  // stable key kept in bpfinstance.activestageid / traversedpath
    Label name;
    std::vector<ProcessStep> steps;
    bool operator==(const ProcessStage&) const = default;
};

struct ProcessDefinition {
    std::string id;      // workflow id
    std::string name;    // "Phone to Case Process"
    std::string entity;  // primary entity: "incident"
    int order = 0;       // processorder: the lowest starts on create
    std::vector<ProcessStage> stages;

    const ProcessStage* stage(const std::string& stage_id) const;  // nullptr if unknown
    int stage_index(const std::string& stage_id) const;            // -1 if unknown
};

// bpfinstance statuscode values.
constexpr int bpf_status_active = 1;
constexpr int bpf_status_finished = 2;
constexpr int bpf_status_aborted = 3;

// The definition a workflow record holds. Errors: not a workflow, malformed or empty stages.
Result<ProcessDefinition> process_from_record(const Record& workflow);
// The `stages` JSON of a definition (what process_from_record reads back).
Json stages_to_json(const std::vector<ProcessStage>& stages);

// Activated processes for `entity`, by processorder then name (malformed ones skipped).
std::vector<ProcessDefinition> processes_for(const Store& store, const std::string& entity);

// The id of the instance of `process_id` on a record: the same on every replica, so
// switching back to a process finds its earlier run.
std::string process_instance_id(const std::string& process_id, const std::string& record_id);

// The record's active instance, or nullptr.
const Record* active_process_instance(const Store& store, const std::string& entity, const std::string& record_id);

// Required steps of `stage` with no value on `record`, in stage order.
std::vector<std::string> missing_required_steps(const ProcessStage& stage, const Record& record);

// The shipped default: "Phone to Case Process" on incident (Identify → Research → Resolve),
// as an activated workflow record with a fixed id.
Record phone_to_case_process_record();
extern const char* const phone_to_case_process_id;

// Registers process.next_stage / previous_stage / switch / abandon / reactivate and the
// trigger starting the first process of an entity when one of its records is created.
void add_business_process_mutations(MutationRegistry& registry);

// Argument builders for the client.
Json process_instance_args(const std::string& instance_id);  // next/previous/abandon/reactivate
Json process_switch_args(const std::string& entity, const std::string& record_id, const std::string& process_id);

}  // namespace casehub
