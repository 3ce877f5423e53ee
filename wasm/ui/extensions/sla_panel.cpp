// SLA countdowns on the case form (see sla_panel.hpp). The browser's clock and time zone
// come through two EM_JS lines; the status and deadlines come from core/sla_engine.
#include "wasm/ui/extensions/sla_panel.hpp"

#include <cstdio>
#include <cstdlib>
#include <set>
#include <vector>

#include <emscripten/emscripten.h>

#include "core/domain/sla/sla_engine.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

EM_JS(double, casehub_sla_now, (), { return Date.now(); });
EM_JS(int, casehub_sla_utc_offset, (double ms), { return -new Date(ms).getTimezoneOffset(); });

TimestampMs now_ms() { return static_cast<TimestampMs>(casehub_sla_now()); }

ImVec4 color_of(KpiStatus status) {
    switch (status) {
        case KpiStatus::InProgress: return ImGui::ColorConvertU32ToFloat4(palette::accent_dark);
        case KpiStatus::NearingNoncompliance: return ImVec4(0.60f, 0.38f, 0.0f, 1.0f);  // amber, readable on white
        case KpiStatus::Noncompliant: return ImVec4(0.66f, 0.0f, 0.0f, 1.0f);
        case KpiStatus::Succeeded: return ImVec4(0.06f, 0.49f, 0.06f, 1.0f);
        case KpiStatus::Paused:
        case KpiStatus::Canceled: return ImGui::ColorConvertU32ToFloat4(palette::text_secondary);
    }
    return ImGui::ColorConvertU32ToFloat4(palette::text);
}

std::string status_label(const RecordFormLook& look, KpiStatus status) {
    if (const EntityDef* e = look.schema.entity("slakpiinstance"))
        if (const AttributeDef* a = e->attribute("status"))
            if (const OptionValue* o = a->option(static_cast<int>(status))) return o->label.in(language_code(look.language));
    return {};
}

std::string string_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// "2026-11-30 09:15" in the browser's time zone.
std::string local_time(TimestampMs ms) {
    const TimestampMs local = ms + static_cast<TimestampMs>(casehub_sla_utc_offset(static_cast<double>(ms))) * 60000;
    const std::string iso = format_utc(local);
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

struct Timer {
    const Record* instance;
    KpiEvaluation eval;
    std::string calendar_name;
};

std::vector<Timer> timers_of(const Record& incident, const RecordFormLook& look, TimestampMs now) {
    std::vector<Timer> out;
    for (const Record* k : kpi_instances_of(look.store, incident.id)) {
        const auto calendar = calendar_for_kpi(look.store, *k);
        out.push_back(Timer{k, evaluate_kpi(*k, calendar ? &*calendar : nullptr, now), calendar ? calendar->name : ""});
    }
    return out;
}

// The translation of `key` with "{}" replaced by `value`.
std::string fill(Language lang, const char* key, const std::string& value) {
    std::string text = tr(lang, key);
    if (auto at = text.find("{}"); at != std::string::npos) text.replace(at, 2, value);
    return text;
}

// "First Response By: 14 min 32 s left" / "... Overdue by 3 min 0 s" / "... Succeeded".
std::string countdown_text(const RecordFormLook& look, const Timer& t) {
    const Language lang = look.language;
    const std::string name = string_of(*t.instance, "name");
    switch (t.eval.status) {
        case KpiStatus::InProgress:
        case KpiStatus::NearingNoncompliance:
            return name + ": " + fill(lang, "sla.time_left", format_sla_duration(lang, t.eval.ms_left));
        case KpiStatus::Noncompliant:
            if (t.eval.ms_left < 0 && !t.instance->get("succeededon"))
                return name + ": " + fill(lang, "sla.overdue_by", format_sla_duration(lang, -t.eval.ms_left));
            return name + ": " + status_label(look, t.eval.status);
        case KpiStatus::Paused:
            return name + ": " + status_label(look, t.eval.status) + " \xc2\xb7 " +
                   fill(lang, "sla.business_time_left", format_sla_duration(lang, t.eval.business_ms_left));
        case KpiStatus::Succeeded:
        case KpiStatus::Canceled: return name + ": " + status_label(look, t.eval.status);
    }
    return name;
}

// A timer the clock has carried past a threshold whose actions have not run yet asks
// the core, once per timer and phase on this device, to apply them (sla.evaluate is a
// no-op when another device or the server got there first).
void submit_due_evaluation(const Record& incident, const std::vector<Timer>& timers) {
    static std::set<std::string> submitted;
    for (const Timer& t : timers) {
        const Json* warned = t.instance->get("warningtimereached");
        const Json* failed = t.instance->get("casehub_failureactionsdone");
        std::string phase;
        if (t.eval.status == KpiStatus::Noncompliant && !t.instance->get("succeededon") && !(failed && failed->is_boolean() && failed->get<bool>()))
            phase = "failure";
        else if (t.eval.status == KpiStatus::NearingNoncompliance && !(warned && warned->is_boolean() && warned->get<bool>()))
            phase = "warning";
        if (phase.empty() || !submitted.insert(t.instance->id + ":" + phase).second) continue;
        (void)client::data_layer().submit("sla.evaluate", Json{{"id", incident.id}});
    }
}

void draw_line(const char* text, ImVec4 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    record_last_item(text);
}

}  // namespace

