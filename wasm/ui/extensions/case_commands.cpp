// Case commands and their dialogs (see case_commands.hpp). Dialog inputs are kept in the
// extension's state; whether a command is allowed is the core's answer to the mutation.
#include "wasm/ui/extensions/case_commands.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

#include "core/apply/record_mutations.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/domain/cases/child_case.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/schema/record_defaults.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr const char* kName = "case";

struct ResolveDialog {
    int type = 0;  // 0 Problem Solved, 1 Information Provided
    char resolution[512] = {};
    int minutes = 0;
    std::string error;
    bool close = false;  // the resolution was applied: close at the next frame
};

struct MergeDialog {
    std::set<std::string> chosen;
    std::string error;
    bool close = false;
};

struct CaseFormState {
    ResolveDialog resolve;
    MergeDialog merge;
};

CaseFormState& state_of(const FormContext& ctx) { return ctx.look.extension_states.get<CaseFormState>(kName); }

void draw_resolve_dialog(FormContext& ctx) {
    const RecordFormLook& look = ctx.look;
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###resolve_case", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ResolveDialog& d = state_of(ctx).resolve;
    if (d.close) {
        d = ResolveDialog{};
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(tr(lang, "lifecycle.resolve_title"));
    record_last_item(tr(lang, "lifecycle.resolve_title"));
    ImGui::Separator();
    const EntityDef* incident = look.schema.entity("incident");
    const char* code = language_code(lang);
    static constexpr int kStatuses[] = {case_status::problem_solved, case_status::information_provided};
    auto status_label = [&](int i) {
        const OptionValue* o = incident ? incident->status(kStatuses[i]) : nullptr;
        return o ? o->label.in(code) : std::to_string(kStatuses[i]);
    };
    ImGui::TextDisabled("%s *", tr(lang, "lifecycle.resolution_type"));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##resolution_type", status_label(d.type).c_str())) {
        for (int i = 0; i < 2; ++i)
            if (ImGui::Selectable((status_label(i) + "##rt" + std::to_string(i)).c_str(), d.type == i)) d.type = i;
        ImGui::EndCombo();
    }
    record_last_item(tr(lang, "lifecycle.resolution_type"));
    ImGui::TextDisabled("%s *", tr(lang, "lifecycle.resolution"));
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputText("##resolution", d.resolution, sizeof d.resolution);
    record_last_item(tr(lang, "lifecycle.resolution"));
    ImGui::TextDisabled("%s", tr(lang, "lifecycle.billable_time"));
    ImGui::SetNextItemWidth(160.0f);
    ImGui::InputInt("##billable_time", &d.minutes, 15, 60);
    if (d.minutes < 0) d.minutes = 0;
    record_last_item(tr(lang, "lifecycle.billable_time"));
    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
        ImGui::PushTextWrapPos(0.0f);
        const std::string error = localize_message(d.error, lang);
        ImGui::TextWrapped("%s %s", ICON_TIMES, error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        record_last_item(error.c_str());
    }
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    const ImVec2 bs(140.0f, touch ? 44.0f : 0.0f);
    const std::string resolve = std::string(tr(lang, "lifecycle.resolve")) + "###resolve_confirm";
    if (ImGui::Button(resolve.c_str(), bs)) {
        FormState& form = ctx.form;
        look.intents.submit("case.resolve", case_resolve_args(form.id, d.resolution, kStatuses[d.type], d.minutes),
                            [&form, &d, lang](const Result<Mutation>& result) {
                                if (!result) {
                                    d.error = result.error().message;
                                    return;
                                }
                                form.error.clear();
                                form.notice = tr(lang, "lifecycle.resolved");
                                d.close = true;
                            });
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, "workspace.cancel"), bs) || escape_closes_dialog()) {
        d.error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_merge_dialog(FormContext& ctx) {
    const RecordFormLook& look = ctx.look;
    const Record& record = *ctx.record;
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###merge_cases", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    MergeDialog& d = state_of(ctx).merge;
    if (d.close) {
        d = MergeDialog{};
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(tr(lang, "lifecycle.merge_title"));
    record_last_item(tr(lang, "lifecycle.merge_title"));
    ImGui::TextDisabled("%s", tr(lang, "lifecycle.merge_text"));
    ImGui::Separator();
    // Candidates: the customer's other active cases (the core refuses any other).
    std::size_t shown = 0;
    if (const Json* customer = record.get("customerid"); customer && customer->is_object())
        for (const Record* c : look.store.referencing("incident", "customerid", customer->value("id", std::string()))) {
            if (c->id == record.id || is_case_closed(*c)) continue;
            ++shown;
            std::string name = primary_name_of(look.schema, *c);
            if (const Json* n = c->get("ticketnumber"); n && n->is_string()) name = n->get<std::string>() + "  " + name;
            bool on = d.chosen.count(c->id) > 0;
            if (ImGui::Checkbox((name + "##merge_" + c->id).c_str(), &on)) {
                if (on)
                    d.chosen.insert(c->id);
                else
                    d.chosen.erase(c->id);
            }
        }
    if (shown == 0) ImGui::TextDisabled("%s", tr(lang, "lifecycle.merge_none"));
    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
        ImGui::TextWrapped("%s %s", ICON_TIMES, d.error.c_str());
        ImGui::PopStyleColor();
    }
    const ImVec2 bs(140.0f, touch ? 44.0f : 0.0f);
    ImGui::BeginDisabled(d.chosen.empty());
    const std::string merge = std::string(tr(lang, "lifecycle.merge")) + "###merge_confirm";
    if (ImGui::Button(merge.c_str(), bs)) {
        FormState& form = ctx.form;
        const std::vector<std::string> ids(d.chosen.begin(), d.chosen.end());
        look.intents.submit("case.merge", case_merge_args(form.id, ids),
                            [&form, &d, lang](const Result<Mutation>& result) {
                                if (!result) {
                                    d.error = result.error().message;
                                    return;
                                }
                                form.error.clear();
                                form.notice = tr(lang, "lifecycle.merged");
                                d.close = true;
                            });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, "workspace.cancel"), bs) || escape_closes_dialog()) {
        d = MergeDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// Add Child Case: the child's fields are the core's (child_case_fields), its owner and
// number the new-record defaults of this client.
void add_child_case(FormContext& ctx) {
    const RecordFormLook& look = ctx.look;
    const Record* parent = look.store.find("incident", ctx.form.id);
    const EntityDef* incident = look.schema.entity("incident");
    if (!parent || !incident) return;
    Record child{"incident", platform::random_uuid(), child_case_fields(look.schema, *parent)};
    std::optional<std::string> number;
    if (needs_ticket_number(child, *incident)) {
        std::uint64_t bits = 0;
        platform::random_bytes(&bits, sizeof bits);
        number = next_ticket_number(look.tickets, bits);
    }
    apply_new_record_defaults(child, *incident, look.model.user_id, number);
    FormState& form = ctx.form;
    const RecordRef child_ref{"incident", child.id};
    submit_for_form(ctx, "record.create", record_create_args("incident", child.id, child.attributes),
                    tr(look.language, "lifecycle.child_created"), [&form, child_ref] { form.open_request = child_ref; });
}

void add_case_commands(FormContext& ctx, std::vector<Command>& commands) {
    if (!ctx.record) return;
    const Record& record = *ctx.record;
    const Language lang = ctx.look.language;
    CaseFormState& st = state_of(ctx);
    if (!is_case_closed(record)) {
        commands.push_back({"cmd_resolve", ICON_CHECK, tr(lang, "lifecycle.resolve_case"), [&st] {
                                st.resolve.error.clear();
                                st.resolve.close = false;
                                ImGui::OpenPopup("###resolve_case");
                            }});
        commands.push_back({"cmd_cancel_case", ICON_TIMES, tr(lang, "lifecycle.cancel_case"), [&ctx, lang] {
                                submit_for_form(ctx, "case.cancel", Json{{"id", ctx.form.id}}, tr(lang, "lifecycle.canceled"));
                            }});
        commands.push_back({"cmd_child_case", ICON_PLUS, tr(lang, "lifecycle.add_child"), [&ctx] { add_child_case(ctx); }});
        commands.push_back({"cmd_merge", ICON_SHARE_ALT, tr(lang, "lifecycle.merge_cases"), [&st] {
                                st.merge = MergeDialog{};
                                ImGui::OpenPopup("###merge_cases");
                            }});
    } else {
        commands.push_back({"cmd_reactivate", ICON_REFRESH, tr(lang, "lifecycle.reactivate"), [&ctx, lang] {
                                submit_for_form(ctx, "case.reactivate", Json{{"id", ctx.form.id}},
                                                tr(lang, "lifecycle.reactivated"));
                            }});
    }
    if (is_following(ctx.look.store, ctx.look.model.user_id, "incident", record.id))
        commands.push_back({"cmd_unfollow", ICON_STAR, tr(lang, "lifecycle.unfollow"), [&ctx, lang] {
                                submit_for_form(ctx, "case.unfollow", Json{{"id", ctx.form.id}}, tr(lang, "lifecycle.unfollowed"));
                            }});
    else
        commands.push_back({"cmd_follow", ICON_STAR, tr(lang, "lifecycle.follow"), [&ctx, lang] {
                                submit_for_form(ctx, "case.follow", Json{{"id", ctx.form.id}}, tr(lang, "lifecycle.followed"));
                            }});
}

bool is_closed_case(const FormContext& ctx) { return ctx.record && is_case_closed(*ctx.record); }

}  // namespace

FormExtension case_form_extension() {
    FormExtension e;
    e.name = kName;
    e.entities = {"incident"};
    e.add_commands = add_case_commands;
    e.draw_dialogs = [](FormContext& ctx) {
        if (!ctx.record) return;
        draw_resolve_dialog(ctx);
        draw_merge_dialog(ctx);
    };
    e.locks_fields = is_closed_case;
    e.command_bar_note = [](const FormContext& ctx) {
        return is_closed_case(ctx) ? std::string(ICON_EXCLAMATION_TRIANGLE "  ") + tr(ctx.look.language, "lifecycle.read_only")
                                   : std::string();
    };
    return e;
}

}  // namespace casehub::ui
