// Business process flows: reading definitions from workflow records, the process.*
// mutations and the start-on-create trigger. Permission to move a record's process is
// permission to change the record (Write on it), as on the hub's process bar.
#include "core/domain/process/business_process.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/apply/mutation_args.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"
#include "core/base/time.hpp"

namespace casehub {

const char* const phone_to_case_process_id = "0ffbcde4-61c1-4355-aa89-aa1d7b2b8792";

namespace {

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> out;
    std::string part;
    for (char c : path) {
        if (c == ',') {
            if (!part.empty()) out.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    if (!part.empty()) out.push_back(part);
    return out;
}

std::string join_path(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ",") + p;
    return out;
}

std::string record_label(const Record& record) {
    std::string number = string_attr(record, "ticketnumber");
    if (!number.empty()) return number;
    std::string name = primary_name_of(casehub_schema(), record);
    return name.empty() ? "This " + record.entity : name;
}

std::string attribute_label(const std::string& entity, const std::string& attribute) {
    if (const EntityDef* e = casehub_schema().entity(entity))
        if (const AttributeDef* a = e->attribute(attribute)) return a->label.en;
    return attribute;
}

// "Subject", "Subject and Product", "Subject, Product and Resolution".
std::string list_labels(const std::string& entity, const std::vector<std::string>& attributes) {
    std::string out;
    for (std::size_t i = 0; i < attributes.size(); ++i) {
        if (i > 0) out += i + 1 == attributes.size() ? " and " : ", ";
        out += attribute_label(entity, attributes[i]);
    }
    return out;
}

// An instance with everything a move needs: its process and the record it runs on.
struct Loaded {
    Record instance;
    ProcessDefinition process;
    const Record* record = nullptr;
};

Result<Loaded> load_instance(ApplyContext& ctx, const std::string& mutation, const Json& args) {
    if (auto s = check_argument_names(mutation, args, {"id"}); !s) return s.error();
    auto id = required_string(mutation, args, "id");
    if (!id) return id.error();
    const Record* instance = ctx.store().find("bpfinstance", *id);
    if (!instance) return make_error("not_found", "This process is no longer on the record; reload and try again.", "id");
    Loaded out;
    out.instance = *instance;
    const Record* workflow = ctx.store().find("workflow", lookup_id_of(*instance, "processid"));
    if (!workflow) return make_error("not_found", "The process of this record was deleted; switch to another process.");
    auto def = process_from_record(*workflow);
    if (!def) return def.error();
    out.process = std::move(*def);
    const Json* regarding = instance->get("regardingobjectid");
    if (regarding && regarding->is_object())
        out.record = ctx.store().find(regarding->value("entity", std::string()), regarding->value("id", std::string()));
    if (!out.record) return make_error("not_found", "The record this process runs on no longer exists.");
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, *out.record); !s) return s.error();
    return out;
}

// A process only moves on an open record (a resolved case is read-only until reactivated).
Status require_open_record(const Record& record) {
    if (int_attr(record, "statecode", 0) != 0)
        return make_error("read_only", record_label(record) + " is closed; reactivate it before moving its process.");
    return {};
}

Status require_active(const Loaded& l) {
    if (int_attr(l.instance, "statecode", 0) != 0)
        return make_error("inactive_process", "The " + l.process.name +
                                                  " is not active on this record; reactivate it or switch process first.");
    return {};
}

// Process instances are the process's bookkeeping on a record the agent may Write (checked
// by load_instance / switch_process): system work, validated and stamped.
Status save_instance(ApplyContext& ctx, Record instance, bool created) {
    WriteOptions bookkeeping;
    bookkeeping.system = SystemWork::process_instance;
    if (created) return create_record(ctx, std::move(instance), bookkeeping);
    const Record* stored = ctx.store().find(instance.entity, instance.id);
    if (!stored) return create_record(ctx, std::move(instance), bookkeeping);
    return update_record(ctx, *stored, std::move(instance), bookkeeping);
}

