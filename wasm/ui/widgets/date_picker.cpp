// Date picker: the month grid is computed from civil-day arithmetic (core/time), so no
// C library time zone is involved; weeks start on Sunday in English and on Monday in
// French and Indonesian, as in those locales' calendars.
#include "wasm/ui/widgets/date_picker.hpp"

#include <cfloat>
#include <cstdio>
#include <optional>

#include <emscripten/emscripten.h>

#include "core/base/time.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/theme.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

// clang-format off
EM_JS(double, casehub_picker_now, (), { return Date.now(); });
// clang-format on

namespace casehub::ui {
namespace {

constexpr std::int64_t kDayMs = 86400000;

std::int64_t day_of(TimestampMs ms) { return ms >= 0 ? ms / kDayMs : (ms - (kDayMs - 1)) / kDayMs; }

// Which month the open popup shows, and the time typed in it (one popup is open at a time).
struct OpenPicker {
    ImGuiID id = 0;
    int year = 1970;
    unsigned month = 1;
    char time[8] = "09:00";
};

OpenPicker& open_picker() {
    static OpenPicker p;
    return p;
}

bool parse_time(const char* text, int& minutes) {
    int h = 0, m = 0;
    char sep = 0;
    if (std::sscanf(text, "%d%c%d", &h, &sep, &m) != 3 || (sep != ':' && sep != '.' && sep != 'h')) return false;
    if (h < 0 || h > 23 || m < 0 || m > 59) return false;
    minutes = h * 60 + m;
    return true;
}

Json value_for(std::int64_t day, int minutes) { return Json(format_utc(day * kDayMs + minutes * 60000LL)); }

}  // namespace

std::string format_date(std::int64_t days, Language language) {
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[24];
    if (language == Language::en)
        std::snprintf(buf, sizeof buf, "%u/%u/%d", m, d, y);
    else
        std::snprintf(buf, sizeof buf, "%02u/%02u/%d", d, m, y);
    return buf;
}

bool is_date_only(const AttributeDef& attribute) {
    const std::string& n = attribute.name;
    return n.size() > 4 && n.compare(n.size() - 4, 4, "date") == 0;
}

bool draw_date_picker(const char* id, const Json& value, bool with_time, Json& out, const FieldContext& ctx) {
    const Language lang = ctx.language;
    const bool touch = is_touch_sized(ctx.width);
    bool changed = false;
    ImGui::PushID(id);
    const ImGuiID popup_id = ImGui::GetID("##date_popup");
    std::optional<TimestampMs> current;
    if (value.is_string()) current = parse_utc(value.get_ref<const std::string&>());

    std::string shown;
    if (current) shown = with_time ? format_datetime(value.get_ref<const std::string&>(), lang) : format_date(day_of(*current), lang);
    const float frame_h = ImGui::GetFrameHeight();
    const float clear_w = current ? frame_h + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    const std::string label = (shown.empty() ? std::string("---") : shown) + "##open";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    const float button_w = ImGui::GetContentRegionAvail().x - clear_w;
    const ImVec2 button_pos = ImGui::GetCursorScreenPos();
    if (ImGui::Button(label.c_str(), ImVec2(button_w, 0.0f))) {
        OpenPicker& p = open_picker();
        p.id = popup_id;
        const TimestampMs base = current ? *current : static_cast<TimestampMs>(casehub_picker_now());
        unsigned d = 0;
        civil_from_days(day_of(base), p.year, p.month, d);
        const int minutes = current ? static_cast<int>((*current - day_of(*current) * kDayMs) / 60000) : 9 * 60;
        std::snprintf(p.time, sizeof p.time, "%02d:%02d", minutes / 60, minutes % 60);
        ImGui::OpenPopup("##date_popup");
    }
    ImGui::PopStyleVar();
    // The calendar glyph at the button's right end, as in the hub's date fields.
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(button_pos.x + button_w - ImGui::GetFontSize() * 1.6f, button_pos.y + ImGui::GetStyle().FramePadding.y),
        palette::text_secondary, ICON_CALENDAR);
    if (current) {
        ImGui::SameLine();
        if (ImGui::Button(ICON_TIMES "##clear", ImVec2(frame_h, 0.0f))) {
            out = nullptr;
            changed = true;
        }
    }

