// Due work: what the server's scheduled job must apply at a given instant, as mutations —
// SLA warning/failure actions (sla.evaluate per case), Scheduled knowledge articles to
// publish (kb.publish_due), Published ones past their expiration date (kb.expire_due),
// and emails in the outbox (email.mark_sent after writing the message, or
// email.mark_failed when it cannot be sent). Pure: the store and `now` come in; the
// server (server/scheduled_jobs.*) pushes the mutations as the system user.
#pragma once
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

struct DueMutation {
    std::string name;     // "sla.evaluate", "kb.publish_due", "kb.expire_due", "email.mark_sent", "email.mark_failed"
    Json args = Json::object();
    // The state this work was computed from. The mutation id is derived from it, so a
    // mutation refused once is answered from the log when the same work comes round
    // again, instead of being logged anew on every tick until someone fixes the data.
    std::string key;
    std::string email_id;  // email.mark_sent: the message to deliver first, named by this id
    std::string message;   // email.mark_sent: its RFC 5322 text (email_outbox.hpp)
};

// The work due at `now`, in the order to apply it: articles, SLA timers, then emails
// (an SLA notify email made by this round goes out on the next). Empty when nothing is
// due. `default_from` is the sender of emails whose owner has no address.
std::vector<DueMutation> due_work(const Store& store, TimestampMs now, const std::string& default_from);

// The mutation id the job pushes `work` with (uuid_from_text of its name and key).
std::string due_mutation_id(const DueMutation& work);

}  // namespace casehub
