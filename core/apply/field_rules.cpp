// Field rules (see field_rules.hpp). Messages say which command changes the field instead.
#include "core/apply/field_rules.hpp"

#include <algorithm>

#include "core/apply/write_path.hpp"

namespace casehub {
namespace {

bool same(const Json* a, const Json* b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
}

int int_of(const Json* v, int fallback) { return v && v->is_number_integer() ? v->get<int>() : fallback; }

const std::string& label_of(const AttributeDef& a) { return a.label.en.empty() ? a.name : a.label.en; }

bool is_activity(const std::string& entity) {
    const auto& all = activity_entities();
    return std::find(all.begin(), all.end(), entity) != all.end();
}

// The state of an entity changes only through its own commands; the sentence names them.
Error state_is_read_only(const EntityDef& e, const AttributeDef& a) {
    const std::string& label = label_of(a);
    if (e.name == "incident")
        return make_error("read_only", label + " is changed only by Resolve Case, Cancel Case or Reactivate; use one of "
                                               "those commands.", a.name);
    if (is_activity(e.name))
        return make_error("read_only", label + " is changed only by Mark Complete or Cancel; use one of those commands.",
                          a.name);
    if (e.name == "knowledgearticle")
        return make_error("read_only", label + " is changed only by the article's lifecycle commands (Submit for Review, "
                                               "Approve, Publish, Update, Archive ...); use one of them.", a.name);
    return make_error("read_only", label + " is changed only by the record's own commands, not by editing it; ask an "
                                           "administrator to change it.", a.name);
}

// A statuscode that moves the record to another state (a status reason of the same state is an edit).
bool moves_state(const EntityDef& e, const Record* before, const Record& after) {
    const Json* status = after.get("statuscode");
    if (!status || !status->is_number_integer()) return false;
    const OptionValue* reason = e.status(status->get<int>());
    if (!reason) return false;  // validation names the unknown value
    const int state = before ? int_of(before->get("statecode"), e.default_state) : e.default_state;
    return reason->state != state;
}

Status check_unique(const Store& store, const EntityDef& e, const AttributeDef& a, const Record& record) {
    const Json* value = record.get(a.name);
    if (!value) return {};
    bool taken = false;
    store.for_each(e.name, [&](const Record& other) {
        if (!taken && other.id != record.id && same(other.get(a.name), value)) taken = true;
    });
    if (!taken) return {};
    const std::string text = value->is_string() ? value->get<std::string>() : value->dump();
    return make_error("already_exists", label_of(a) + " " + text + " is already used by another record; create it with "
                                                                    "another number.", a.name);
}

}  // namespace

Status check_field_rules(const Schema& schema, const Store& store, const WriteRequest& write) {
    if (write.kind == WriteKind::remove || !write.after) return {};
    const Record& after = *write.after;
    const Record* before = write.before;
    const EntityDef* e = schema.entity(after.entity);
    if (!e) return {};  // validation names the unknown entity
    const bool create = write.kind == WriteKind::create;
    const bool system_work = write.system != SystemWork::none;
    for (const AttributeDef& a : e->attributes) {
        if (a.guard == FieldGuard::none) continue;
        const Json* now = after.get(a.name);
        const bool changed = create ? now != nullptr : !same(before ? before->get(a.name) : nullptr, now);
        if (a.guard == FieldGuard::unique_number) {
            if (create || (changed && system_work)) {
                if (auto s = check_unique(store, *e, a, after); !s) return s;
                continue;
            }
            if (changed)
                return make_error("read_only", label_of(a) + " is given once when the record is created and cannot be "
                                                             "changed.", a.name);
            continue;
        }
        if (!changed || system_work) continue;
        switch (a.guard) {
            case FieldGuard::none:
            case FieldGuard::unique_number: break;
            case FieldGuard::stamped: break;  // the write path refuses given stamps itself, whatever the Policy
            case FieldGuard::state:
                if (write.rights.state || write.rights.kept_copy) break;
                if (a.type == AttributeType::StateCode) {
                    if (create && int_of(now, e->default_state) == e->default_state) break;
                    return state_is_read_only(*e, a);
                }
                if (a.type == AttributeType::StatusCode) {
                    if (moves_state(*e, before, after)) return state_is_read_only(*e, a);
                    break;
                }
                return state_is_read_only(*e, a);
            case FieldGuard::owner:
                if (create || write.rights.owner || write.rights.kept_copy) break;
                return make_error("read_only", "Owner changes only through Assign, which needs the Assign privilege; use "
                                               "Assign to hand this record to someone else.", a.name);
            case FieldGuard::owner_business_unit: {
                if (write.rights.owner || write.rights.kept_copy) break;  // the write path sets it from the owner
                const Json* owner = after.get("ownerid");
                const std::string follows = owner ? business_unit_of_owner(store, *owner) : std::string();
                if (create && (follows.empty() || lookup_id_of(after, a.name) == follows)) break;
                return make_error("read_only", "Owning Business Unit follows the owner and cannot be set; assign the "
                                               "record to a user or team of the other business unit instead.", a.name);
            }
            case FieldGuard::sla:
                if (write.rights.kept_copy) break;
                return make_error("read_only", label_of(a) + " is kept by the SLA engine from the case's SLA timers and "
                                                             "cannot be edited.", a.name);
            case FieldGuard::system:
                if (write.rights.kept_copy) break;
                return make_error("read_only", label_of(a) + " is kept by CaseHub's own rules and cannot be edited.",
                                  a.name);
        }
    }
    return {};
}

}  // namespace casehub
