// Timeline drawing: gathers the record's activities (regardingobjectid), notes (objectid)
// and case resolutions (incidentid) from the local store, sorts them newest first and
// draws one row each. The quick-note draft lives in preferences (localStorage) under
// draft_key(), written as the agent types, so neither a reload nor a lost network loses it.
#include "wasm/ui/extensions/timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/domain/activities/activity_lifecycle.hpp"
#include "core/domain/cases/case_lifecycle.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/schema/schema.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

// Type filter choices: "" = everything, else one entity.
constexpr const char* kTypes[] = {"", "annotation", "email", "task", "phonecall", "appointment", "socialactivity",
                                  "incidentresolution"};
enum class StatusFilter { all, active, closed };

struct TimelineFilter {
    int type = 0;
    StatusFilter status = StatusFilter::all;
};

struct NoteDraft {
    std::string text;
    bool loaded = false;
    std::string error;
};

TimelineFilter& timeline_filter() {
    static TimelineFilter f;
    return f;
}

std::map<std::string, NoteDraft>& note_drafts() {
    static std::map<std::string, NoteDraft> d;
    return d;
}

const char* icon_for(const std::string& entity) {
    if (entity == "annotation") return ICON_LIST;
    if (entity == "email") return ICON_INBOX;
    if (entity == "task") return ICON_TASKS;
    if (entity == "phonecall") return ICON_PHONE;
    if (entity == "appointment") return ICON_CALENDAR;
    if (entity == "socialactivity") return ICON_GLOBE;
    if (entity == "incidentresolution") return ICON_CHECK;
    return ICON_CLOCK;
}

std::string string_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// Notes have no state: they count as active.
bool is_closed(const Record& r) {
    if (r.entity == "annotation") return false;
    if (r.entity == "incidentresolution") return true;
    return !is_activity_open(r);
}

std::string when_of(const Record& r) {
    std::string t = string_of(r, "createdon");
    return t.empty() ? string_of(r, "modifiedon") : t;
}

std::vector<const Record*> timeline_records(const Store& store, const Record& record) {
    std::vector<const Record*> out;
    for (const std::string& e : activity_entities())
        for (const Record* r : store.referencing(e, "regardingobjectid", record.id)) out.push_back(r);
    for (const Record* r : store.referencing("annotation", "objectid", record.id)) out.push_back(r);
    if (record.entity == "incident")
        for (const Record* r : store.referencing("incidentresolution", "incidentid", record.id)) out.push_back(r);
    std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) {
        const std::string ta = when_of(*a), tb = when_of(*b);
        if (ta != tb) return ta > tb;  // ISO-8601 UTC strings sort as instants
        return a->id > b->id;
    });
    return out;
}

bool passes(const Record& r, const TimelineFilter& f) {
    if (f.type > 0 && r.entity != kTypes[f.type]) return false;
    if (f.status == StatusFilter::active && is_closed(r)) return false;
    if (f.status == StatusFilter::closed && !is_closed(r)) return false;
    return true;
}

std::string type_label(int type, const Schema& schema, const char* code, Language lang) {
    if (type == 0) return tr(lang, "timeline.all_types");
    const EntityDef* e = schema.entity(kTypes[type]);
    return e ? e->plural.in(code) : kTypes[type];
}

const char* status_label(StatusFilter s, Language lang) {
    switch (s) {
        case StatusFilter::active: return tr(lang, "timeline.status_active");
        case StatusFilter::closed: return tr(lang, "timeline.status_closed");
        default: return tr(lang, "timeline.status_all");
    }
}

