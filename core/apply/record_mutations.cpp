// record.create / record.update / record.delete: argument checks, the field-level
// conflict rule (see conflict.hpp and docs/sync.md), validation and privileges.
#include "core/apply/record_mutations.hpp"

#include <initializer_list>

#include "core/apply/conflict.hpp"
#include "core/apply/mutation_args.hpp"
#include "core/base/uuid.hpp"

namespace casehub {
namespace {

Result<Json> object_arg(const std::string& mutation, const Json& args, const char* name, bool required) {
    auto it = args.find(name);
    if (it == args.end() || it->is_null()) {
        if (required) return make_error("missing_field", mutation + " needs \"" + name + "\" (a JSON object).", name);
        return Json::object();
    }
    if (!it->is_object()) return make_error("wrong_type", mutation + ": \"" + name + "\" must be a JSON object.", name);
    return *it;
}

Status check_no_stamped(const Json& fields) {
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (is_stamped_attribute(it.key()))
            return make_error("read_only", "\"" + it.key() + "\" is set by CaseHub itself and cannot be changed.",
                              it.key());
    return {};
}

// Why a record is missing: deleted (by whom, when the server knows) or never there.
Error missing_record(const ApplyContext& ctx, const std::string& entity, const std::string& id) {
    if (ctx.history())
        if (const Tombstone* t = ctx.history()->tombstone(entity, id))
            return make_error("deleted", "This " + entity + " was deleted by " + ctx.user_name(t->user_id) +
                                             "; your change to it was not applied.");
    return make_error("not_found", "There is no " + entity + " with id " + id + " (it may have been deleted).");
}

Status record_create(ApplyContext& ctx, const Json& args) {
    const std::string m = "record.create";
    if (auto s = check_argument_names(m, args, {"entity", "id", "fields"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    if (!is_uuid(*id)) return make_error("wrong_type", "record.create: \"id\" must be a UUID.", "id");
    auto fields = object_arg(m, args, "fields", false);
    if (!fields) return fields.error();
    if (auto s = check_no_stamped(*fields); !s) return s;
    if (ctx.store().find(*entity, *id))
        return make_error("already_exists", "A " + *entity + " with id " + *id + " already exists.", "id");

    Record record{*entity, *id, Json::object()};
    for (auto it = fields->begin(); it != fields->end(); ++it) set_attribute(record.attributes, it.key(), it.value());
    record = ctx.policy().prepare_create(ctx.store(), std::move(record), ctx.user());
    stamp_record(ctx, record, true);
    if (auto s = ctx.before_save(nullptr, record); !s) return s;
    if (auto s = ctx.policy().validate(ctx.store(), record, nullptr); !s) return s;
    if (auto s = ctx.policy().check_create(ctx.store(), ctx.user(), record); !s) return s;
    ctx.put(record);
    return ctx.after_save(nullptr, record);
}

Status record_update(ApplyContext& ctx, const Json& args) {
    const std::string m = "record.update";
    if (auto s = check_argument_names(m, args, {"entity", "id", "fields", "base"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto fields = object_arg(m, args, "fields", true);
    if (!fields) return fields.error();
    auto base = object_arg(m, args, "base", false);
    if (!base) return base.error();
    if (auto s = check_no_stamped(*fields); !s) return s;
    const Record* found = ctx.store().find(*entity, *id);
    if (!found) return missing_record(ctx, *entity, *id);
    const Record before = *found;

    struct Overwrite {
        std::string attribute;
        Json losing;
    };
    std::vector<Overwrite> overwrites;
    Record after = before;
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        const Json* current = before.get(it.key());
        auto b = base->find(it.key());
        const Json* seen = b == base->end() || b->is_null() ? nullptr : &*b;
        const Json* wanted = it.value().is_null() ? nullptr : &it.value();
        // Someone else changed the field since this agent read it, to something else than
        // what this agent wants: this (later) mutation wins, the other value is kept.
        if (!same_value(current, seen) && !same_value(current, wanted)) {
            Overwrite o{it.key(), Json()};  // losing value null when the field had been cleared
            if (current) o.losing = *current;
            overwrites.push_back(std::move(o));
        }
        set_attribute(after.attributes, it.key(), it.value());
    }
    stamp_record(ctx, after, false);
    if (auto s = ctx.before_save(&before, after); !s) return s;
    if (auto s = ctx.policy().validate(ctx.store(), after, &before); !s) return s;
    if (auto s = ctx.policy().check_update(ctx.store(), ctx.user(), before, after); !s) return s;
    ctx.put(after);
    for (const auto& o : overwrites) {
        const Json* winning = after.get(o.attribute);
        keep_overwritten_value(ctx, after, o.attribute, o.losing, winning ? *winning : Json());
    }
    return ctx.after_save(&before, after);
}

Status record_delete(ApplyContext& ctx, const Json& args) {
    const std::string m = "record.delete";
    if (auto s = check_argument_names(m, args, {"entity", "id", "base"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    auto base = object_arg(m, args, "base", false);
    if (!base) return base.error();
    const Record* found = ctx.store().find(*entity, *id);
    if (!found) {
        Error e = missing_record(ctx, *entity, *id);
        if (e.code == "deleted")
            e.message = "This " + *entity + " was already deleted by " +
                        ctx.user_name(ctx.history()->tombstone(*entity, *id)->user_id) + ".";
        return e;
    }
    const Record before = *found;
    if (auto s = ctx.policy().check_delete(ctx.store(), ctx.user(), before); !s) return s;

    // An attribute that differs from what the deleting agent saw was edited by someone
    // else meanwhile: the delete wins and the whole record is kept as a conflict.
    std::string edited;
    for (auto it = before.attributes.begin(); it != before.attributes.end() && edited.empty(); ++it) {
        if (is_stamped_attribute(it.key())) continue;
        auto b = base->find(it.key());
        const Json* seen = b == base->end() ? nullptr : &*b;
        if (!same_value(before.get(it.key()), seen)) edited = it.key();
    }
    for (auto it = base->begin(); it != base->end() && edited.empty(); ++it)
        if (!is_stamped_attribute(it.key()) && !same_value(before.get(it.key()), &it.value())) edited = it.key();
    if (!edited.empty()) keep_deleted_record(ctx, before, edited);
    ctx.remove(*entity, *id);
    return {};
}

}  // namespace

bool is_stamped_attribute(const std::string& attribute) {
    return attribute == "createdon" || attribute == "createdby" || attribute == "modifiedon" ||
           attribute == "modifiedby";
}

void stamp_record(const ApplyContext& ctx, Record& record, bool created) {
    const std::string when = format_utc(ctx.now());
    const Json who = make_lookup("systemuser", ctx.user().user_id);
    if (created) {
        record.attributes["createdon"] = when;
        record.attributes["createdby"] = who;
    }
    record.attributes["modifiedon"] = when;
    record.attributes["modifiedby"] = who;
}

void add_record_mutations(MutationRegistry& registry) {
    registry.add("record.create", record_create);
    registry.add("record.update", record_update);
    registry.add("record.delete", record_delete);
}

Json record_create_args(const std::string& entity, const std::string& id, const Json& fields) {
    return Json{{"entity", entity}, {"id", id}, {"fields", fields}};
}

Json record_update_args(const Store& view, const std::string& entity, const std::string& id, const Json& fields) {
    Json base = Json::object();
    const Record* r = view.find(entity, id);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const Json* v = r ? r->get(it.key()) : nullptr;
        base[it.key()] = v ? *v : Json();
    }
    return Json{{"entity", entity}, {"id", id}, {"fields", fields}, {"base", base}};
}

Json record_delete_args(const Store& view, const std::string& entity, const std::string& id) {
    Json base = Json::object();
    if (const Record* r = view.find(entity, id))
        for (auto it = r->attributes.begin(); it != r->attributes.end(); ++it)
            if (!is_stamped_attribute(it.key()) && !it.value().is_null()) base[it.key()] = it.value();
    return Json{{"entity", entity}, {"id", id}, {"base", base}};
}

}  // namespace casehub
