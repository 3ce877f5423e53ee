// Activity commands (see activity_commands.hpp).
#include "wasm/ui/extensions/activity_commands.hpp"

#include "core/domain/activities/activity_lifecycle.hpp"
#include "wasm/ui/widgets/icons.hpp"

namespace casehub::ui {
namespace {

void add_activity_commands(FormContext& ctx, std::vector<Command>& commands) {
    if (!ctx.record || !is_activity_open(*ctx.record)) return;
    const Record& record = *ctx.record;
    const Language lang = ctx.look.language;
    const Json* status = record.get("statuscode");
    const int code = status && status->is_number_integer() ? status->get<int>() : email_status::draft;
    const bool draft = record.entity == "email" && (code == email_status::draft || code == email_status::failed);
    // Sending an email needs the screen of a tablet or desktop: on phones emails are read-only.
    if (draft && ctx.look.width != WidthClass::phone)
        commands.push_back({"cmd_send", ICON_INBOX, tr(lang, "lifecycle.send"), [&ctx, lang] {
                                if (has_unsaved_changes(ctx.form)) {
                                    ctx.form.error = tr(lang, "lifecycle.save_before_send");
                                    return;
                                }
                                submit_for_form(ctx, "email.send", Json{{"id", ctx.form.id}}, tr(lang, "lifecycle.sent"));
                            }});
    commands.push_back({"cmd_complete", ICON_CHECK, tr(lang, "lifecycle.mark_complete"), [&ctx, lang] {
                            submit_for_form(ctx, "activity.complete", Json{{"entity", ctx.form.entity}, {"id", ctx.form.id}},
                                            tr(lang, "lifecycle.completed"));
                        }});
    commands.push_back({"cmd_cancel_activity", ICON_TIMES, tr(lang, "lifecycle.cancel_activity"), [&ctx, lang] {
                            submit_for_form(ctx, "activity.cancel", Json{{"entity", ctx.form.entity}, {"id", ctx.form.id}},
                                            tr(lang, "lifecycle.activity_canceled"));
                        }});
}

bool is_closed_activity(const FormContext& ctx) { return ctx.record && !is_activity_open(*ctx.record); }

}  // namespace

FormExtension activity_form_extension() {
    FormExtension e;
    e.name = "activity";
    e.entities = activity_entities();
    e.add_commands = add_activity_commands;
    e.locks_fields = is_closed_activity;
    e.command_bar_note = [](const FormContext& ctx) {
        return is_closed_activity(ctx)
                   ? std::string(ICON_EXCLAMATION_TRIANGLE "  ") + tr(ctx.look.language, "lifecycle.read_only")
                   : std::string();
    };
    return e;
}

}  // namespace casehub::ui
