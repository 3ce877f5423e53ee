// Due work (see due_work.hpp). Each rule asks its own module what is due, so a rule is
// never written twice: the SLA engine for KPIs, the knowledge lifecycle for articles,
// the outbox for emails.
#include "core/app/due_work.hpp"

#include "core/domain/activities/email_outbox.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/domain/sla/sla_engine.hpp"

namespace casehub {
namespace {

std::string modified_on(const Store& store, const std::string& entity, const std::string& id) {
    const Record* r = store.find(entity, id);
    const Json* v = r ? r->get("modifiedon") : nullptr;
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// "id@modifiedon,..." for the records a batch mutation will touch.
std::string versions(const Store& store, const std::string& entity, const std::vector<std::string>& ids) {
    std::string key;
    for (const auto& id : ids) key += id + "@" + modified_on(store, entity, id) + ",";
    return key;
}

}  // namespace

std::vector<DueMutation> due_work(const Store& store, TimestampMs now, const std::string& default_from) {
    std::vector<DueMutation> out;
    if (auto ids = due_publications(store, now); !ids.empty())
        out.push_back({"kb.publish_due", Json::object(), versions(store, "knowledgearticle", ids), {}, {}});
    if (auto ids = due_expirations(store, now); !ids.empty())
        out.push_back({"kb.expire_due", Json::object(), versions(store, "knowledgearticle", ids), {}, {}});
    for (const std::string& id : cases_with_sla_actions_due(store, now)) {
        std::string key = id + "@" + modified_on(store, "incident", id);
        for (const Record* k : kpi_instances_of(store, id)) {
            // A refused warning round must not hide the failure round that follows.
            const auto calendar = calendar_for_kpi(store, *k);
            const bool failed = evaluate_kpi(*k, calendar ? &*calendar : nullptr, now).status == KpiStatus::Noncompliant;
            key += "," + k->id + "@" + modified_on(store, "slakpiinstance", k->id) + (failed ? "!" : "");
        }
        out.push_back({"sla.evaluate", Json{{"id", id}}, key, {}, {}});
    }
    for (const std::string& id : pending_emails(store)) {
        const Record& email = *store.find("email", id);
        const std::string key = id + "@" + modified_on(store, "email", id);
        auto message = outgoing_message(store, email, now, default_from);
        if (!message) {
            out.push_back({"email.mark_failed", Json{{"id", id}, {"reason", message.error().message}}, key, {}, {}});
            continue;
        }
        out.push_back({"email.mark_sent", Json{{"id", id}, {"messageid", message->message_id}}, key, id,
                       render_rfc5322(*message)});
    }
    return out;
}

std::string due_mutation_id(const DueMutation& work) { return uuid_from_text("due:" + work.name + ":" + work.key); }

}  // namespace casehub
