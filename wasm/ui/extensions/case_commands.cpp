// Record commands and their dialogs (see case_commands.hpp). Dialog inputs are the only
// state kept here; whether a command is allowed is the core's answer to the mutation.
#include "wasm/ui/extensions/case_commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/domain/activities/activity_lifecycle.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/schema/ticket_number.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/extensions/timeline.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

struct ResolveDialog {
    int type = 0;  // 0 Problem Solved, 1 Information Provided
    char resolution[512] = {};
    int minutes = 0;
    std::string error;
};

struct MergeDialog {
    std::set<std::string> chosen;
    std::string error;
};

ResolveDialog& resolve_dialog() {
    static ResolveDialog d;
    return d;
}

MergeDialog& merge_dialog() {
    static MergeDialog d;
    return d;
}

// The form whose unsaved edits were last restored or saved as a draft.
struct DraftWatch {
    std::string form_key;
    std::string saved;
};

DraftWatch& draft_watch() {
    static DraftWatch w;
    return w;
}

// Submits a mutation; the outcome is shown on the form. True when it was applied.
bool submit(FormState& form, const char* name, const Json& args, const char* done) {
    auto result = client::data_layer().submit(name, args);
    form.error.clear();
    form.notice.clear();
    if (!result) {
        form.error = result.error().message;
        return false;
    }
    form.notice = done;
    return true;
}

// Email and note forms: the unsaved edits are written to preferences at every change and
// put back when the same record's form opens again with none (after a reload).
void keep_draft(FormState& form) {
    if (form.is_new || (form.entity != "email" && form.entity != "annotation")) return;
    DraftWatch& w = draft_watch();
    const std::string key = draft_key("form", form.entity, form.id);
    if (w.form_key != key) {
        w.form_key = key;
        w.saved = platform::load_preference(key.c_str());
        if (form.edits.empty() && !w.saved.empty()) {
            Json edits = Json::parse(w.saved, nullptr, false);
            if (edits.is_object()) form.edits = edits;
        }
    }
    const std::string now = form.edits.empty() ? std::string() : form.edits.dump();
    if (now != w.saved) {
        platform::save_preference(key.c_str(), now);
        w.saved = now;
    }
}

std::string next_ticket_number() {
    // The same per-client counter and suffix the workspace's new cases use, so numbers never clash.
    std::string suffix = platform::load_preference("ticket_suffix");
    if (suffix.empty()) {
        std::uint64_t bits = 0;
        platform::random_bytes(&bits, sizeof bits);
        suffix = make_ticket_suffix(bits);
        platform::save_preference("ticket_suffix", suffix);
    }
    const std::uint64_t counter = std::strtoull(platform::load_preference("ticket_counter").c_str(), nullptr, 10) + 1;
    platform::save_preference("ticket_counter", std::to_string(counter));
    return make_ticket_number(counter, suffix);
}