Record new_instance(ApplyContext& ctx, const ProcessDefinition& process, const Record& record) {
    Record r{"bpfinstance", process_instance_id(process.id, record.id), Json::object()};
    const std::string first = process.stages.front().id;
    r.attributes["name"] = process.name;
    r.attributes["processid"] = make_lookup("workflow", process.id);
    r.attributes["regardingobjectid"] = make_lookup(record.entity, record.id);
    r.attributes["activestageid"] = first;
    r.attributes["activestagestartedon"] = format_utc(ctx.now());
    r.attributes["traversedpath"] = first;
    r.attributes["statecode"] = 0;
    r.attributes["statuscode"] = bpf_status_active;
    return r;
}

void set_inactive(Record& instance, int status, TimestampMs now) {
    instance.attributes["statecode"] = 1;
    instance.attributes["statuscode"] = status;
    instance.attributes["completedon"] = format_utc(now);
}

void set_active(Record& instance) {
    instance.attributes["statecode"] = 0;
    instance.attributes["statuscode"] = bpf_status_active;
    instance.attributes["completedon"] = nullptr;
}

// Aborts the record's active instance other than `keep_id` (one active process per record).
Status abort_other_active(ApplyContext& ctx, const Record& record, const std::string& keep_id) {
    const Record* active = active_process_instance(ctx.store(), record.entity, record.id);
    if (!active || active->id == keep_id) return {};
    Record other = *active;
    set_inactive(other, bpf_status_aborted, ctx.now());
    return save_instance(ctx, std::move(other), false);
}

Status next_stage(ApplyContext& ctx, const Json& args) {
    auto l = load_instance(ctx, "process.next_stage", args);
    if (!l) return l.error();
    if (auto s = require_active(*l); !s) return s;
    if (auto s = require_open_record(*l->record); !s) return s;
    const std::string current = string_attr(l->instance, "activestageid");
    const int index = l->process.stage_index(current);
    if (index < 0) return make_error("bad_stage", "The active stage is not part of " + l->process.name + " any more; switch process.");
    const ProcessStage& stage = l->process.stages[static_cast<std::size_t>(index)];
    const auto missing = missing_required_steps(stage, *l->record);
    if (!missing.empty())
        return make_error("missing_steps", "Fill in " + list_labels(l->record->entity, missing) + " before leaving the " +
                                               stage.name.en + " stage.",
                          missing.front());
    Record instance = l->instance;
    if (static_cast<std::size_t>(index) + 1 == l->process.stages.size()) {
        set_inactive(instance, bpf_status_finished, ctx.now());  // Next Stage on the last one is Finish
    } else {
        const std::string next = l->process.stages[static_cast<std::size_t>(index) + 1].id;
        auto path = split_path(string_attr(instance, "traversedpath"));
        path.push_back(next);
        instance.attributes["activestageid"] = next;
        instance.attributes["activestagestartedon"] = format_utc(ctx.now());
        instance.attributes["traversedpath"] = join_path(path);
    }
    return save_instance(ctx, std::move(instance), false);
}

Status previous_stage(ApplyContext& ctx, const Json& args) {
    auto l = load_instance(ctx, "process.previous_stage", args);
    if (!l) return l.error();
    if (auto s = require_active(*l); !s) return s;
    if (auto s = require_open_record(*l->record); !s) return s;
    auto path = split_path(string_attr(l->instance, "traversedpath"));
    if (path.size() < 2) return make_error("first_stage", "This is the first stage of " + l->process.name + ".");
    path.pop_back();
    Record instance = l->instance;
    instance.attributes["activestageid"] = path.back();
    instance.attributes["activestagestartedon"] = format_utc(ctx.now());
    instance.attributes["traversedpath"] = join_path(path);
    return save_instance(ctx, std::move(instance), false);
}

Status abandon(ApplyContext& ctx, const Json& args) {
    auto l = load_instance(ctx, "process.abandon", args);
    if (!l) return l.error();
    if (auto s = require_active(*l); !s) return s;
    Record instance = l->instance;
    set_inactive(instance, bpf_status_aborted, ctx.now());
    return save_instance(ctx, std::move(instance), false);
}

Status reactivate(ApplyContext& ctx, const Json& args) {
    auto l = load_instance(ctx, "process.reactivate", args);
    if (!l) return l.error();
    if (int_attr(l->instance, "statecode", 0) == 0)
        return make_error("already_active", "The " + l->process.name + " is already active on this record.");
    if (auto s = require_open_record(*l->record); !s) return s;
    if (auto s = abort_other_active(ctx, *l->record, l->instance.id); !s) return s;
    Record instance = l->instance;
    set_active(instance);
    return save_instance(ctx, std::move(instance), false);
}

