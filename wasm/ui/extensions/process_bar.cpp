// Process bar drawing: chevrons from the process definition, the steps of the selected
// stage through draw_form_field (so a step is the same edit as on the form), and the
// process.* / case.apply_routing mutations submitted through the data layer.
#include "wasm/ui/extensions/process_bar.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/process/business_process.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/routing/routing_rules.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr ImU32 kDone = IM_COL32(0x10, 0x7C, 0x10, 0xFF);       // completed stage (green)
constexpr ImU32 kInactive = IM_COL32(0xF3, 0xF2, 0xF1, 0xFF);   // stage not reached
constexpr ImU32 kSelectedRing = IM_COL32(0x32, 0x31, 0x30, 0xFF);

// What the agent chose to look at, per record: not domain state.
struct BarState {
    std::string selected_stage;  // "" = the active stage
    bool expanded = false;       // phone: the folded bar is open
};

BarState& bar_state(const std::string& record_id) {
    static std::map<std::string, BarState> states;
    return states[record_id];
}

std::string text_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

int int_of(const Record& r, const char* attribute, int fallback) {
    const Json* v = r.get(attribute);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

// The record's latest run that is not active (finished or abandoned), or nullptr.
const Record* latest_inactive_run(const Store& store, const std::string& record_id) {
    const Record* best = nullptr;
    for (const Record* r : store.referencing("bpfinstance", "regardingobjectid", record_id)) {
        if (int_of(*r, "statecode", 0) == 0) continue;
        if (!best || text_of(*r, "modifiedon") > text_of(*best, "modifiedon")) best = r;
    }
    return best;
}

const ProcessDefinition* find_process(const std::vector<ProcessDefinition>& all, const std::string& id) {
    for (const auto& p : all)
        if (p.id == id) return &p;
    return nullptr;
}

bool submit(FormState& form, const std::string& name, const Json& args) {
    auto result = client::data_layer().submit(name, args);
    if (!result) {
        form.error = result.error().message;
        form.notice.clear();
        return false;
    }
    form.error.clear();
    return true;
}

// Next Stage: says which required steps are empty (in the agent's language) before asking
// the core, saves pending edits (moving a stage saves the record, as on the hub), then moves.
void next_stage(FormState& form, const RecordFormLook& look, const ProcessStage& stage, const std::string& instance_id) {
    const Language lang = look.language;
    const Record shown = record_with_edits(form, look.store);
    const auto missing = missing_required_steps(stage, shown);
    const EntityDef* entity = look.schema.entity(form.entity);
    if (!missing.empty() && entity) {
        std::string names;
        for (const auto& m : missing) {
            const AttributeDef* a = entity->attribute(m);
            names += (names.empty() ? "" : ", ") + (a ? attribute_label(*a, lang) : m);
            form.errors[m] = tr(lang, "process.step_required");
        }
        form.error = std::string(tr(lang, "process.fill_in")) + " " + names;
        form.notice.clear();
        return;
    }
    if (!form.edits.empty()) {
        if (!submit(form, "record.update", record_update_args(look.store, form.entity, form.id, form.edits))) return;
        form.edits = Json::object();
        form.errors.clear();
    }
    if (submit(form, "process.next_stage", process_instance_args(instance_id))) {
        bar_state(form.id).selected_stage.clear();
        form.notice = tr(lang, "process.moved");
    }
}

// One chevron: a pointed box (the first has a flat left edge). True when clicked.
bool draw_chevron(const std::string& label, const char* id, float w, float h, ImU32 fill, ImU32 text, bool first,
                  bool selected) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton((label + "##" + id).c_str(), ImVec2(w, h));
    record_last_item(label.c_str());  // an invisible button has no label hook of its own
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float tip = h * 0.3f;
    const ImVec2 pts[6] = {ImVec2(p.x, p.y),
                           ImVec2(p.x + w - tip, p.y),
                           ImVec2(p.x + w, p.y + h * 0.5f),
                           ImVec2(p.x + w - tip, p.y + h),
                           ImVec2(p.x, p.y + h),
                           ImVec2(p.x + (first ? 0.0f : tip), p.y + h * 0.5f)};
    // The notched outline is concave: fill it as two convex halves split at the middle line.
    const ImVec2 upper[4] = {pts[0], pts[1], pts[2], pts[5]};
    const ImVec2 lower[4] = {pts[5], pts[2], pts[3], pts[4]};
    dl->AddConvexPolyFilled(upper, 4, fill);
    dl->AddConvexPolyFilled(lower, 4, fill);
    if (selected) dl->AddPolyline(pts, 6, kSelectedRing, ImDrawFlags_Closed, 2.0f);
    if (ImGui::IsItemHovered()) dl->AddPolyline(pts, 6, palette::accent, ImDrawFlags_Closed, 1.0f);
    const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
    const float x = p.x + (first ? 10.0f : tip + 6.0f);
    dl->PushClipRect(ImVec2(p.x, p.y), ImVec2(p.x + w - tip, p.y + h), true);
    dl->AddText(ImVec2(x, p.y + (h - ts.y) * 0.5f), text, label.c_str());
    dl->PopClipRect();
    return clicked;
}

