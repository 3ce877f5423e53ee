// Case lifecycle mutations and incident triggers (see case_lifecycle.hpp). Messages name
// the case by its ticket number so the agent knows which one is meant.
#include "core/domain/cases/case_lifecycle.hpp"

#include <algorithm>
#include <set>

#include "core/apply/mutation_args.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"
#include "core/schema/schema.hpp"
#include "core/base/time.hpp"
#include "core/base/uuid.hpp"

namespace casehub {
namespace {

int int_attribute(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

// "CAS-01042-X1Y2Z3", else the title, else "This case".
std::string case_name(const Record& r) {
    for (const char* a : {"ticketnumber", "title"})
        if (const Json* v = r.get(a); v && v->is_string() && !v->get<std::string>().empty())
            return v->get<std::string>();
    return "This case";
}

std::string state_word(const Record& r) {
    return int_attribute(r, "statecode", case_state::active) == case_state::canceled ? "canceled" : "resolved";
}

// The case named by args.id, once the user is known to hold `privilege` on it (checked
// before anything is written, so a refusal names the privilege rather than a side record).
Result<Record> find_case(const ApplyContext& ctx, const std::string& mutation, const Json& args,
                         Privilege privilege = Privilege::Write) {
    auto id = required_string(mutation, args, "id");
    if (!id) return id.error();
    const Record* r = ctx.store().find("incident", *id);
    if (!r) return make_error("not_found", "There is no case with id " + *id + " (it may have been deleted).", "id");
    if (auto s = ctx.policy().check(ctx.store(), ctx.user(), privilege, *r); !s) return s.error();
    return *r;
}

// Attributes that may still change on a resolved or canceled case: the mutation layer's
// stamps, ownership (closed cases can be assigned), the links a merge moves, the state
// itself (reactivation), and the SLA bookkeeping settled when a case closes.
bool is_writable_when_closed(const std::string& a) {
    static const std::set<std::string> writable = {
        "modifiedon", "modifiedby", "ownerid", "owningbusinessunit", "parentcaseid", "masterid", "statecode",
        "statuscode", "resolvedon", "firstresponsebykpiid", "resolvebykpiid", "responseby", "resolveby",
        "firstresponsesent", "isescalated", "escalatedon"};
    return writable.count(a) > 0;
}

Status refuse_edit_of_closed_case(ApplyContext& ctx, const Record* before, Record& record) {
    if (!before) return {};
    const int old_state = int_attribute(*before, "statecode", case_state::active);
    const int new_state = int_attribute(record, "statecode", old_state);
    if (old_state == case_state::active && new_state == case_state::resolved &&
        ctx.mutation().name != "case.resolve")
        return make_error("use_resolve", "Use Resolve Case to resolve " + case_name(*before) +
                                             ": it records the resolution and the time spent.",
                          "statecode");
    if (old_state == case_state::active || new_state == case_state::active) return {};
    auto changed = [&](const std::string& key) {
        const Json* a = before->get(key);
        const Json* b = record.get(key);
        if (!a || !b) return (a == nullptr) != (b == nullptr);
        return *a != *b;
    };
    for (auto it = record.attributes.begin(); it != record.attributes.end(); ++it)
        if (!is_writable_when_closed(it.key()) && changed(it.key()))
            return make_error("read_only", case_name(*before) + " is " + state_word(*before) +
                                               "; reactivate it before editing.",
                              it.key());
    for (auto it = before->attributes.begin(); it != before->attributes.end(); ++it)
        if (!is_writable_when_closed(it.key()) && changed(it.key()))
            return make_error("read_only", case_name(*before) + " is " + state_word(*before) +
                                               "; reactivate it before editing.",
                              it.key());
    return {};
}

// A child case: one level deep, under an active parent, and it takes the parent's
// customer and product when it has none of its own.
Status inherit_from_parent_case(ApplyContext& ctx, const Record* before, Record& record) {
    const std::string parent_id = lookup_id_of(record, "parentcaseid");
    if (parent_id.empty()) return {};
    if (before && lookup_id_of(*before, "parentcaseid") == parent_id) return {};
    if (parent_id == record.id)
        return make_error("invalid", "A case cannot be its own parent case.", "parentcaseid");
    const Record* parent = ctx.store().find("incident", parent_id);
    if (!parent)
        return make_error("not_found", "The parent case no longer exists; choose another parent case.",
                          "parentcaseid");
    if (!lookup_id_of(*parent, "parentcaseid").empty())
        return make_error("invalid", case_name(*parent) + " is itself a child case; a child case cannot have child cases.",
                          "parentcaseid");
    if (!ctx.store().referencing("incident", "parentcaseid", record.id).empty())
        return make_error("invalid", case_name(record) + " has child cases of its own, so it cannot become a child case.",
                          "parentcaseid");
    if (is_case_closed(*parent) && ctx.mutation().name != "case.merge")
        return make_error("read_only", case_name(*parent) + " is " + state_word(*parent) +
                                           "; reactivate it before adding child cases.",
                          "parentcaseid");
    for (const char* a : {"customerid", "productid"})
        if (!record.get(a))
            if (const Json* v = parent->get(a)) record.attributes[a] = *v;
    return {};
}

// What the named state mutations (resolve, cancel, reactivate, merge) may write: the state.
WriteOptions state_change() {
    WriteOptions state;
    state.rights.state = true;
    return state;
}

Status write_case_state(ApplyContext& ctx, const Record& before, Record after) {
    return update_record(ctx, before, std::move(after), state_change());
}

Status case_resolve(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.resolve";
    if (auto s = check_argument_names(m, args, {"id", "subject", "statuscode", "timespent", "description"}); !s)
        return s;
    auto found = find_case(ctx, m, args);
    if (!found) return found.error();
    const Record& before = *found;
    if (is_case_closed(before))
        return make_error("invalid_state", case_name(before) + " is already " + state_word(before) +
                                               (int_attribute(before, "statecode", 0) == case_state::canceled
                                                    ? "; reactivate it before resolving it."
                                                    : "."));
    std::string subject = optional_string(args, "subject");
    subject.erase(0, subject.find_first_not_of(" \t\r\n"));
    if (subject.empty())
        return make_error("missing_field", "Enter a resolution (what solved the case) before resolving it.", "subject");
    auto status = optional_int(m, args, "statuscode", case_status::problem_solved);
    if (!status) return status.error();
    const EntityDef* def = casehub_schema().entity("incident");
    const OptionValue* st = def ? def->status(*status) : nullptr;
    if (!st || st->state != case_state::resolved)
        return make_error("invalid_status", "Choose a resolution type: Problem Solved or Information Provided.",
                          "statuscode");
    auto timespent = optional_int(m, args, "timespent", 0);
    if (!timespent) return timespent.error();
    if (*timespent < 0) return make_error("invalid", "Billable time cannot be negative.", "timespent");

    const auto children = active_child_cases(ctx.store(), before.id);
    if (!children.empty()) {
        std::string names;
        for (std::size_t i = 0; i < children.size() && i < 3; ++i) names += (i ? ", " : "") + case_name(*children[i]);
        if (children.size() > 3) names += ", ...";
        return make_error("active_child_cases",
                          case_name(before) + " has " + std::to_string(children.size()) + " active child case" +
                              (children.size() == 1 ? "" : "s") + " (" + names +
                              "); resolve or cancel them before resolving the parent case.");
    }

    Record resolution{"incidentresolution", ctx.derived_id("incidentresolution"), Json::object()};
    resolution.attributes["subject"] = subject;
    resolution.attributes["incidentid"] = make_lookup("incident", before.id);
    if (auto d = optional_string(args, "description"); !d.empty()) resolution.attributes["description"] = d;
    resolution.attributes["timespent"] = *timespent;
    resolution.attributes["actualend"] = format_utc(ctx.now());
    resolution.attributes["statecode"] = 1;
    resolution.attributes["statuscode"] = 2;
    resolution.attributes["ownerid"] = make_lookup("systemuser", ctx.user().user_id);  // who closed it
    if (auto s = create_record(ctx, std::move(resolution), state_change()); !s) return s;

    Record after = before;
    after.attributes["statecode"] = case_state::resolved;
    after.attributes["statuscode"] = *status;
    after.attributes["resolvedon"] = format_utc(ctx.now());
    after.attributes["resolution"] = subject;
    return write_case_state(ctx, before, std::move(after));
}

Status case_cancel(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.cancel";
    if (auto s = check_argument_names(m, args, {"id", "statuscode"}); !s) return s;
    auto found = find_case(ctx, m, args);
    if (!found) return found.error();
    const Record& before = *found;
    if (is_case_closed(before))
        return make_error("invalid_state", case_name(before) + " is already " + state_word(before) + ".");
    auto status = optional_int(m, args, "statuscode", case_status::canceled);
    if (!status) return status.error();
    if (*status != case_status::canceled)
        return make_error("invalid_status", "A case is canceled with status reason Canceled; merging uses Merged.",
                          "statuscode");
    Record after = before;
    after.attributes["statecode"] = case_state::canceled;
    after.attributes["statuscode"] = *status;
    return write_case_state(ctx, before, std::move(after));
}

Status case_reactivate(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.reactivate";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto found = find_case(ctx, m, args);
    if (!found) return found.error();
    const Record& before = *found;
    if (!is_case_closed(before)) return make_error("invalid_state", case_name(before) + " is already active.");
    if (int_attribute(before, "statuscode", 0) == case_status::merged) {
        std::string into;
        if (const Record* master = ctx.store().find("incident", lookup_id_of(before, "masterid")))
            into = " into " + case_name(*master);
        return make_error("invalid_state", case_name(before) + " was merged" + into +
                                               "; work on the case it was merged into instead.");
    }
    // The resolution that closed it no longer holds (Dataverse cancels it on reopening).
    std::vector<Record> resolutions;
    for (const Record* r : ctx.store().referencing("incidentresolution", "incidentid", before.id))
        if (int_attribute(*r, "statecode", 0) == 1) resolutions.push_back(*r);
    // A system change on the agent's behalf: reopening needs Write on the case only, not on
    // resolutions (a Customer Service Representative may not edit those).
    WriteOptions on_behalf;
    on_behalf.system = SystemWork::case_reactivation;
    for (const Record& r : resolutions) {
        Record canceled = r;
        canceled.attributes["statecode"] = 2;
        canceled.attributes["statuscode"] = 3;
        if (auto s = update_record(ctx, r, std::move(canceled), on_behalf); !s) return s;
    }
    Record after = before;
    after.attributes["statecode"] = case_state::active;
    after.attributes["statuscode"] = case_status::in_progress;
    after.attributes.erase("resolvedon");
    return write_case_state(ctx, before, std::move(after));
}

Status case_set_status(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.set_status";
    if (auto s = check_argument_names(m, args, {"id", "statuscode"}); !s) return s;
    auto found = find_case(ctx, m, args);
    if (!found) return found.error();
    const Record& before = *found;
    auto status = optional_int(m, args, "statuscode", -1);
    if (!status) return status.error();
    const int state = int_attribute(before, "statecode", case_state::active);
    const EntityDef* def = casehub_schema().entity("incident");
    const OptionValue* st = def ? def->status(*status) : nullptr;
    if (!st) return make_error("invalid_status", "Choose a status reason for the case.", "statuscode");
    if (st->state != state)
        return make_error("invalid_status",
                          st->label.en + " is not a status reason of " +
                              (state == case_state::active ? std::string("an active") : "a " + state_word(before)) +
                              " case; use Resolve Case, Cancel Case or Reactivate to change its state.",
                          "statuscode");
    if (state != case_state::active)
        return make_error("read_only", case_name(before) + " is " + state_word(before) + "; reactivate it before editing.",
                          "statuscode");
    Record after = before;
    after.attributes["statuscode"] = *status;
    return update_record(ctx, before, std::move(after));
}

Status case_assign(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.assign";
    if (auto s = check_argument_names(m, args, {"id", "ownerid"}); !s) return s;
    auto found = find_case(ctx, m, args, Privilege::Assign);
    if (!found) return found.error();
    auto owner = args.find("ownerid");
    return assign_record(ctx, *found, owner == args.end() ? Json() : *owner);
}

std::vector<Record> follows_of(const Store& store, const std::string& user_id, const std::string& id) {
    std::vector<Record> out;
    for (const Record* r : store.referencing("postfollow", "regardingobjectid", id))
        if (lookup_id_of(*r, "ownerid") == user_id) out.push_back(*r);
    return out;
}

Status case_follow(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.follow";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto found = find_case(ctx, m, args, Privilege::Read);
    if (!found) return found.error();
    if (!follows_of(ctx.store(), ctx.user().user_id, found->id).empty()) return {};  // already following
    Record follow{"postfollow", ctx.derived_id("postfollow"), Json::object()};
    follow.attributes["regardingobjectid"] = make_lookup("incident", found->id);
    follow.attributes["ownerid"] = make_lookup("systemuser", ctx.user().user_id);
    return create_record(ctx, std::move(follow));
}

Status case_unfollow(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.unfollow";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    // Unfollowing works even when the case is gone: the follow must not outlive it.
    for (const Record& f : follows_of(ctx.store(), ctx.user().user_id, *id))
        if (auto s = delete_record(ctx, f); !s) return s;
    return {};
}

// Points every record of `entity` whose `attribute` is `from` at the case `to`.
Status move_links(ApplyContext& ctx, const std::string& entity, const char* attribute, const std::string& from,
                  const std::string& to) {
    std::vector<Record> linked;
    for (const Record* r : ctx.store().referencing(entity, attribute, from)) linked.push_back(*r);
    for (const Record& r : linked) {
        Record moved = r;
        moved.attributes[attribute] = make_lookup("incident", to);
        if (auto s = update_record(ctx, r, std::move(moved)); !s) return s;
    }
    return {};
}

Status case_merge(ApplyContext& ctx, const Json& args) {
    const std::string m = "case.merge";
    if (auto s = check_argument_names(m, args, {"id", "merge"}); !s) return s;
    auto found = find_case(ctx, m, args);
    if (!found) return found.error();
    const Record surviving = *found;
    auto list = args.find("merge");
    if (list == args.end() || !list->is_array() || list->empty())
        return make_error("missing_field", "Choose at least one other case to merge into " + case_name(surviving) + ".",
                          "merge");
    if (is_case_closed(surviving))
        return make_error("invalid_state", case_name(surviving) + " is " + state_word(surviving) +
                                               "; only active cases can be merged.");
    std::set<std::string> seen;
    for (const Json& item : *list) {
        if (!item.is_string()) return make_error("wrong_type", "case.merge: \"merge\" lists case ids.", "merge");
        const std::string id = item.get<std::string>();
        if (id == surviving.id || !seen.insert(id).second) continue;
        const Record* sub = ctx.store().find("incident", id);
        if (!sub) return make_error("not_found", "A case to merge no longer exists (it may have been deleted).", "merge");
        if (auto s = ctx.policy().check(ctx.store(), ctx.user(), Privilege::Write, *sub); !s) return s;
        const Record before = *sub;
        if (is_case_closed(before))
            return make_error("invalid_state", case_name(before) + " is " + state_word(before) +
                                                   "; only active cases can be merged.");
        if (lookup_id_of(before, "customerid") != lookup_id_of(surviving, "customerid"))
            return make_error("invalid", case_name(before) + " is for another customer than " + case_name(surviving) +
                                             "; only cases of the same customer can be merged.",
                              "merge");
        for (const std::string& activity : activity_entities())
            if (auto s = move_links(ctx, activity, "regardingobjectid", id, surviving.id); !s) return s;
        if (auto s = move_links(ctx, "annotation", "objectid", id, surviving.id); !s) return s;
        if (auto s = move_links(ctx, "incident", "parentcaseid", id, surviving.id); !s) return s;
        const Record* current = ctx.store().find("incident", id);  // a moved child may have been this one's
        const Record fresh = current ? *current : before;
        Record merged = fresh;
        merged.attributes["statecode"] = case_state::canceled;
        merged.attributes["statuscode"] = case_status::merged;
        merged.attributes["masterid"] = make_lookup("incident", surviving.id);
        if (auto s = write_case_state(ctx, fresh, std::move(merged)); !s) return s;
    }
    if (seen.empty() || (seen.size() == 1 && seen.count(surviving.id)))
        return make_error("missing_field", "Choose at least one other case to merge into " + case_name(surviving) + ".",
                          "merge");
    return {};
}

}  // namespace

bool is_case_closed(const Record& incident) {
    return int_attribute(incident, "statecode", case_state::active) != case_state::active;
}

std::vector<const Record*> active_child_cases(const Store& store, const std::string& case_id) {
    std::vector<const Record*> out;
    for (const Record* r : store.referencing("incident", "parentcaseid", case_id))
        if (!is_case_closed(*r)) out.push_back(r);
    return out;
}

bool is_following(const Store& store, const std::string& user_id, const std::string& entity, const std::string& id) {
    for (const Record* r : store.referencing("postfollow", "regardingobjectid", id)) {
        const Json* regarding = r->get("regardingobjectid");
        if (regarding && regarding->is_object() && regarding->value("entity", std::string()) == entity &&
            lookup_id_of(*r, "ownerid") == user_id)
            return true;
    }
    return false;
}

void add_case_lifecycle(MutationRegistry& registry) {
    registry.add("case.resolve", case_resolve);
    registry.add("case.cancel", case_cancel);
    registry.add("case.reactivate", case_reactivate);
    registry.add("case.set_status", case_set_status);
    registry.add("case.assign", case_assign);
    registry.add("case.follow", case_follow);
    registry.add("case.unfollow", case_unfollow);
    registry.add("case.merge", case_merge);
    registry.add_trigger(RecordTrigger{"incident", "incident.read_only_when_closed", refuse_edit_of_closed_case, {}});
    registry.add_trigger(RecordTrigger{"incident", "incident.parent_child", inherit_from_parent_case, {}});
}

Json case_resolve_args(const std::string& id, const std::string& subject, int statuscode, int timespent_minutes,
                       const std::string& description) {
    Json args{{"id", id}, {"subject", subject}, {"statuscode", statuscode}, {"timespent", timespent_minutes}};
    if (!description.empty()) args["description"] = description;
    return args;
}

Json case_merge_args(const std::string& surviving_id, const std::vector<std::string>& merged_ids) {
    return Json{{"id", surviving_id}, {"merge", merged_ids}};
}

}  // namespace casehub
