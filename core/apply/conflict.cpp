// Conflict records (entity "syncconflict") and conflict.restore.
#include "core/apply/conflict.hpp"

#include <algorithm>

#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"

namespace casehub {
namespace {

void copy_ownership(const Record& from, Record& to) {
    for (const char* a : {"ownerid", "owningbusinessunit"})
        if (const Json* v = from.get(a)) to.attributes[a] = *v;
}

Record make_conflict(ApplyContext& ctx, const Record& regarding, const std::string& attribute, const Json& losing,
                     const Json& winning) {
    Record c{conflict_entity,
             ctx.derived_id("conflict\x1f" + regarding.entity + "\x1f" + regarding.id + "\x1f" + attribute),
             Json::object()};
    auto& a = c.attributes;
    a["name"] = attribute.empty() ? "Deleted while someone else was editing it" : "Concurrent change to " + attribute;
    a["regardingobjectid"] = make_lookup(regarding.entity, regarding.id);
    a["attributename"] = attribute;
    a["losingvalue"] = losing.dump();
    a["winningvalue"] = winning.dump();
    if (ctx.history())
        if (const FieldWriter* w = ctx.history()->writer(regarding.entity, regarding.id,
                                                         attribute.empty() ? std::string() : attribute)) {
            a["losingmutationid"] = w->mutation_id;
            a["losinguserid"] = make_lookup("systemuser", w->user_id);
        }
    a["winningmutationid"] = ctx.mutation().id;
    a["winninguserid"] = make_lookup("systemuser", ctx.user().user_id);
    a["isresolved"] = false;
    copy_ownership(regarding, c);
    return c;
}

// Conflict records are sync's own bookkeeping: written as system work, whoever's change won.
Status save_conflict(ApplyContext& ctx, Record conflict) {
    WriteOptions system;
    system.system = SystemWork::conflict_record;
    if (const Record* existing = ctx.store().find(conflict.entity, conflict.id))
        return update_record(ctx, *existing, std::move(conflict), system);
    return create_record(ctx, std::move(conflict), system);
}

Status conflict_restore(ApplyContext& ctx, const Json& args) {
    if (!args.is_object() || args.size() != 1 || !args.contains("id") || !args["id"].is_string())
        return make_error("wrong_type", "conflict.restore takes exactly {\"id\": \"<syncconflict id>\"}.", "id");
    const std::string id = args["id"].get<std::string>();
    const Record* found = ctx.store().find(conflict_entity, id);
    if (!found) return make_error("not_found", "There is no conflict with id " + id + ".", "id");
    Record conflict = *found;
    if (const Json* r = conflict.get("isresolved"); r && r->is_boolean() && r->get<bool>())
        return make_error("already_resolved", "This conflict was already restored.");
    const Json* regarding = conflict.get("regardingobjectid");
    const Json* attribute = conflict.get("attributename");
    const Json* losing_text = conflict.get("losingvalue");
    const Json* winning_text = conflict.get("winningvalue");
    if (!regarding || !regarding->is_object() || !regarding->contains("entity") || !regarding->contains("id") ||
        !(*regarding)["entity"].is_string() || !(*regarding)["id"].is_string() || !attribute ||
        !attribute->is_string() || !losing_text || !losing_text->is_string())
        return make_error("invalid", "This conflict record is incomplete and cannot be restored.");
    const std::string entity = (*regarding)["entity"].get<std::string>();
    const std::string record_id = (*regarding)["id"].get<std::string>();
    const std::string attr = attribute->get<std::string>();
    const Json losing = Json::parse(losing_text->get<std::string>(), nullptr, false);
    const Json winning = winning_text && winning_text->is_string()
                             ? Json::parse(winning_text->get<std::string>(), nullptr, false)
                             : Json();
    if (losing.is_discarded()) return make_error("invalid", "The kept value of this conflict is unreadable.");

    if (attr.empty()) {
        // The record was deleted over someone's edits: restoring re-creates it as it was.
        if (ctx.store().find(entity, record_id))
            return make_error("already_exists", "The " + entity + " exists again; restore its fields one by one.");
        if (!losing.is_object()) return make_error("invalid", "The kept record of this conflict is unreadable.");
        Record r{entity, record_id, Json::object()};
        for (auto it = losing.begin(); it != losing.end(); ++it) set_attribute(r.attributes, it.key(), it.value());
        WriteOptions as_it_was;
        as_it_was.rights.kept_copy = true;
        if (auto s = create_record(ctx, std::move(r), as_it_was); !s) return s;
    } else {
        const Record* current = ctx.store().find(entity, record_id);
        if (!current) {
            if (ctx.history())
                if (const Tombstone* t = ctx.history()->tombstone(entity, record_id))
                    return make_error("deleted", "This " + entity + " was deleted by " + ctx.user_name(t->user_id) +
                                                     "; the value cannot be restored.");
            return make_error("not_found", "The " + entity + " this conflict is about no longer exists.");
        }
        const Record before = *current;
        Record after = before;
        set_attribute(after.attributes, attr, losing);
        const Json* now_value = before.get(attr);
        const Json* kept = losing.is_null() ? nullptr : &losing;
        const Json* won = winning.is_null() || winning.is_discarded() ? nullptr : &winning;
        // The same field rules as the edit that lost: restoring is that edit again.
        if (auto s = update_record(ctx, before, std::move(after)); !s) return s;
        // A third value arrived after the conflict: restoring overwrites it, so keep it too.
        if (!same_value(now_value, won) && !same_value(now_value, kept)) {
            Json overwritten;  // null when the field had been cleared
            if (now_value) overwritten = *now_value;
            if (auto s = keep_overwritten_value(ctx, *ctx.store().find(entity, record_id), attr, overwritten, losing); !s)
                return s;
        }
    }
    conflict.attributes["isresolved"] = true;
    conflict.attributes["resolvedby"] = make_lookup("systemuser", ctx.user().user_id);
    conflict.attributes["resolvedon"] = format_utc(ctx.now());
    return save_conflict(ctx, std::move(conflict));
}

}  // namespace

bool same_value(const Json* a, const Json* b) {
    const bool a_empty = a == nullptr || a->is_null();
    const bool b_empty = b == nullptr || b->is_null();
    if (a_empty || b_empty) return a_empty == b_empty;
    return *a == *b;
}

void set_attribute(Json& attributes, const std::string& attribute, const Json& value) {
    if (value.is_null())
        attributes.erase(attribute);
    else
        attributes[attribute] = value;
}

Status keep_overwritten_value(ApplyContext& ctx, const Record& regarding, const std::string& attribute,
                              const Json& losing, const Json& winning) {
    return save_conflict(ctx, make_conflict(ctx, regarding, attribute, losing, winning));
}

Status keep_deleted_record(ApplyContext& ctx, const Record& deleted, const std::string& edited_attribute) {
    Record c = make_conflict(ctx, deleted, "", deleted.attributes, Json());
    if (ctx.history())
        if (const FieldWriter* w = ctx.history()->writer(deleted.entity, deleted.id, edited_attribute)) {
            c.attributes["losingmutationid"] = w->mutation_id;
            c.attributes["losinguserid"] = make_lookup("systemuser", w->user_id);
        }
    return save_conflict(ctx, std::move(c));
}

std::vector<Record> conflicts_on(const Store& store, const std::string& entity, const std::string& id) {
    std::vector<Record> out;
    for (const Record* r : store.referencing(conflict_entity, "regardingobjectid", id)) {
        const Json* reg = r->get("regardingobjectid");
        if (reg && reg->is_object() && reg->value("entity", std::string()) == entity) out.push_back(*r);
    }
    std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
        const auto ca = a.attributes.value("createdon", std::string());
        const auto cb = b.attributes.value("createdon", std::string());
        return ca != cb ? ca < cb : a.id < b.id;
    });
    return out;
}

void add_conflict_mutations(MutationRegistry& registry) { registry.add("conflict.restore", conflict_restore); }

}  // namespace casehub
