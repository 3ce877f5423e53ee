// Dashboard page: cards in a grid (two columns on desktop and tablet, one on phones),
// each a title and horizontal bars scaled to the largest count of that card.
#include "wasm/ui/views/dashboard_page.hpp"

#include <algorithm>
#include <cstdio>

#include "core/base/time.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr std::int64_t kDayMs = 86400000;

// Counts of each option of `attribute` over `rows`, in option order, options with no
// record left out.
std::vector<std::pair<std::string, std::size_t>> count_by_option(const std::vector<const Record*>& rows,
                                                                 const EntityDef& entity, const char* attribute,
                                                                 Language lang) {
    std::vector<std::pair<std::string, std::size_t>> out;
    const AttributeDef* a = entity.attribute(attribute);
    if (!a) return out;
    const auto& options = a->type == AttributeType::StatusCode ? entity.statuses : a->options;
    std::vector<std::size_t> counts(options.size(), 0);
    for (const Record* r : rows) {
        const Json* v = r->get(attribute);
        if (!v || !v->is_number_integer()) continue;
        for (std::size_t i = 0; i < options.size(); ++i)
            if (options[i].value == v->get<int>()) ++counts[i];
    }
    for (std::size_t i = 0; i < options.size(); ++i)
        if (counts[i] > 0) out.emplace_back(options[i].label.in(language_code(lang)), counts[i]);
    return out;
}

bool command_button(const char* icon, const char* label, const char* id, bool touch) {
    const std::string text = std::string(icon) + "  " + label + "###" + id;
    const bool pressed = ImGui::Button(text.c_str(), ImVec2(0.0f, touch ? 44.0f : 32.0f));
    ImGui::SameLine();
    return pressed;
}

// One chart card: the title (a link to the view behind it), then one bar per count.
bool draw_chart(const char* title, const std::vector<std::pair<std::string, std::size_t>>& bars, float width,
                const DashboardLook& look) {
    const bool touch = is_touch_sized(look.width);
    const float pad = 16.0f;
    bool clicked = false;
    const Card card = begin_card(width, pad);
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
    if (ImGui::Selectable((std::string(title) + "##chart_title").c_str(), false, 0,
                          ImVec2(width - 2.0f * pad, touch ? 44.0f : 0.0f)))
        clicked = true;
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    if (bars.empty()) ImGui::TextDisabled("%s", tr(look.language, "workspace.dash_empty"));
    std::size_t most = 1;
    for (const auto& [label, n] : bars) most = std::max(most, n);
    const float label_w = std::min(160.0f, (width - 2.0f * pad) * 0.4f);
    const float bar_room = width - 2.0f * pad - label_w - 56.0f;
    const float bar_h = touch ? 22.0f : 16.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (const auto& [label, n] : bars) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushClipRect(pos, ImVec2(pos.x + label_w - 6.0f, pos.y + bar_h + 8.0f), true);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopClipRect();
        const float bx = pos.x + label_w;
        const float bw = std::max(2.0f, bar_room * static_cast<float>(n) / static_cast<float>(most));
        draw->AddRectFilled(ImVec2(bx, pos.y + 1.0f), ImVec2(bx + bw, pos.y + 1.0f + bar_h), palette::accent, 2.0f);
        char count[24];
        std::snprintf(count, sizeof count, "%zu", n);
        draw->AddText(ImVec2(bx + bw + 6.0f, pos.y + (bar_h - ImGui::GetFontSize()) * 0.5f + 1.0f), palette::text, count);
        ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y));
        ImGui::Dummy(ImVec2(width - 2.0f * pad, bar_h + 8.0f));
        record_last_item((label + ": " + count).c_str());
    }
    end_card(card, pad, 16.0f);
    return clicked;
}

}  // namespace