void draw_filters(const RecordFormLook& look, float width) {
    TimelineFilter& f = timeline_filter();
    const Language lang = look.language;
    const char* code = language_code(lang);
    const float w = std::min(220.0f, (width - 8.0f) * 0.5f);
    ImGui::SetNextItemWidth(w);
    const std::string current_type = type_label(f.type, look.schema, code, lang);
    if (ImGui::BeginCombo("##timeline_type", current_type.c_str())) {
        for (int t = 0; t < static_cast<int>(std::size(kTypes)); ++t) {
            const std::string label = type_label(t, look.schema, code, lang) + "##timeline_type_" + std::to_string(t);
            if (ImGui::Selectable(label.c_str(), f.type == t)) f.type = t;
        }
        ImGui::EndCombo();
    }
    record_last_item(tr(lang, "timeline.filter_type"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("##timeline_status", status_label(f.status, lang))) {
        for (StatusFilter s : {StatusFilter::all, StatusFilter::active, StatusFilter::closed}) {
            const std::string label = std::string(status_label(s, lang)) + "##timeline_status_" +
                                      std::to_string(static_cast<int>(s));
            if (ImGui::Selectable(label.c_str(), f.status == s)) f.status = s;
        }
        ImGui::EndCombo();
    }
    record_last_item(tr(lang, "timeline.filter_status"));
}

// The quick-note box: typed text is saved on this device at every change.
void draw_quick_note(const Record& record, const RecordFormLook& look, float width) {
    const Language lang = look.language;
    const std::string key = draft_key("note", record.entity, record.id);
    NoteDraft& draft = note_drafts()[key];
    if (!draft.loaded) {
        draft.text = platform::load_preference(key.c_str());
        draft.loaded = true;
    }
    static char buf[8192];
    std::snprintf(buf, sizeof buf, "%s", draft.text.c_str());
    const float h = ImGui::GetTextLineHeight() * 3.0f + ImGui::GetStyle().FramePadding.y * 2.0f;
    if (ImGui::InputTextMultiline("##quick_note", buf, sizeof buf, ImVec2(width, h))) {
        draft.text = buf;
        draft.error.clear();
        platform::save_preference(key.c_str(), draft.text);
    }
    record_last_item(tr(lang, "timeline.note_hint"));
    if (draft.text.empty() && !ImGui::IsItemActive()) {
        // InputTextMultiline has no hint: draw it over the empty box.
        const ImVec2 p = ImGui::GetItemRectMin();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad.x, p.y + pad.y), palette::text_secondary,
                                            tr(lang, "timeline.note_hint"));
    }
    const bool touch = is_touch_sized(look.width);
    const std::string add = std::string(ICON_PLUS "  ") + tr(lang, "timeline.add_note") + "###timeline_add_note";
    const bool empty = draft.text.find_first_not_of(" \t\r\n") == std::string::npos;
    ImGui::BeginDisabled(empty);
    if (ImGui::Button(add.c_str(), ImVec2(0.0f, touch ? 44.0f : 0.0f))) {
        client::DataLayer& dl = client::data_layer();
        Json fields{{"notetext", draft.text},
                    {"subject", draft.text.substr(0, std::min<std::size_t>(draft.text.find('\n'), 80))},
                    {"objectid", make_lookup(record.entity, record.id)}};
        if (!dl.replica_user_id().empty()) fields["ownerid"] = make_lookup("systemuser", dl.replica_user_id());
        auto result = dl.submit("record.create", record_create_args("annotation", platform::random_uuid(), fields));
        if (result) {
            draft.text.clear();
            platform::save_preference(key.c_str(), "");
        } else {
            draft.error = result.error().message;
        }
    }
    ImGui::EndDisabled();
    if (!draft.text.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(lang, "timeline.draft_saved"));
        record_last_item(tr(lang, "timeline.draft_saved"));
    }
    if (!draft.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
        ImGui::TextWrapped("%s %s", ICON_TIMES, localize_message(draft.error, lang).c_str());
        ImGui::PopStyleColor();
    }
}

