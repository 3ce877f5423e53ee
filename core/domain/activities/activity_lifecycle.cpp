// activity.complete / activity.cancel / email.send (see activity_lifecycle.hpp).
#include "core/domain/activities/activity_lifecycle.hpp"

#include <algorithm>

#include "core/apply/mutation_args.hpp"
#include "core/apply/write_path.hpp"
#include "core/schema/schema.hpp"
#include "core/schema/state_model.hpp"
#include "core/base/time.hpp"

namespace casehub {
namespace {

constexpr int kOpen = 0, kCompleted = 1, kCanceled = 2, kScheduled = 3;

int state_of(const Record& r) {
    const Json* v = r.get("statecode");
    return v && v->is_number_integer() ? v->get<int>() : kOpen;
}

std::string activity_name(const Record& r, const EntityDef& def) {
    const Json* s = r.get("subject");
    const std::string subject = s && s->is_string() ? s->get<std::string>() : std::string();
    return def.label.en + (subject.empty() ? "" : " \"" + subject + "\"");
}

struct Found {
    Record record;
    const EntityDef* def = nullptr;
};

Result<Found> find_activity(const ApplyContext& ctx, const std::string& mutation, const std::string& entity,
                            const Json& args) {
    if (!is_activity_entity(entity))
        return make_error("invalid", mutation + " works on emails, tasks, phone calls, appointments and social activities, not \"" +
                                         entity + "\".",
                          "entity");
    auto id = required_string(mutation, args, "id");
    if (!id) return id.error();
    const Record* r = ctx.store().find(entity, *id);
    const EntityDef* def = casehub_schema().entity(entity);
    if (!r || !def)
        return make_error("not_found", "There is no " + entity + " with id " + *id + " (it may have been deleted).", "id");
    return Found{*r, def};
}

Status refuse_closed(const Found& f) {
    if (is_activity_open(f.record)) return {};
    return make_error("invalid_state", activity_name(f.record, *f.def) + " is already " +
                                           (state_of(f.record) == kCanceled ? "canceled." : "completed."));
}

// Moves the activity to `state`/`status`, with `extra` attributes in the same write.
Status close_activity(ApplyContext& ctx, const Found& f, int state, int status, const Json& extra = Json::object()) {
    if (auto s = check_state_transition(*f.def, StatePair{state_of(f.record), 0}, StatePair{state, status}); !s)
        return make_error("invalid_status", s.error().message, "statuscode");
    Record after = f.record;
    for (auto it = extra.begin(); it != extra.end(); ++it) after.attributes[it.key()] = it.value();
    after.attributes["statecode"] = state;
    after.attributes["statuscode"] = status;
    if (!after.get("actualend")) after.attributes["actualend"] = format_utc(ctx.now());
    WriteOptions closing;
    closing.rights.state = true;
    return update_record(ctx, f.record, std::move(after), closing);
}

Status activity_complete(ApplyContext& ctx, const Json& args) {
    const std::string m = "activity.complete";
    if (auto s = check_argument_names(m, args, {"entity", "id", "statuscode", "actualdurationminutes"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto f = find_activity(ctx, m, *entity, args);
    if (!f) return f.error();
    if (auto s = refuse_closed(*f); !s) return s;
    auto status = optional_int(m, args, "statuscode", default_status_for(*f->def, kCompleted).value_or(0));
    if (!status) return status.error();
    auto minutes = optional_int(m, args, "actualdurationminutes", -1);
    if (!minutes) return minutes.error();
    Json extra = Json::object();
    if (*minutes >= 0) extra["actualdurationminutes"] = *minutes;
    return close_activity(ctx, *f, kCompleted, *status, extra);
}

Status activity_cancel(ApplyContext& ctx, const Json& args) {
    const std::string m = "activity.cancel";
    if (auto s = check_argument_names(m, args, {"entity", "id"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto f = find_activity(ctx, m, *entity, args);
    if (!f) return f.error();
    if (auto s = refuse_closed(*f); !s) return s;
    return close_activity(ctx, *f, kCanceled, default_status_for(*f->def, kCanceled).value_or(0));
}

Status email_send(ApplyContext& ctx, const Json& args) {
    const std::string m = "email.send";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto f = find_activity(ctx, m, "email", args);
    if (!f) return f.error();
    const Json* status = f->record.get("statuscode");
    const int st = status && status->is_number_integer() ? status->get<int>() : email_status::draft;
    if (state_of(f->record) != kOpen || (st != email_status::draft && st != email_status::failed))
        return make_error("invalid_state", activity_name(f->record, *f->def) + " has already been sent or closed.");
    const Json* to = f->record.get("torecipients");
    if (!to || !to->is_string() || to->get<std::string>().find_first_not_of(" ;,") == std::string::npos)
        return make_error("missing_field", "Add at least one recipient in To before sending the email.", "torecipients");
    const Json* subject = f->record.get("subject");
    if (!subject || !subject->is_string() || subject->get<std::string>().empty())
        return make_error("missing_field", "Enter a subject before sending the email.", "subject");
    Record after = f->record;
    after.attributes["statecode"] = kCompleted;
    after.attributes["statuscode"] = email_status::pending_send;
    after.attributes["directioncode"] = true;  // outgoing
    WriteOptions sending;
    sending.rights.state = true;
    return update_record(ctx, f->record, std::move(after), sending);
}

}  // namespace

bool is_activity_entity(const std::string& entity) {
    const auto& all = activity_entities();
    return std::find(all.begin(), all.end(), entity) != all.end();
}

bool is_activity_open(const Record& activity) {
    const int s = state_of(activity);
    return s == kOpen || (activity.entity == "appointment" && s == kScheduled);
}

bool is_activity_overdue(const Record& activity, TimestampMs now) {
    if (!is_activity_open(activity)) return false;
    const Json* due = activity.get("scheduledend");
    if (!due || !due->is_string()) return false;
    auto t = parse_utc(due->get<std::string>());
    return t && *t < now;
}

void add_activity_lifecycle(MutationRegistry& registry) {
    registry.add("activity.complete", activity_complete);
    registry.add("activity.cancel", activity_cancel);
    registry.add("email.send", email_send);
}

}  // namespace casehub
