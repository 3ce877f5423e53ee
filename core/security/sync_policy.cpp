// Names of the write path's system-work opt-outs (see sync_policy.hpp).
#include "core/security/sync_policy.hpp"

namespace casehub {

const char* to_string(SystemWork work) {
    switch (work) {
        case SystemWork::none: return "none";
        case SystemWork::sla_engine: return "sla_engine";
        case SystemWork::sla_timer: return "sla_timer";
        case SystemWork::conflict_record: return "conflict_record";
        case SystemWork::queue_item: return "queue_item";
        case SystemWork::routing_rule: return "routing_rule";
        case SystemWork::case_reactivation: return "case_reactivation";
        case SystemWork::entitlement_terms: return "entitlement_terms";
        case SystemWork::knowledge_counter: return "knowledge_counter";
        case SystemWork::process_instance: return "process_instance";
        case SystemWork::mail_gateway: return "mail_gateway";
    }
    return "none";
}

}  // namespace casehub