std::string format_sla_duration(Language language, std::int64_t ms) {
    if (ms < 0) ms = 0;
    const std::int64_t total = ms / 1000;
    const std::int64_t d = total / 86400, h = total % 86400 / 3600, m = total % 3600 / 60, s = total % 60;
    std::string out;
    auto part = [&](std::int64_t v, const char* unit) {
        if (!out.empty()) out += ' ';
        out += std::to_string(v) + ' ' + tr(language, unit);
    };
    if (d > 0) part(d, "sla.unit_day");
    if (d > 0 || h > 0) part(h, "sla.unit_hour");
    part(m, "sla.unit_minute");
    part(s, "sla.unit_second");
    return out;
}

void draw_sla_header(const Record* incident, const RecordFormLook& look) {
    if (!incident || incident->entity != "incident") return;
    const std::vector<Timer> timers = timers_of(*incident, look, now_ms());
    submit_due_evaluation(*incident, timers);
    bool first = true;
    for (const Timer& t : timers) {
        // The header shows what an agent must act on: running or paused timers.
        if (t.eval.status == KpiStatus::Succeeded || t.eval.status == KpiStatus::Canceled) continue;
        if (t.eval.status == KpiStatus::Noncompliant && t.instance->get("succeededon")) continue;
        // Side by side on wider screens, one per line on phones; inset like the header.
        if (!first && look.width != WidthClass::phone)
            ImGui::SameLine(0.0f, 24.0f);
        else
            ImGui::SetCursorPosX(look.width == WidthClass::phone ? 12.0f : 20.0f);
        first = false;
        const std::string text = std::string(ICON_CLOCK " ") + countdown_text(look, t);
        draw_line(text.c_str(), color_of(t.eval.status));
    }
}

void draw_sla_tab(const Record* incident, const RecordFormLook& look, float width) {
    if (!incident || incident->entity != "incident") return;
    const Language lang = look.language;
    const bool phone = look.width == WidthClass::phone;
    const float pad = phone ? 12.0f : 16.0f;
    const TimestampMs now = now_ms();
    const std::vector<Timer> timers = timers_of(*incident, look, now);
    const Card card = begin_card(width, pad, true);
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextUnformatted(tr(lang, "sla.timers"));
    ImGui::PopFont();
    record_last_item(tr(lang, "sla.timers"));
    if (timers.empty()) {
        ImGui::TextDisabled("%s", tr(lang, "sla.no_timers"));
        record_last_item(tr(lang, "sla.no_timers"));
    }
    for (const Timer& t : timers) {
        ImGui::Dummy(ImVec2(0.0f, 4.0f));
        const std::string line = std::string(ICON_CLOCK " ") + countdown_text(look, t);
        ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
        draw_line(line.c_str(), color_of(t.eval.status));
        ImGui::PopFont();
        std::string detail = status_label(look, t.eval.status);
        if (t.eval.warning_time) detail += std::string("  \xc2\xb7  ") + tr(lang, "sla.warning_at") + " " + local_time(*t.eval.warning_time);
        if (t.eval.failure_time) detail += std::string("  \xc2\xb7  ") + tr(lang, "sla.failure_at") + " " + local_time(*t.eval.failure_time);
        if (auto on = parse_utc(string_of(*t.instance, "succeededon")))
            detail += std::string("  \xc2\xb7  ") + tr(lang, "sla.succeeded_on") + " " + local_time(*on);
        ImGui::TextDisabled("%s", detail.c_str());
        record_last_item(detail.c_str());
        if (!t.calendar_name.empty()) {
            const std::string hours = std::string(tr(lang, "sla.business_hours")) + ": " + t.calendar_name;
            ImGui::TextDisabled("%s", hours.c_str());
            record_last_item(hours.c_str());
        }
    }
    ImGui::Dummy(ImVec2(width - 2.0f * pad, 0.0f));
    end_card(card, pad, 12.0f);

    // The entitlement the case uses and what is left of it.
    const Record* e = look.store.find("entitlement", lookup_id_of(*incident, "entitlementid"));
    if (!e) return;
    const Card ecard = begin_card(width, pad, true);
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    const std::string title = std::string(tr(lang, "sla.entitlement")) + ": " + string_of(*e, "name");
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    record_last_item(title.c_str());
    auto number = [](const Record& r, const char* a) {
        const Json* v = r.get(a);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v && v->is_number() ? v->get<double>() : 0.0);
        return std::string(buf);
    };
    const Json* type = e->get("allocationtypecode");
    const bool hours = type && type->is_number_integer() && type->get<int>() == 1;
    const std::string terms = std::string(tr(lang, "sla.remaining_terms")) + ": " + number(*e, "remainingterms") + " / " +
                              number(*e, "totalterms") + " " + tr(lang, hours ? "sla.unit_hours_term" : "sla.unit_cases_term");
    ImGui::TextUnformatted(terms.c_str());
    record_last_item(terms.c_str());
    ImGui::Dummy(ImVec2(width - 2.0f * pad, 0.0f));
    end_card(ecard, pad, 12.0f);
}

}  // namespace casehub::ui