Status switch_process(ApplyContext& ctx, const Json& args) {
    const std::string m = "process.switch";
    if (auto s = check_argument_names(m, args, {"entity", "id", "processid"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto process_id = required_string(m, args, "processid");
    if (!process_id) return process_id.error();
    const Record* record = ctx.store().find(*entity, *id);
    if (!record) return make_error("not_found", "There is no " + *entity + " with id " + *id + ".", "id");
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, *record); !s) return s;
    if (auto s = require_open_record(*record); !s) return s;
    const Record* workflow = ctx.store().find("workflow", *process_id);
    if (!workflow) return make_error("not_found", "That process no longer exists.", "processid");
    auto def = process_from_record(*workflow);
    if (!def) return def.error();
    if (def->entity != *entity)
        return make_error("wrong_entity", def->name + " runs on " + def->entity + " records, not " + *entity + ".",
                          "processid");
    if (int_attr(*workflow, "statecode", 0) != 1)
        return make_error("inactive_process", def->name + " is not activated.", "processid");
    const std::string instance_id = process_instance_id(def->id, record->id);
    if (auto s = abort_other_active(ctx, *record, instance_id); !s) return s;
    if (const Record* earlier = ctx.store().find("bpfinstance", instance_id)) {
        // Back to a process run before: it resumes where it was.
        Record instance = *earlier;
        if (int_attr(instance, "statecode", 0) == 0) return {};
        set_active(instance);
        return save_instance(ctx, std::move(instance), false);
    }
    return save_instance(ctx, new_instance(ctx, *def, *record), true);
}

// Starts the first activated process of the entity on a record just created.
Status start_on_create(ApplyContext& ctx, const Record* before, const Record& record) {
    if (before) return {};
    if (active_process_instance(ctx.store(), record.entity, record.id)) return {};
    const auto processes = processes_for(ctx.store(), record.entity);
    if (processes.empty()) return {};
    return save_instance(ctx, new_instance(ctx, processes.front(), record), true);
}

}  // namespace

const ProcessStage* ProcessDefinition::stage(const std::string& stage_id) const {
    const int i = stage_index(stage_id);
    return i < 0 ? nullptr : &stages[static_cast<std::size_t>(i)];
}

int ProcessDefinition::stage_index(const std::string& stage_id) const {
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i].id == stage_id) return static_cast<int>(i);
    return -1;
}

Result<ProcessDefinition> process_from_record(const Record& workflow) {
    if (workflow.entity != "workflow") return make_error("wrong_type", "A process is a workflow record.");
    ProcessDefinition def;
    def.id = workflow.id;
    def.name = string_attr(workflow, "name");
    def.entity = string_attr(workflow, "primaryentity");
    def.order = int_attr(workflow, "processorder", 0);
    const std::string text = string_attr(workflow, "stages");
    const Json stages = Json::parse(text, nullptr, false);
    const std::string bad = "The process \"" + def.name + "\" has malformed stages: ";
    if (stages.is_discarded() || !stages.is_array() || stages.empty())
        return make_error("bad_process", bad + "expected a non-empty JSON array.", "stages");
    for (const Json& s : stages) {
        if (!s.is_object() || !s.contains("id") || !s["id"].is_string() || s["id"].get<std::string>().empty())
            return make_error("bad_process", bad + "every stage needs an \"id\".", "stages");
        ProcessStage stage;
        stage.id = s["id"].get<std::string>();
        if (s.contains("name") && s["name"].is_object()) from_json(s["name"], stage.name);
        if (stage.name.en.empty()) stage.name.en = stage.id;
        if (s.contains("steps")) {
            if (!s["steps"].is_array()) return make_error("bad_process", bad + "\"steps\" must be an array.", "stages");
            for (const Json& st : s["steps"]) {
                if (!st.is_object() || !st.contains("attribute") || !st["attribute"].is_string())
                    return make_error("bad_process", bad + "every step needs an \"attribute\".", "stages");
                ProcessStep step;
                step.attribute = st["attribute"].get<std::string>();
                step.required = st.contains("required") && st["required"].is_boolean() && st["required"].get<bool>();
                stage.steps.push_back(std::move(step));
            }
        }
        if (def.stage(stage.id)) return make_error("bad_process", bad + "stage \"" + stage.id + "\" appears twice.", "stages");
        def.stages.push_back(std::move(stage));
    }
    return def;
}

