// ApplyContext's undo log and the handler registry.
#include "core/apply/mutation_registry.hpp"

#include "core/apply/conflict.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"

namespace casehub {

ApplyContext::ApplyContext(Store& store, const UserContext& user, TimestampMs now, const Policy& policy,
                           const Mutation& mutation, const SyncHistory* history)
    : store_(store), user_(user), now_(now), policy_(policy), mutation_(mutation), history_(history) {}

void ApplyContext::remember(const std::string& entity, const std::string& id) {
    for (const auto& t : touched_)
        if (t.entity == entity && t.id == id) return;
    TouchedRecord t{entity, id, std::nullopt};
    if (const Record* r = store_.find(entity, id)) t.before = *r;
    touched_.push_back(std::move(t));
}

void ApplyContext::put(Record record) {
    remember(record.entity, record.id);
    store_.upsert(std::move(record));
}

bool ApplyContext::remove(const std::string& entity, const std::string& id) {
    remember(entity, id);
    return store_.erase(entity, id);
}

void ApplyContext::rollback() {
    for (auto it = touched_.rbegin(); it != touched_.rend(); ++it) {
        if (it->before)
            store_.upsert(*it->before);
        else
            store_.erase(it->entity, it->id);
    }
    touched_.clear();
}

std::string ApplyContext::derived_id(std::string_view salt) const {
    std::string text = mutation_.id;
    text += '\x1f';
    text += salt;
    return uuid_from_text(text);
}

std::string ApplyContext::user_name(const std::string& user_id) const {
    if (user_id == user_.user_id && !user_.fullname.empty()) return user_.fullname;
    if (const Record* u = store_.find("systemuser", user_id))
        if (const Json* n = u->get("fullname"); n && n->is_string() && !n->get<std::string>().empty())
            return n->get<std::string>();
    return user_id.empty() ? std::string("another agent") : user_id;
}

Status ApplyContext::before_save(const Record* before, Record& record) {
    if (!registry_) return {};
    for (const RecordTrigger* t : registry_->triggers_for(record.entity))
        if (t->before_save)
            if (auto s = t->before_save(*this, before, record); !s) return s;
    return {};
}

Status ApplyContext::after_save(const Record* before, const Record& record) {
    if (!registry_) return {};
    for (const RecordTrigger* t : registry_->triggers_for(record.entity))
        if (t->after_save)
            if (auto s = t->after_save(*this, before, record); !s) return s;
    return {};
}

void MutationRegistry::add_trigger(RecordTrigger trigger) { triggers_.push_back(std::move(trigger)); }

std::vector<const RecordTrigger*> MutationRegistry::triggers_for(const std::string& entity) const {
    std::vector<const RecordTrigger*> out;
    for (const auto& t : triggers_)
        if (t.entity == entity) out.push_back(&t);
    return out;
}

void MutationRegistry::add(const std::string& name, MutationHandler handler) { handlers_[name] = std::move(handler); }

const MutationHandler* MutationRegistry::find(const std::string& name) const {
    auto it = handlers_.find(name);
    return it == handlers_.end() ? nullptr : &it->second;
}

std::vector<std::string> MutationRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& [name, h] : handlers_) out.push_back(name);
    return out;
}

Status apply_mutation(const MutationRegistry& registry, ApplyContext& ctx) {
    const MutationHandler* handler = registry.find(ctx.mutation().name);
    if (!handler)
        return make_error("unknown_mutation", "This server does not know the change \"" + ctx.mutation().name +
                                                  "\"; update the app and try again.");
    ctx.set_registry(&registry);
    Status s = (*handler)(ctx, ctx.mutation().args);
    if (!s) ctx.rollback();
    return s;
}

std::string uuid_from_text(std::string_view text) {
    std::uint64_t a = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
    std::uint64_t b = 0x84222325cbf29ce4ULL;  // a second, different basis for the low half
    for (unsigned char c : text) {
        a = (a ^ c) * 0x100000001b3ULL;
        b = (b ^ c) * 0x100000001b3ULL;
        b ^= b >> 29;
    }
    return make_uuid_v4(a, b);
}

}  // namespace casehub
