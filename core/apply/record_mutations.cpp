// record.create / record.update / record.delete / record.assign: argument checks and the
// field-level conflict rule (see conflict.hpp and docs/sync.md); the write path does the rest.
#include "core/apply/record_mutations.hpp"

#include <initializer_list>

#include "core/apply/conflict.hpp"
#include "core/apply/mutation_args.hpp"
#include "core/apply/write_path.hpp"
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
    if (ctx.store().find(*entity, *id))
        return make_error("already_exists", "A " + *entity + " with id " + *id + " already exists.", "id");

    Record record{*entity, *id, Json::object()};
    for (auto it = fields->begin(); it != fields->end(); ++it) set_attribute(record.attributes, it.key(), it.value());
    return create_record(ctx, std::move(record));
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
    if (auto s = update_record(ctx, before, std::move(after)); !s) return s;
    const Record written = *ctx.store().find(*entity, *id);  // a copy: conflict writes change the store
    for (const auto& o : overwrites) {
        const Json* winning = written.get(o.attribute);
        if (auto s = keep_overwritten_value(ctx, written, o.attribute, o.losing, winning ? *winning : Json()); !s)
            return s;
    }
    return {};
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
    if (auto s = delete_record(ctx, before); !s) return s;
    if (!edited.empty()) return keep_deleted_record(ctx, before, edited);
    return {};
}

Status record_assign(ApplyContext& ctx, const Json& args) {
    const std::string m = "record.assign";
    if (auto s = check_argument_names(m, args, {"entity", "id", "ownerid"}); !s) return s;
    auto entity = required_string(m, args, "entity");
    if (!entity) return entity.error();
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    const Record* found = ctx.store().find(*entity, *id);
    if (!found) return missing_record(ctx, *entity, *id);
    auto owner = args.find("ownerid");
    return assign_record(ctx, *found, owner == args.end() ? Json() : *owner);
}

}  // namespace

Status assign_record(ApplyContext& ctx, const Record& current, const Json& owner, SystemWork system) {
    if (!owner.is_object() || !owner.contains("entity") || !owner.contains("id") || !owner["entity"].is_string() ||
        !owner["id"].is_string() || (owner["entity"] != "systemuser" && owner["entity"] != "team"))
        return make_error("missing_field", "Choose a user or team to assign the record to.", "ownerid");
    const Record* target = ctx.store().find(owner["entity"].get<std::string>(), owner["id"].get<std::string>());
    if (!target) return make_error("not_found", "That user or team does not exist; choose another one.", "ownerid");
    if (const Json* disabled = target->get("isdisabled"); disabled && disabled->is_boolean() && disabled->get<bool>()) {
        const Json* name = target->get("fullname");
        return make_error("invalid", (name && name->is_string() ? name->get<std::string>() : target->id) +
                                         " is disabled; assign the record to an active user.",
                          "ownerid");
    }
    Record after = current;
    after.attributes["ownerid"] = make_lookup(owner["entity"].get<std::string>(), owner["id"].get<std::string>());
    if (after == current) return {};
    WriteOptions options;
    options.rights.owner = true;
    options.system = system;
    return update_record(ctx, current, std::move(after), options);
}

void add_record_mutations(MutationRegistry& registry) {
    registry.add("record.create", record_create);
    registry.add("record.update", record_update);
    registry.add("record.delete", record_delete);
    registry.add("record.assign", record_assign);
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

Json record_assign_args(const std::string& entity, const std::string& id, const Json& owner) {
    return Json{{"entity", entity}, {"id", id}, {"ownerid", owner}};
}

Json record_delete_args(const Store& view, const std::string& entity, const std::string& id) {
    Json base = Json::object();
    if (const Record* r = view.find(entity, id))
        for (auto it = r->attributes.begin(); it != r->attributes.end(); ++it)
            if (!is_stamped_attribute(it.key()) && !it.value().is_null()) base[it.key()] = it.value();
    return Json{{"entity", entity}, {"id", id}, {"base", base}};
}

}  // namespace casehub
