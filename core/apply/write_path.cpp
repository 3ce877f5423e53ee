// The write path (see write_path.hpp): the one place that writes records.
#include "core/apply/write_path.hpp"

#include <optional>

#include "core/base/time.hpp"

namespace casehub {
namespace {

void stamp(const ApplyContext& ctx, Record& record, bool created, bool keep_given_created) {
    const std::string when = format_utc(ctx.now());
    const Json who = make_lookup("systemuser", ctx.user().user_id);
    if (created) {
        // A record re-created from a kept copy (conflict.restore) keeps when and by whom it was made.
        if (!(keep_given_created && record.get("createdon"))) record.attributes["createdon"] = when;
        if (!(keep_given_created && record.get("createdby"))) record.attributes["createdby"] = who;
    }
    record.attributes["modifiedon"] = when;
    record.attributes["modifiedby"] = who;
}

bool same(const Json* a, const Json* b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
}

// owningbusinessunit follows the owner: set from the owner's business unit whenever the
// record is created or its owner changes. An owner this store does not hold (a replica
// that cannot see them) leaves it as it was; the server, which holds every owner, decides.
void follow_owner(const Store& store, const Record* before, Record& after) {
    const Json* owner = after.get("ownerid");
    if (!owner) return;
    if (before && same(before->get("ownerid"), owner)) return;
    const std::string bu = business_unit_of_owner(store, *owner);
    if (!bu.empty()) after.attributes["owningbusinessunit"] = make_lookup("businessunit", bu);
}

// The stamps are the write path's own (whatever the Policy): a caller never gives them,
// except a record re-created from a kept copy.
Status check_no_stamps(const WriteRequest& write) {
    if (write.kind == WriteKind::remove || write.rights.kept_copy || write.system != SystemWork::none) return {};
    for (auto it = write.after->attributes.begin(); it != write.after->attributes.end(); ++it) {
        if (!is_stamped_attribute(it.key())) continue;
        const Json* was = write.before ? write.before->get(it.key()) : nullptr;
        if (!same(was, it.value().is_null() ? nullptr : &it.value()))
            return make_error("read_only", "\"" + it.key() + "\" is set by CaseHub itself and cannot be changed.",
                              it.key());
    }
    return {};
}

}  // namespace

bool is_stamped_attribute(const std::string& attribute) {
    return attribute == "createdon" || attribute == "createdby" || attribute == "modifiedon" ||
           attribute == "modifiedby";
}

std::string business_unit_of_owner(const Store& store, const Json& owner) {
    if (!owner.is_object()) return {};
    std::string entity = owner.value("entity", std::string());
    if (entity.empty()) entity = "systemuser";
    const Record* found = store.find(entity, owner.value("id", std::string()));
    return found ? lookup_id_of(*found, "businessunitid") : std::string();
}

Status write_record(ApplyContext& ctx, WriteKind kind, const Record* stored, Record after,
                    const WriteOptions& options) {
    // A copy: `stored` may point into the store, which put() is about to change.
    const std::optional<Record> kept = stored ? std::optional<Record>(*stored) : std::nullopt;
    const Record* before = kept ? &*kept : nullptr;
    const Policy& policy = ctx.policy();
    WriteRequest request{kind, before, kind == WriteKind::remove ? nullptr : &after, options.rights, options.system,
                         &ctx.mutation().name};

    if (kind == WriteKind::remove) {
        if (!before) return {};
        if (auto s = policy.check_fields(ctx.store(), ctx.user(), request); !s) return s;
        if (auto s = policy.check_write(ctx.store(), ctx.user(), request); !s) return s;
        ctx.remove(before->entity, before->id);
        return {};
    }

    if (kind == WriteKind::create) after = policy.prepare_create(ctx.store(), std::move(after), ctx.user());
    if (auto s = check_no_stamps(request); !s) return s;
    if (auto s = policy.check_fields(ctx.store(), ctx.user(), request); !s) return s;
    // Counters are not edits: a view or a rating does not make the article "modified".
    if (options.system != SystemWork::knowledge_counter)
        stamp(ctx, after, kind == WriteKind::create, options.rights.kept_copy);
    if (auto s = ctx.before_save(before, after); !s) return s;
    follow_owner(ctx.store(), before, after);
    // The mail gateway hands a message back against the transition table (Completed ->
    // Open), as Dataverse does: only the state pair and the values are checked.
    const Record* validate_from = options.system == SystemWork::mail_gateway ? nullptr : before;
    if (options.system != SystemWork::sla_timer)
        if (auto s = policy.validate(ctx.store(), after, validate_from); !s) return s;
    if (auto s = policy.check_write(ctx.store(), ctx.user(), request); !s) return s;
    ctx.put(after);
    return ctx.after_save(before, after);
}

Status create_record(ApplyContext& ctx, Record record, const WriteOptions& options) {
    return write_record(ctx, WriteKind::create, nullptr, std::move(record), options);
}

Status update_record(ApplyContext& ctx, const Record& before, Record after, const WriteOptions& options) {
    return write_record(ctx, WriteKind::update, &before, std::move(after), options);
}

Status delete_record(ApplyContext& ctx, const Record& current, const WriteOptions& options) {
    return write_record(ctx, WriteKind::remove, &current, Record{}, options);
}

}  // namespace casehub