Json stages_to_json(const std::vector<ProcessStage>& stages) {
    Json out = Json::array();
    for (const auto& s : stages) {
        Json steps = Json::array();
        for (const auto& st : s.steps) steps.push_back(Json{{"attribute", st.attribute}, {"required", st.required}});
        Json name;
        to_json(name, s.name);
        out.push_back(Json{{"id", s.id}, {"name", name}, {"steps", steps}});
    }
    return out;
}

std::vector<ProcessDefinition> processes_for(const Store& store, const std::string& entity) {
    std::vector<ProcessDefinition> out;
    store.for_each("workflow", [&](const Record& w) {
        if (int_attr(w, "statecode", 0) != 1 || string_attr(w, "primaryentity") != entity) return;
        if (auto def = process_from_record(w)) out.push_back(std::move(*def));
    });
    std::sort(out.begin(), out.end(), [](const ProcessDefinition& a, const ProcessDefinition& b) {
        if (a.order != b.order) return a.order < b.order;
        if (a.name != b.name) return a.name < b.name;
        return a.id < b.id;
    });
    return out;
}

std::string process_instance_id(const std::string& process_id, const std::string& record_id) {
    return uuid_from_text("bpfinstance:" + process_id + ":" + record_id);
}

const Record* active_process_instance(const Store& store, const std::string& entity, const std::string& record_id) {
    for (const Record* r : store.referencing("bpfinstance", "regardingobjectid", record_id)) {
        const Json* reg = r->get("regardingobjectid");
        if (reg && reg->value("entity", std::string()) == entity && int_attr(*r, "statecode", 0) == 0) return r;
    }
    return nullptr;
}

std::vector<std::string> missing_required_steps(const ProcessStage& stage, const Record& record) {
    std::vector<std::string> out;
    for (const auto& step : stage.steps) {
        if (!step.required) continue;
        const Json* v = record.get(step.attribute);
        const bool empty = !v || (v->is_string() && v->get<std::string>().empty());
        if (empty) out.push_back(step.attribute);
    }
    return out;
}

Record phone_to_case_process_record() {
    // Stage ids are those of the Dataverse "Phone to Case Process".
    std::vector<ProcessStage> stages = {
        {"15322a8f-67b8-47fb-8763-13a28686c29d",
         {"Identify", "Identifier", "Identifikasi"},
         {{"customerid", true}, {"title", true}, {"primarycontactid", false}, {"caseorigincode", false}}},
        {"92a6721b-d465-4d36-aef7-e8822d7a5a6a",
         {"Research", "Rechercher", "Riset"},
         {{"subjectid", true}, {"productid", false}, {"description", false}}},
        {"356ecd08-43c3-4585-ae94-6053984bc0a9",
         {"Resolve", "Résoudre", "Selesaikan"},
         {{"resolution", true}}},
    };
    Record r{"workflow", phone_to_case_process_id, Json::object()};
    r.attributes["name"] = "Phone to Case Process";
    r.attributes["primaryentity"] = "incident";
    r.attributes["category"] = 4;
    r.attributes["processorder"] = 1;
    r.attributes["stages"] = stages_to_json(stages).dump();
    r.attributes["description"] = "Identify the customer and the case, research it, resolve it.";
    r.attributes["statecode"] = 1;
    r.attributes["statuscode"] = 2;
    return r;
}

void add_business_process_mutations(MutationRegistry& registry) {
    registry.add("process.next_stage", next_stage);
    registry.add("process.previous_stage", previous_stage);
    registry.add("process.switch", switch_process);
    registry.add("process.abandon", abandon);
    registry.add("process.reactivate", reactivate);
    RecordTrigger start;
    start.entity = "incident";
    start.name = "incident.business_process";
    start.after_save = start_on_create;
    registry.add_trigger(std::move(start));
}

Json process_instance_args(const std::string& instance_id) { return Json{{"id", instance_id}}; }

Json process_switch_args(const std::string& entity, const std::string& record_id, const std::string& process_id) {
    return Json{{"entity", entity}, {"id", record_id}, {"processid", process_id}};
}

}  // namespace casehub