std::optional<RecordRef> draw_row(const Record& r, const RecordFormLook& look, float width) {
    std::optional<RecordRef> open;
    const Language lang = look.language;
    const char* code = language_code(lang);
    const EntityDef* def = look.schema.entity(r.entity);
    std::string title = r.entity == "annotation" ? string_of(r, "notetext") : string_of(r, "subject");
    if (title.empty()) title = string_of(r, "subject");
    if (const auto nl = title.find('\n'); nl != std::string::npos) title = title.substr(0, nl) + " \xe2\x80\xa6";
    if (title.empty()) title = def ? def->label.in(code) : r.entity;
    std::string meta = def ? def->label.in(code) : r.entity;
    if (def)
        if (const Json* s = r.get("statuscode"); s && s->is_number_integer())
            if (const OptionValue* o = def->status(s->get<int>())) meta += "  \xc2\xb7  " + o->label.in(code);
    if (const std::string when = when_of(r); !when.empty()) meta += "  \xc2\xb7  " + format_datetime(when, lang);
    if (r.entity == "incidentresolution")
        if (const Json* t = r.get("timespent"); t && t->is_number_integer())
            meta += "  \xc2\xb7  " + std::to_string(t->get<int>()) + " min";
    if (is_activity_entity(r.entity) && is_activity_open(r))
        if (const std::string due = string_of(r, "scheduledend"); !due.empty())
            meta += "  \xc2\xb7  " + std::string(tr(lang, "timeline.due")) + " " + format_datetime(due, lang);

    const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f + 8.0f;
    const ImVec2 start = ImGui::GetCursorPos();
    const std::string id = "##timeline_row_" + r.id;
    if (ImGui::Selectable(id.c_str(), false, 0, ImVec2(width, std::max(row_h, is_touch_sized(look.width) ? 44.0f : 0.0f))))
        open = RecordRef{r.entity, r.id};
    record_last_item(title.c_str());
    ImGui::SetCursorPos(ImVec2(start.x + 4.0f, start.y + 4.0f));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(palette::accent), "%s", icon_for(r.entity));
    ImGui::SameLine();
    ImGui::SetCursorPosX(start.x + 28.0f);  // not SameLine(x): that adds the card group's offset again
    ImGui::PushTextWrapPos(start.x + width);
    ImGui::TextUnformatted(title.c_str());
    ImGui::SetCursorPosX(start.x + 28.0f);
    ImGui::TextDisabled("%s", meta.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPos(ImVec2(start.x, std::max(ImGui::GetCursorPosY(), start.y + row_h + 2.0f)));
    return open;
}

}  // namespace

std::string draft_key(const char* kind, const std::string& entity, const std::string& id) {
    return std::string("draft.") + kind + "." + entity + "." + id;
}

bool draw_timeline_section(const std::string& section_name, const Record* record, const RecordFormLook& look,
                           float width, std::optional<RecordRef>& open) {
    if (section_name != "timeline" || !record) return false;
    const Language lang = look.language;
    const float pad = look.width == WidthClass::phone ? 12.0f : 16.0f;
    const Card card = begin_card(width, pad);
    const float inner = width - 2.0f * pad;
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextUnformatted(tr(lang, "timeline.title"));
    ImGui::PopFont();
    record_last_item(tr(lang, "timeline.title"));
    ImGui::Dummy(ImVec2(0.0f, 2.0f));
    // A resolved or canceled case takes no new notes until it is reactivated.
    ImGui::BeginDisabled(record->entity == "incident" && is_case_closed(*record));
    draw_quick_note(*record, look, inner);
    ImGui::EndDisabled();
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    draw_filters(look, inner);
    ImGui::Separator();

    const TimelineFilter& f = timeline_filter();
    std::size_t shown = 0;
    for (const Record* r : timeline_records(look.store, *record)) {
        if (!passes(*r, f)) continue;
        if (shown++ >= 100) break;  // the full history is on the Related tab's lists
        ImGui::PushID(r->id.c_str());
        if (auto o = draw_row(*r, look, inner)) open = o;
        ImGui::PopID();
    }
    if (shown == 0) {
        ImGui::TextDisabled("%s", tr(lang, "timeline.empty"));
        record_last_item(tr(lang, "timeline.empty"));
    }
    ImGui::Dummy(ImVec2(inner, 0.0f));
    end_card(card, pad, 12.0f);
    return true;
}

}  // namespace casehub::ui