void draw_switch_popup(FormState& form, const RecordFormLook& look, const std::vector<ProcessDefinition>& processes,
                       const std::string& current_process) {
    if (!ImGui::BeginPopup("##process_switch")) return;
    ImGui::TextDisabled("%s", tr(look.language, "process.switch"));
    for (const auto& p : processes) {
        const bool current = p.id == current_process;
        const std::string label = (current ? std::string(ICON_CHECK "  ") : std::string("     ")) + p.name + "##switch_" + p.id;
        if (ImGui::Selectable(label.c_str(), current) && !current) {
            if (submit(form, "process.switch", process_switch_args(form.entity, form.id, p.id))) {
                bar_state(form.id).selected_stage.clear();
                form.notice = tr(look.language, "process.switched");
            }
        }
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_process_bar(FormState& form, const RecordFormLook& look, float pad) {
    if (form.is_new) return;
    const Record* record = look.store.find(form.entity, form.id);
    if (!record) return;
    const std::vector<ProcessDefinition> processes = processes_for(look.store, form.entity);
    const Record* instance = active_process_instance(look.store, form.entity, form.id);
    const Record* inactive = instance ? nullptr : latest_inactive_run(look.store, form.id);
    if (!instance && !inactive && processes.empty()) return;

    const Language lang = look.language;
    const char* code = language_code(lang);
    const bool touch = is_touch_sized(look.width);
    const bool phone = look.width == WidthClass::phone;
    const float bh = touch ? 44.0f : 30.0f;
    const float width = ImGui::GetContentRegionAvail().x - pad;
    BarState& state = bar_state(form.id);
    const bool record_open = int_of(*record, "statecode", 0) == 0;

    ImGui::PushID("process_bar");
    ImGui::SetCursorPosX(pad);
    ImGui::BeginGroup();

    // The run shown: the active one, else the last finished/abandoned one with Reactivate.
    const Record* run = instance ? instance : inactive;
    const ProcessDefinition* process = run ? find_process(processes, lookup_id_of(*run, "processid")) : nullptr;
    std::optional<ProcessDefinition> inactive_definition;
    if (run && !process)  // a draft or deactivated process still shows the run it has
        if (const Record* w = look.store.find("workflow", lookup_id_of(*run, "processid")))
            if (auto d = process_from_record(*w)) inactive_definition = std::move(*d);
    if (!process && inactive_definition) process = &*inactive_definition;

    // Title row: process name and state, then Switch Process and Abandon / Reactivate.
    std::string title = process ? process->name : std::string(tr(lang, "process.no_process"));
    if (run && !instance)
        title += std::string("  \xc2\xb7  ") +
                 tr(lang, int_of(*run, "statuscode", 0) == bpf_status_finished ? "process.finished" : "process.abandoned");
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    record_last_item(title.c_str());
    if (record_open) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        if (processes.size() > 1 || (!instance && !processes.empty())) {
            const std::string label = std::string(tr(lang, "process.switch")) + "###process_switch_btn";
            if (ImGui::Button(label.c_str(), ImVec2(0.0f, bh))) ImGui::OpenPopup("##process_switch");
            ImGui::SameLine();
        }
        if (instance) {
            const std::string label = std::string(ICON_TIMES " ") + tr(lang, "process.abandon") + "###process_abandon";
            if (ImGui::Button(label.c_str(), ImVec2(0.0f, bh)) &&
                submit(form, "process.abandon", process_instance_args(instance->id)))
                form.notice = tr(lang, "process.abandoned");
        } else if (inactive) {
            const std::string label = std::string(ICON_REFRESH " ") + tr(lang, "process.reactivate") + "###process_reactivate";
            if (ImGui::Button(label.c_str(), ImVec2(0.0f, bh)) &&
                submit(form, "process.reactivate", process_instance_args(inactive->id)))
                form.notice = tr(lang, "process.reactivated");
        }
        ImGui::PopStyleColor();
        // Without an active run every process, the last one included, can be started again.
        draw_switch_popup(form, look, processes, instance && process ? process->id : std::string());
    }

    if (!process || !run) {
        ImGui::EndGroup();
        ImGui::PopID();
        return;
    }

    const std::string active_id = text_of(*run, "activestageid");
    const int active = process->stage_index(active_id);
    const bool finished = !instance && int_of(*run, "statuscode", 0) == bpf_status_finished;
    if (state.selected_stage.empty() || process->stage_index(state.selected_stage) < 0) state.selected_stage = active_id;
    const int selected = std::max(0, process->stage_index(state.selected_stage));
    const int n = static_cast<int>(process->stages.size());

    // Stage i's look: done (before the active one, or all when finished), active, or ahead.
    auto stage_label = [&](int i) {
        const bool done = finished || i < active;
        const char* icon = done ? ICON_CHECK "  " : (i == active && instance ? ICON_FLAG "  " : "");
        return std::string(icon) + process->stages[static_cast<std::size_t>(i)].name.in(code);
    };
    auto stage_fill = [&](int i) {
        if (finished || i < active) return kDone;
        if (i == active) return instance ? palette::accent : kInactive;
        return kInactive;
    };
    auto text_on = [&](int i) { return stage_fill(i) == kInactive ? palette::text : palette::surface; };
    // The flag is an icon; this names the active stage in words for tests and screen readers.
    auto active_stage_label = [&](int i) {
        return std::string(tr(lang, "process.active_stage")) + ": " + process->stages[static_cast<std::size_t>(i)].name.in(code);
    };

    if (phone) {
        // Folded: the active stage and an expander; open: every stage as a row.
        const std::string folded = stage_label(active < 0 ? 0 : active) + "  (" + std::to_string(active + 1) + "/" +
                                   std::to_string(n) + ")  " + (state.expanded ? ICON_CHEVRON_DOWN : ICON_CHEVRON_RIGHT) +
                                   "###process_fold";
        // The stage's colour in every button state: a tap leaves the bar "hovered" on touch screens.
        const ImVec4 fill = ImGui::ColorConvertU32ToFloat4(stage_fill(active < 0 ? 0 : active));
        ImGui::PushStyleColor(ImGuiCol_Button, fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, fill);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(text_on(active < 0 ? 0 : active)));
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        if (ImGui::Button(folded.c_str(), ImVec2(width, bh))) state.expanded = !state.expanded;
        if (instance && active >= 0) record_last_item(active_stage_label(active).c_str());
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(4);
        if (state.expanded)
            for (int i = 0; i < n; ++i) {
                const std::string row = stage_label(i) + "##stage_row_" + std::to_string(i);
                if (ImGui::Selectable(row.c_str(), i == selected, 0, ImVec2(width, bh)))
                    state.selected_stage = process->stages[static_cast<std::size_t>(i)].id;
            }
    } else {
        const float gap = 4.0f;
        const float w = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
        for (int i = 0; i < n; ++i) {
            if (i > 0) ImGui::SameLine(0.0f, gap);
            const std::string id = "stage_" + std::to_string(i);
            if (draw_chevron(stage_label(i), id.c_str(), w, bh, stage_fill(i), text_on(i), i == 0, i == selected))
                state.selected_stage = process->stages[static_cast<std::size_t>(i)].id;
            if (i == active && instance) record_last_item(active_stage_label(i).c_str());
        }
    }

    // The selected stage's steps and the moves (on phones only while unfolded).
    if (!phone || state.expanded) {
        const ProcessStage& stage = process->stages[static_cast<std::size_t>(selected)];
        const EntityDef* entity = look.schema.entity(form.entity);
        ImGui::Dummy(ImVec2(0.0f, 4.0f));
        if (stage.steps.empty()) ImGui::TextDisabled("%s", tr(lang, "process.no_steps"));
        const float field_w = phone ? width : std::min(width, 640.0f);
        for (const auto& step : stage.steps) {
            const AttributeDef* a = entity ? entity->attribute(step.attribute) : nullptr;
            if (!a) continue;
            AttributeDef shown = *a;  // the process decides what is required at this stage
            shown.required = step.required;
            draw_form_field(form, *entity, shown, look, field_w);
        }
        if (instance && record_open && selected == active) {
            if (active > 0) {
                const std::string prev = std::string(ICON_CHEVRON_LEFT " ") + tr(lang, "process.previous_stage") + "###process_prev";
                if (ImGui::Button(prev.c_str(), ImVec2(0.0f, bh)) &&
                    submit(form, "process.previous_stage", process_instance_args(instance->id))) {
                    state.selected_stage.clear();
                    form.notice = tr(lang, "process.moved");
                }
                ImGui::SameLine();
            }
            const bool last = active + 1 == n;
            const std::string next = last ? std::string(ICON_CHECK " ") + tr(lang, "process.finish") + "###process_next"
                                          : std::string(tr(lang, "process.next_stage")) + " " ICON_CHEVRON_RIGHT "###process_next";
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::surface));
            const bool clicked = ImGui::Button(next.c_str(), ImVec2(0.0f, bh));
            ImGui::PopStyleColor(3);
            if (clicked) next_stage(form, look, stage, instance->id);
        }
    }
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    ImGui::PopID();
}

namespace {

// Apply Routing Rule, clicked: the rules' outcome named in the form's notice.
void apply_routing(FormState& form, const RecordFormLook& look, const Record& record) {
    const Language lang = look.language;
    // What the rules will do, read before the change so the message can name it.
    const Record* item = matching_rule_item(look.store, record);
    std::string outcome;
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
    if (!submit(form, "case.apply_routing", Json{{"id", form.id}})) return;
    form.notice = item ? outcome : std::string(tr(lang, "routing.no_match"));
}

}  // namespace

void add_apply_routing_command(FormState& form, const RecordFormLook& look, std::vector<Command>& commands) {
    if (form.entity != "incident" || form.is_new) return;
    const Record* record = look.store.find(form.entity, form.id);
    if (!record || int_of(*record, "statecode", 0) != 0) return;
    commands.push_back({"apply_routing", ICON_SHARE_ALT, tr(look.language, "routing.apply"), [&form, &look] {
                            if (const Record* r = look.store.find(form.entity, form.id)) apply_routing(form, look, *r);
                        }});
}

}  // namespace casehub::ui