    ImGui::SetNextWindowSizeConstraints(ImVec2(touch ? 7 * 46.0f : 7 * 34.0f, 0.0f), ImVec2(FLT_MAX, FLT_MAX));
    if (ImGui::BeginPopup("##date_popup")) {
        OpenPicker& p = open_picker();
        if (p.id != popup_id) {  // opened by keyboard navigation: start at today
            p.id = popup_id;
            unsigned d = 0;
            civil_from_days(day_of(static_cast<TimestampMs>(casehub_picker_now())), p.year, p.month, d);
        }
        const float cell = touch ? 44.0f : 32.0f;
        const ImVec2 nav_size(cell, cell);
        const std::int64_t today = day_of(static_cast<TimestampMs>(casehub_picker_now()));
        const std::int64_t selected = current ? day_of(*current) : -1000000;

        // Header: < Month Year >, then the weekday names, in cells as wide as the days.
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float grid_w = 7.0f * cell + 6.0f * spacing;
        if (ImGui::Button(ICON_CHEVRON_LEFT "###prev_month", nav_size)) {
            if (p.month == 1) {
                p.month = 12;
                --p.year;
            } else {
                --p.month;
            }
        }
        record_last_item(tr(lang, "workspace.date_previous_month"));
        ImGui::SameLine();
        const std::string month_key = "workspace.month_" + std::to_string(p.month);
        const std::string title = std::string(tr(lang, month_key)) + " " + std::to_string(p.year);
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0, 0, 0, 0));
        ImGui::Button((title + "###month_title").c_str(), ImVec2(grid_w - 2.0f * (cell + spacing), cell));
        record_last_item(title.c_str());
        ImGui::PopStyleColor(3);
        ImGui::SameLine();
        if (ImGui::Button(ICON_CHEVRON_RIGHT "###next_month", nav_size)) {
            if (p.month == 12) {
                p.month = 1;
                ++p.year;
            } else {
                ++p.month;
            }
        }
        record_last_item(tr(lang, "workspace.date_next_month"));

        const int week_start = lang == Language::en ? 0 : 1;  // 0 = Sunday
        ImGui::BeginDisabled();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        for (int i = 0; i < 7; ++i) {
            const int wd = (week_start + i) % 7;
            const std::string name = std::string(tr(lang, "workspace.weekday_" + std::to_string(wd))) + "###wd" +
                                     std::to_string(i);
            if (i > 0) ImGui::SameLine();
            ImGui::Button(name.c_str(), ImVec2(cell, ImGui::GetTextLineHeight() + 6.0f));
        }
        ImGui::PopStyleColor();
        ImGui::EndDisabled();
        const std::int64_t first = days_from_civil(p.year, p.month, 1);
        const int first_wd = static_cast<int>(((first % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
        const std::int64_t start = first - ((first_wd - week_start + 7) % 7);
        for (int i = 0; i < 42; ++i) {
            const std::int64_t day = start + i;
            int y = 0;
            unsigned m = 0, d = 0;
            civil_from_days(day, y, m, d);
            if (i % 7 != 0) ImGui::SameLine();
            const bool in_month = m == p.month;
            const bool is_selected = day == selected;
            int colors = 0;
            if (is_selected) {
                ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
                colors = 2;
            } else if (!in_month) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
                ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
                colors = 2;
            } else {
                ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
                colors = 1;
            }
            const std::string day_label = std::to_string(d) + "###day" + std::to_string(i);
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            if (ImGui::Button(day_label.c_str(), ImVec2(cell, cell))) {
                int minutes = 0;
                if (with_time && !parse_time(p.time, minutes)) minutes = 9 * 60;
                out = value_for(day, with_time ? minutes : 0);
                changed = true;
                ImGui::CloseCurrentPopup();
            }
            record_last_item(format_date(day, lang).c_str());
            if (day == today)
                ImGui::GetWindowDrawList()->AddRect(pos, ImVec2(pos.x + cell, pos.y + cell), palette::accent, 4.0f, 0,
                                                    1.5f);
            ImGui::PopStyleColor(colors);
        }

        if (with_time) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(lang, "workspace.date_time"));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(touch ? 120.0f : 90.0f);
            if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10.0f, 12.0f));
            const bool entered = ImGui::InputTextWithHint("##time", "HH:MM", p.time, sizeof p.time,
                                                          ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue);
            if (touch) ImGui::PopStyleVar();
            record_last_item(tr(lang, "workspace.date_time"));
            int minutes = 0;
            if (entered && current && parse_time(p.time, minutes)) {
                out = value_for(day_of(*current), minutes);
                changed = true;
                ImGui::CloseCurrentPopup();
            }
        }

        // Today, Clear.
        const ImVec2 action_size(0.0f, touch ? 44.0f : 0.0f);
        if (ImGui::Button(tr(lang, "workspace.date_today"), action_size)) {
            int minutes = 0;
            if (with_time && !parse_time(p.time, minutes)) minutes = 9 * 60;
            out = value_for(today, with_time ? minutes : 0);
            changed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, "workspace.date_clear"), action_size)) {
            out = nullptr;
            changed = !value.is_null();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace casehub::ui