const DashboardCounts& dashboard_counts(DashboardState& cache, const DashboardLook& look) {
    const std::int64_t today = look.now >= 0 ? look.now / kDayMs : (look.now - (kDayMs - 1)) / kDayMs;
    std::string key = std::to_string(look.store.version()) + '/' + look.user_id + '/' + std::to_string(today) + '/' +
                      language_code(look.language) + '/' + std::to_string(reinterpret_cast<std::uintptr_t>(&look.store));
    if (key == cache.key) return cache.counts;
    cache.key = std::move(key);
    DashboardCounts c;
    if (const View* v = look.metadata.view("my_active_cases"); v && look.schema.entity("incident")) {
        const QueryResult r = run_view(*v, look.store, look.user_id, look.now);
        c.my_active_cases = r.total;
        const EntityDef& incident = *look.schema.entity("incident");
        c.by_priority = count_by_option(r.rows, incident, "prioritycode", look.language);
        c.by_status = count_by_option(r.rows, incident, "statuscode", look.language);
    }
    if (const View* v = look.metadata.view("my_activities")) {
        const QueryResult r = run_view(*v, look.store, look.user_id, look.now);
        std::size_t overdue = 0, due_today = 0, upcoming = 0, no_date = 0;
        for (const Record* rec : r.rows) {
            const Json* due = rec->get("scheduledend");
            const auto ms = due && due->is_string() ? parse_utc(due->get_ref<const std::string&>()) : std::nullopt;
            if (!ms) {
                ++no_date;
                continue;
            }
            const std::int64_t day = *ms >= 0 ? *ms / kDayMs : (*ms - (kDayMs - 1)) / kDayMs;
            if (*ms < look.now && day < today)
                ++overdue;
            else if (day == today)
                ++due_today;
            else if (*ms < look.now)
                ++overdue;
            else
                ++upcoming;
        }
        c.activities_due = {{tr(look.language, "workspace.dash_overdue"), overdue},
                            {tr(look.language, "workspace.dash_due_today"), due_today},
                            {tr(look.language, "workspace.dash_upcoming"), upcoming},
                            {tr(look.language, "workspace.dash_no_date"), no_date}};
    }
    cache.counts = std::move(c);
    return cache.counts;
}

DashboardIntent draw_dashboard_page(DashboardState& state, const DashboardLook& look) {
    DashboardIntent intent;
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    const bool phone = look.width == WidthClass::phone;
    const DashboardCounts& counts = dashboard_counts(state, look);

    // Command bar: New (a case), Refresh, Open Views.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 6.0f));
    ImGui::BeginChild("##dashboard_command_bar", ImVec2(0.0f, (touch ? 44.0f : 32.0f) + 12.0f), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (command_button(ICON_PLUS, tr(lang, "command.new"), "cmd_new", touch)) intent.create_case = true;
    command_button(ICON_REFRESH, tr(lang, "command.refresh"), "cmd_refresh", touch);  // counts follow the store
    if (command_button(ICON_LIST, tr(lang, "workspace.open_views"), "cmd_open_views", touch)) intent.open_views = true;
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    const float pad = phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.75f));
    ImGui::PushFont(look.fonts && look.fonts->large ? look.fonts->large : ImGui::GetFont());
    ImGui::TextUnformatted(tr(lang, "workspace.dash_title"));
    ImGui::PopFont();
    record_last_item(tr(lang, "workspace.dash_title"));
    record_heading(tr(lang, "workspace.dash_title"), 1);
    ImGui::Dummy(ImVec2(0.0f, pad * 0.5f));

    ImGui::BeginChild("##dashboard_cards", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NoSavedSettings);
    const float avail = ImGui::GetContentRegionAvail().x - 2.0f * pad;
    const int columns = phone ? 1 : 2;
    const float gap = 16.0f;
    const float card_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);

    // The headline count, as the hub's "My Active Cases" tile.
    const float pad_in = 16.0f;
    ImGui::SetCursorPosX(pad);
    const Card tile = begin_card(avail, pad_in);
    ImGui::TextUnformatted(tr(lang, "workspace.dash_my_active_cases"));
    ImGui::PushFont(look.fonts && look.fonts->large ? look.fonts->large : ImGui::GetFont());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
    const std::string count = std::to_string(counts.my_active_cases);
    if (ImGui::Selectable((count + "##my_active_count").c_str(), false, 0,
                          ImVec2(ImGui::CalcTextSize(count.c_str()).x + 8.0f, touch ? 44.0f : 0.0f)))
        intent.open_view = "my_active_cases";
    ImGui::PopStyleColor();
    ImGui::PopFont();
    record_last_item((std::string(tr(lang, "workspace.dash_my_active_cases")) + ": " + count).c_str());
    end_card(tile, pad_in, gap);

    struct Chart {
        const char* title_key;
        const std::vector<std::pair<std::string, std::size_t>>* bars;
        const char* view;
    };
    const Chart charts[] = {
        {"workspace.dash_by_priority", &counts.by_priority, "my_active_cases"},
        {"workspace.dash_by_status", &counts.by_status, "my_active_cases"},
        {"workspace.dash_activities_due", &counts.activities_due, "my_activities"},
    };
    for (std::size_t i = 0; i < std::size(charts); ++i) {
        const int col = static_cast<int>(i) % columns;
        if (col == 0) {
            ImGui::SetCursorPosX(pad);
            ImGui::BeginGroup();
        } else {
            ImGui::SameLine(0.0f, gap);
            ImGui::BeginGroup();
        }
        if (draw_chart(tr(lang, charts[i].title_key), *charts[i].bars, card_w, look)) intent.open_view = charts[i].view;
        ImGui::EndGroup();
    }
    ImGui::Dummy(ImVec2(0.0f, pad));
    ImGui::EndChild();
    return intent;
}

}  // namespace casehub::ui
