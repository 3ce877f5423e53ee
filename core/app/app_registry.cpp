// make_sync_registry: the domain modules, registered in trigger order.
#include "core/app/app_registry.hpp"

#include "core/apply/conflict.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/activities/activity_lifecycle.hpp"
#include "core/domain/activities/email_outbox.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/domain/cases/entitlements.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/domain/queues/queue_mutations.hpp"
#include "core/domain/routing/routing_rules.hpp"
#include "core/domain/sla/sla_engine.hpp"

namespace casehub {

MutationRegistry make_sync_registry() {
    MutationRegistry r;
    add_record_mutations(r);
    add_conflict_mutations(r);
    add_entitlement_rules(r);  // before the SLA and routing rules: they read the entitlement a case picks
    add_sla_rules(r);
    add_queue_mutations(r);
    add_case_lifecycle(r);
    add_activity_lifecycle(r);
    add_email_outbox_mutations(r);
    add_knowledge_mutations(r);
    add_process_and_routing_mutations(r);
    return r;
}

}  // namespace casehub