void draw_resolve_dialog(FormState& form, const RecordFormLook& look) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(460.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###resolve_case", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ResolveDialog& d = resolve_dialog();
    ImGui::TextUnformatted(tr(lang, "lifecycle.resolve_title"));
    record_last_item(tr(lang, "lifecycle.resolve_title"));
    ImGui::Separator();
    const EntityDef* incident = look.schema.entity("incident");
    const char* code = language_code(lang);
    const int statuses[] = {case_status::problem_solved, case_status::information_provided};
    auto status_label = [&](int i) {
        const OptionValue* o = incident ? incident->status(statuses[i]) : nullptr;
        return o ? o->label.in(code) : std::to_string(statuses[i]);
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
        auto result = client::data_layer().submit(
            "case.resolve", case_resolve_args(form.id, d.resolution, statuses[d.type], d.minutes));
        if (result) {
            form.error.clear();
            form.notice = tr(lang, "lifecycle.resolved");
            d = ResolveDialog{};
            ImGui::CloseCurrentPopup();
        } else {
            d.error = result.error().message;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, "workspace.cancel"), bs)) {
        d.error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_merge_dialog(FormState& form, const Record& record, const RecordFormLook& look) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###merge_cases", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    MergeDialog& d = merge_dialog();
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
        std::vector<std::string> ids(d.chosen.begin(), d.chosen.end());
        auto result = client::data_layer().submit("case.merge", case_merge_args(form.id, ids));
        if (result) {
            form.error.clear();
            form.notice = tr(lang, "lifecycle.merged");
            d = MergeDialog{};
            ImGui::CloseCurrentPopup();
        } else {
            d.error = result.error().message;
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, "workspace.cancel"), bs)) {
        d = MergeDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void add_case_commands(FormState& form, const Record& record, const RecordFormLook& look, RecordFormIntent& intent,
                       std::vector<Command>& commands) {
    const Language lang = look.language;
    client::DataLayer& dl = client::data_layer();
    if (!is_case_closed(record)) {
        commands.push_back({"cmd_resolve", ICON_CHECK, tr(lang, "lifecycle.resolve_case"), [] {
                                resolve_dialog().error.clear();
                                ImGui::OpenPopup("###resolve_case");
                            }});
        commands.push_back({"cmd_cancel_case", ICON_TIMES, tr(lang, "lifecycle.cancel_case"), [&form, lang] {
                                submit(form, "case.cancel", Json{{"id", form.id}}, tr(lang, "lifecycle.canceled"));
                            }});
        commands.push_back({"cmd_child_case", ICON_PLUS, tr(lang, "lifecycle.add_child"), [&form, &look, &intent, &dl, lang] {
                                const Record* parent = look.store.find("incident", form.id);
                                if (!parent) return;
                                const std::string child = platform::random_uuid();
                                Json fields{{"title", primary_name_of(look.schema, *parent)},
                                            {"parentcaseid", make_lookup("incident", parent->id)},
                                            {"ticketnumber", next_ticket_number()},
                                            {"statecode", case_state::active},
                                            {"statuscode", case_status::in_progress}};
                                if (!dl.replica_user_id().empty())
                                    fields["ownerid"] = make_lookup("systemuser", dl.replica_user_id());
                                for (const char* a : {"primarycontactid", "subjectid", "prioritycode", "caseorigincode"})
                                    if (const Json* v = parent->get(a)) fields[a] = *v;
                                if (submit(form, "record.create", record_create_args("incident", child, fields),
                                           tr(lang, "lifecycle.child_created")))
                                    intent.open = RecordRef{"incident", child};
                            }});
        commands.push_back({"cmd_merge", ICON_SHARE_ALT, tr(lang, "lifecycle.merge_cases"), [] {
                                merge_dialog() = MergeDialog{};
                                ImGui::OpenPopup("###merge_cases");
                            }});
    } else {
        commands.push_back({"cmd_reactivate", ICON_REFRESH, tr(lang, "lifecycle.reactivate"), [&form, lang] {
                                submit(form, "case.reactivate", Json{{"id", form.id}}, tr(lang, "lifecycle.reactivated"));
                            }});
    }
    if (is_following(look.store, dl.replica_user_id(), "incident", record.id))
        commands.push_back({"cmd_unfollow", ICON_STAR, tr(lang, "lifecycle.unfollow"), [&form, lang] {
                                submit(form, "case.unfollow", Json{{"id", form.id}}, tr(lang, "lifecycle.unfollowed"));
                            }});
    else
        commands.push_back({"cmd_follow", ICON_STAR, tr(lang, "lifecycle.follow"), [&form, lang] {
                                submit(form, "case.follow", Json{{"id", form.id}}, tr(lang, "lifecycle.followed"));
                            }});
}

void add_activity_commands(FormState& form, const Record& record, const RecordFormLook& look,
                           std::vector<Command>& commands) {
    const Language lang = look.language;
    if (!is_activity_open(record)) return;
    const Json* status = record.get("statuscode");
    const int code = status && status->is_number_integer() ? status->get<int>() : email_status::draft;
    const bool draft = record.entity == "email" && (code == email_status::draft || code == email_status::failed);
    // Sending an email needs the screen of a tablet or desktop: on phones emails are read-only.
    if (draft && look.width != WidthClass::phone)
        commands.push_back({"cmd_send", ICON_INBOX, tr(lang, "lifecycle.send"), [&form, lang] {
                                if (has_unsaved_changes(form)) {
                                    form.error = tr(lang, "lifecycle.save_before_send");
                                    return;
                                }
                                submit(form, "email.send", Json{{"id", form.id}}, tr(lang, "lifecycle.sent"));
                            }});
    commands.push_back({"cmd_complete", ICON_CHECK, tr(lang, "lifecycle.mark_complete"), [&form, lang] {
                            submit(form, "activity.complete", Json{{"entity", form.entity}, {"id", form.id}},
                                   tr(lang, "lifecycle.completed"));
                        }});
    commands.push_back({"cmd_cancel_activity", ICON_TIMES, tr(lang, "lifecycle.cancel_activity"), [&form, lang] {
                            submit(form, "activity.cancel", Json{{"entity", form.entity}, {"id", form.id}},
                                   tr(lang, "lifecycle.activity_canceled"));
                        }});
}

}  // namespace

bool is_record_read_only(const FormState& form, const Store& store) {
    if (form.is_new) return false;
    const Record* r = store.find(form.entity, form.id);
    if (!r) return false;
    if (r->entity == "incident") return is_case_closed(*r);
    if (is_activity_entity(r->entity)) return !is_activity_open(*r);
    return false;
}

void add_record_commands(FormState& form, const RecordFormLook& look, RecordFormIntent& intent,
                         std::vector<Command>& commands) {
    const Record* record = form.is_new ? nullptr : look.store.find(form.entity, form.id);
    if (!record) return;
    if (record->entity == "incident") add_case_commands(form, *record, look, intent, commands);
    if (is_activity_entity(record->entity)) add_activity_commands(form, *record, look, commands);
}

void draw_record_command_dialogs(FormState& form, const RecordFormLook& look) {
    keep_draft(form);
    const Record* record = form.is_new ? nullptr : look.store.find(form.entity, form.id);
    if (!record || record->entity != "incident") return;
    draw_resolve_dialog(form, look);
    draw_merge_dialog(form, *record, look);
}

std::string read_only_note(const FormState& form, const RecordFormLook& look) {
    if (!is_record_read_only(form, look.store)) return {};
    return std::string(ICON_EXCLAMATION_TRIANGLE "  ") + tr(look.language, "lifecycle.read_only");
}

}  // namespace casehub::ui
