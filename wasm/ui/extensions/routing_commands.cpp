// Apply Routing Rule (see routing_commands.hpp).
#include "wasm/ui/extensions/routing_commands.hpp"

#include "core/domain/routing/routing_rules.hpp"
#include "wasm/ui/widgets/icons.hpp"

namespace casehub::ui {
namespace {

// Apply Routing Rule, clicked: the rules' outcome named in the form's notice.
void apply_routing(FormState& form, const RecordFormLook& look, const Record& record) {
    const Language lang = look.language;
    // What the rules will do, read before the change so the message can name it.
    const Record* item = matching_rule_item(look.store, record);
    std::string outcome = tr(lang, "routing.no_match");
    if (item) {
        const std::string queue = lookup_id_of(*item, "routedqueueid");
        const Json* owner = item->get("assignobjectid");
        const Record* target = !queue.empty() ? look.store.find("queue", queue)
                               : owner && owner->is_object()
                                   ? look.store.find(owner->value("entity", std::string()), owner->value("id", std::string()))
                                   : nullptr;
        const std::string name = target ? primary_name_of(look.schema, *target) : std::string();
        outcome = std::string(tr(lang, queue.empty() ? "routing.assigned" : "routing.routed")) + " " + name;
    }
    look.intents.submit("case.apply_routing", Json{{"id", form.id}},
                        [&form, outcome](const Result<Mutation>& result) {
                            if (!result) {
                                form.error = result.error().message;
                                form.notice.clear();
                                return;
                            }
                            form.error.clear();
                            form.notice = outcome;
                        });
}

bool is_active(const Record& r) {
    const Json* v = r.get("statecode");
    return !v || !v->is_number_integer() || v->get<int>() == 0;
}

void add_apply_routing_command(FormContext& ctx, std::vector<Command>& commands) {
    if (!ctx.record || !is_active(*ctx.record)) return;
    commands.push_back({"apply_routing", ICON_SHARE_ALT, tr(ctx.look.language, "routing.apply"), [&ctx] {
                            if (ctx.record) apply_routing(ctx.form, ctx.look, *ctx.record);
                        }});
}

}  // namespace

FormExtension routing_form_extension() {
    FormExtension e;
    e.name = "routing";
    e.entities = {"incident"};
    e.add_commands = add_apply_routing_command;
    e.commands_last = true;
    return e;
}

}  // namespace casehub::ui
