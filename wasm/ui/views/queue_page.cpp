// Queues page: one QueueViewRequest as UI state, rows re-queried only when it or the
// replica changes, drawn with a list clipper. Commands submit one queue.* mutation per
// selected item, so one item another agent holds does not stop the others; what the
// replica refuses at once is summed up under the command bar, what the server refuses
// later reaches the agent as a rejection notice (rejection_notice.cpp).
#include "wasm/ui/views/queue_page.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <set>
#include <vector>

#include "core/i18n/message_catalog.hpp"
#include "core/domain/queues/queue_mutations.hpp"
#include "core/domain/queues/queue_view.hpp"
#include "core/schema/schema.hpp"
#include "core/text/text_fold.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

const char* view_key(QueueItemView v) {
    switch (v) {
        case QueueItemView::Available: return "queue.view_available";
        case QueueItemView::MyWork: return "queue.view_mine";
        case QueueItemView::All: return "queue.view_all";
    }
    return "queue.view_all";
}

std::string queue_name(const Record& q) { return q.attributes.value("name", std::string()); }

std::string scope_label(const QueuePageState& s, const Store& store, Language lang) {
    if (s.request.scope == QueueScope::All) return tr(lang, "queue.all_queues");
    if (s.request.scope == QueueScope::Mine) return tr(lang, "queue.my_queues");
    const Record* q = store.find("queue", s.request.queue_id);
    return q ? queue_name(*q) : std::string(tr(lang, "queue.all_queues"));
}

// "2 d 3 h", "5 h 10 min", "12 min": how long an item has waited.
std::string format_age(std::int64_t ms, Language lang) {
    const std::int64_t minutes = ms / 60000, hours = minutes / 60, days = hours / 24;
    char buf[64];
    if (days > 0)
        std::snprintf(buf, sizeof buf, "%lld %s %lld %s", static_cast<long long>(days), tr(lang, "queue.age_days"),
                      static_cast<long long>(hours % 24), tr(lang, "queue.age_hours"));
    else if (hours > 0)
        std::snprintf(buf, sizeof buf, "%lld %s %lld %s", static_cast<long long>(hours), tr(lang, "queue.age_hours"),
                      static_cast<long long>(minutes % 60), tr(lang, "queue.age_minutes"));
    else
        std::snprintf(buf, sizeof buf, "%lld %s", static_cast<long long>(minutes < 0 ? 0 : minutes),
                      tr(lang, "queue.age_minutes"));
    return buf;
}

std::string option_label(const Schema& schema, const char* entity, const char* attribute, int value, Language lang) {
    const EntityDef* e = schema.entity(entity);
    const AttributeDef* a = e ? e->attribute(attribute) : nullptr;
    const OptionValue* o = a ? a->option(value) : nullptr;
    return o ? o->label.in(language_code(lang)) : std::string();
}

std::string label_of(const Schema& schema, const char* entity, const char* attribute, Language lang) {
    const EntityDef* e = schema.entity(entity);
    const AttributeDef* a = e ? e->attribute(attribute) : nullptr;
    return a ? attribute_label(*a, lang) : std::string(attribute);
}

// Submits one mutation per selected item; the notice says how many went through and
// the first reason one did not ("Alex Taylor is working on this item.").
void run_on_selected(QueuePageState& s, Intents& intents, Language lang, const char* done_key,
                     const std::function<std::pair<std::string, Json>(const std::string&)>& make) {
    // The answers are tallied as they come; the last one writes the notice.
    struct Tally {
        std::size_t left = 0;
        int ok = 0, failed = 0;
        std::string reason;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = s.selected.size();
    for (const std::string& id : s.selected) {
        auto [name, args] = make(id);
        intents.submit(std::move(name), std::move(args), [&s, tally, lang, done_key](const Result<Mutation>& result) {
            if (result) {
                ++tally->ok;
            } else {
                ++tally->failed;
                if (tally->reason.empty()) tally->reason = localize_message(result.error().message, lang);
            }
            if (--tally->left > 0) return;
            s.notice = std::to_string(tally->ok) + " " + tr(lang, done_key);
            if (tally->failed > 0)
                s.notice += " — " + std::to_string(tally->failed) + " " + tr(lang, "queue.not_done") + ": " + tally->reason;
            s.notice_is_error = tally->failed > 0;
            s.cache_key.clear();
        });
    }
    s.selected.clear();
    s.cache_key.clear();
}

void refresh_rows(QueuePageState& s, const Store& store, const std::string& user_id, TimestampMs now) {
    s.request.user_id = user_id;
    s.request.title_contains = s.title_filter.data();
    s.request.worker_contains = s.worker_filter.data();
    // Age and SLA status move with the clock: re-query at least once a minute.
    const std::string key = std::to_string(store.version()) + '\x1f' + user_id + '\x1f' +
                            std::to_string(static_cast<int>(s.request.scope)) + s.request.queue_id + '\x1f' +
                            std::to_string(static_cast<int>(s.request.view)) + '\x1f' + s.request.title_contains +
                            '\x1f' + s.request.worker_contains + '\x1f' + std::to_string(s.request.priority) + '\x1f' +
                            std::to_string(s.request.sla_status) + '\x1f' +
                            std::to_string(static_cast<int>(s.request.sort)) + (s.request.descending ? "-" : "+") +
                            '\x1f' + std::to_string(now / 60000);
    if (key == s.cache_key) return;
    s.cache_key = key;
    s.rows = query_queue_items(store, s.request, now);
    s.counts = queue_counts(store, user_id, QueueScope::All);
    std::set<std::string> visible;
    for (const auto& r : s.rows) visible.insert(r.item->id);
    for (auto it = s.selected.begin(); it != s.selected.end();)
        it = visible.count(*it) ? std::next(it) : s.selected.erase(it);
}

void draw_route_dialog(QueuePageState& s, Intents& intents, const Store& store, const std::string& user_id, Language lang,
                       WidthClass width) {
    RouteDialog& d = s.route;
    if (d.open_requested) {
        ImGui::OpenPopup("##queue_route");
        d.open_requested = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, display.x - 20.0f), 0.0f));
    if (!ImGui::BeginPopupModal("##queue_route", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    const bool touch = is_touch_sized(width);
    const float rh = touch ? 44.0f : 0.0f;
    ImGui::TextUnformatted(tr(lang, "queue.route_title"));
    record_last_item(tr(lang, "queue.route_title"));
    const std::pair<RouteTarget, const char*> kinds[] = {{RouteTarget::queue, "queue.route_to_queue"},
                                                         {RouteTarget::user, "queue.route_to_user"},
                                                         {RouteTarget::team, "queue.route_to_team"}};
    for (const auto& [kind, key] : kinds) {
        if (kind != RouteTarget::queue && width != WidthClass::phone) ImGui::SameLine();  // one per line on phones
        if (ImGui::RadioButton((std::string(tr(lang, key)) + "##route_" + key).c_str(), d.to == kind)) {
            d.to = kind;
            d.target.clear();
        }
    }
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##route_search", tr(lang, "queue.route_search"), d.search.data(), d.search.size());
    record_last_item(tr(lang, "queue.route_search"));
    const std::string needle = fold_text(d.search.data());
    ImGui::BeginChild("##route_list", ImVec2(0.0f, touch ? 220.0f : 180.0f), true);
    if (d.to != RouteTarget::queue) {
        const bool users = d.to == RouteTarget::user;
        store.for_each(users ? "systemuser" : "team", [&](const Record& p) {
            const std::string name = p.attributes.value(users ? "fullname" : "name", std::string());
            if (name.empty() || (!needle.empty() && fold_text(name).find(needle) == std::string::npos)) return;
            if (ImGui::Selectable((name + "##p_" + p.id).c_str(), d.target == p.id, 0, ImVec2(0.0f, rh))) d.target = p.id;
        });
    } else {
        for (const Record* q : queues_in_scope(store, user_id, QueueScope::All)) {
            const std::string name = queue_name(*q);
            if (!needle.empty() && fold_text(name).find(needle) == std::string::npos) continue;
            if (ImGui::Selectable((name + "##q_" + q->id).c_str(), d.target == q->id, 0, ImVec2(0.0f, rh)))
                d.target = q->id;
        }
    }
    ImGui::EndChild();
    if (d.to != RouteTarget::queue)
        ImGui::Checkbox((std::string(tr(lang, "queue.route_remove")) + "##route_remove").c_str(), &d.remove);
    const ImVec2 bs(touch ? 140.0f : 120.0f, touch ? 44.0f : 0.0f);
    ImGui::BeginDisabled(d.target.empty());
    if (ImGui::Button((std::string(tr(lang, "queue.route")) + "###route_ok").c_str(), bs)) {
        const RouteDialog chosen = d;
        run_on_selected(s, intents, lang, "queue.routed", [&](const std::string& id) {
            if (chosen.to == RouteTarget::queue)
                return std::pair{std::string("queue.route"), queue_route_to_queue_args(id, chosen.target)};
            const char* entity = chosen.to == RouteTarget::user ? "systemuser" : "team";
            return std::pair{std::string("queue.route"),
                             queue_route_to_principal_args(id, entity, chosen.target, chosen.remove)};
        });
        d = RouteDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(lang, "workspace.cancel")) + "###route_cancel").c_str(), bs) || escape_closes_dialog()) {
        d = RouteDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

QueuePageIntent draw_queue_page(QueuePageState& s, const ViewFrame& frame) {
    QueuePageIntent intent;
    const Language lang = frame.language;
    const WidthClass width = frame.width;
    const TimestampMs now = frame.model.now;
    const Fonts* fonts = frame.fonts;
    Intents& intents = frame.intents;
    const Store& store = frame.model.store;
    const Schema& schema = casehub_schema();
    const std::string& me = frame.model.user_id;
    refresh_rows(s, store, me, now);
    const bool touch = is_touch_sized(width);
    const bool phone = width == WidthClass::phone;

    // Command bar.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 6.0f));
    ImGui::BeginChild("##queue_command_bar", ImVec2(0.0f, (touch ? 44.0f : 32.0f) + 12.0f), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool any = !s.selected.empty();
    std::vector<Command> commands;
    commands.push_back({"queue_pick", ICON_CHECK, tr(lang, "queue.pick"), [&] {
                            const bool remove = s.pick_removes, own = s.pick_to_own_queue;
                            run_on_selected(s, intents, lang, "queue.picked", [&](const std::string& id) {
                                return std::pair{std::string("queue.pick"), queue_pick_args(id, remove, own)};
                            });
                        }, any});
    commands.push_back({"queue_release", ICON_INBOX, tr(lang, "queue.release"), [&] {
                            run_on_selected(s, intents, lang, "queue.released", [](const std::string& id) {
                                return std::pair{std::string("queue.release"), queue_release_args(id)};
                            });
                        }, any});
    commands.push_back({"queue_route", ICON_SHARE_ALT, tr(lang, "queue.route"), [&] { s.route.open_requested = true; }, any});
    commands.push_back({"queue_remove", ICON_TIMES, tr(lang, "queue.remove"), [&] {
                            run_on_selected(s, intents, lang, "queue.removed", [](const std::string& id) {
                                return std::pair{std::string("queue.remove"), queue_remove_args(id)};
                            });
                        }, any});
    commands.push_back({"queue_edit", ICON_BRIEFCASE, tr(lang, "queue.edit"), [&] {
                            for (const auto& r : s.rows)
                                if (r.item->id == *s.selected.begin()) intent.open = RecordRef{r.object_entity, r.object_id};
                        }, s.selected.size() == 1});
    commands.push_back({"queue_refresh", ICON_REFRESH, tr(lang, "command.refresh"), [&] { s.cache_key.clear(); }});
    commands.push_back({"queue_pick_options", ICON_COGS, tr(lang, "queue.pick_options"),
                        [] { ImGui::OpenPopup("##queue_pick_options"); }});
    draw_command_bar("queue_commands", commands, lang, width);
    if (ImGui::BeginPopup("##queue_pick_options")) {
        ImGui::Checkbox((std::string(tr(lang, "queue.pick_to_own")) + "##pick_own").c_str(), &s.pick_to_own_queue);
        ImGui::Checkbox((std::string(tr(lang, "queue.pick_remove")) + "##pick_remove").c_str(), &s.pick_removes);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    // A command changed the replica: the rows point into it, so take them again before drawing.
    refresh_rows(s, store, me, now);

    const float pad = phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(tr(lang, "entity.queue"));
    ImGui::PopStyleColor();
    record_last_item(tr(lang, "entity.queue"));
    record_heading(tr(lang, "entity.queue"), 1);

    // Queue switcher and view switcher, as the hub's two drop-downs.
    ImGui::SetCursorPosX(pad);
    ImGui::PushFont(fonts && fonts->large ? fonts->large : ImGui::GetFont());
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    const std::string scope = scope_label(s, store, lang);
    if (ImGui::Button((scope + "  " ICON_CHEVRON_DOWN "##queue_switcher").c_str())) ImGui::OpenPopup("##queue_list");
    record_last_item(scope.c_str());
    if (!phone) ImGui::SameLine();
    else ImGui::SetCursorPosX(pad);
    const char* view_label = tr(lang, view_key(s.request.view));
    if (ImGui::Button((std::string(view_label) + "  " ICON_CHEVRON_DOWN "##queue_view_switcher").c_str()))
        ImGui::OpenPopup("##queue_view_list");
    record_last_item(view_label);
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const float item_h = touch ? 40.0f : 0.0f;
    if (ImGui::BeginPopup("##queue_list")) {
        auto pick_scope = [&](const std::string& label, QueueScope sc, const std::string& id, bool current) {
            if (ImGui::Selectable(label.c_str(), current, 0, ImVec2(0.0f, item_h))) {
                s.request.scope = sc;
                s.request.queue_id = id;
                s.selected.clear();
            }
            record_last_item(visible_label(label.c_str()).c_str());
        };
        pick_scope(std::string(tr(lang, "queue.all_queues")) + "##scope_all", QueueScope::All, "",
                   s.request.scope == QueueScope::All);
        pick_scope(std::string(tr(lang, "queue.my_queues")) + "##scope_mine", QueueScope::Mine, "",
                   s.request.scope == QueueScope::Mine);
        ImGui::Separator();
        for (const QueueCount& c : s.counts) {
            // "Gold (3)": items available to work on, as the hub's queue list counts them.
            const std::string label = queue_name(*c.queue) + " (" + std::to_string(c.available) + ")##scope_" + c.queue->id;
            pick_scope(label, QueueScope::One, c.queue->id,
                       s.request.scope == QueueScope::One && s.request.queue_id == c.queue->id);
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("##queue_view_list")) {
        for (QueueItemView v : {QueueItemView::Available, QueueItemView::MyWork, QueueItemView::All}) {
            const std::string label = std::string(tr(lang, view_key(v))) + "##qv_" + std::to_string(static_cast<int>(v));
            if (ImGui::Selectable(label.c_str(), s.request.view == v, 0, ImVec2(0.0f, item_h))) {
                s.request.view = v;
                s.selected.clear();
            }
            record_last_item(tr(lang, view_key(v)));
        }
        ImGui::EndPopup();
    }

    // Counts of the queue (or queues) shown, then search and filters.
    std::size_t available = 0, working = 0, mine = 0;
    for (const QueueCount& c : s.counts) {
        if (s.request.scope == QueueScope::One && c.queue->id != s.request.queue_id) continue;
        available += c.available;
        working += c.working;
        mine += c.mine;
    }
    ImGui::SetCursorPosX(pad);
    const std::string counts = std::to_string(available) + " " + tr(lang, "queue.count_available") + "  ·  " +
                               std::to_string(working) + " " + tr(lang, "queue.count_working") + "  ·  " +
                               std::to_string(mine) + " " + tr(lang, "queue.count_mine");
    ImGui::TextDisabled("%s", counts.c_str());
    record_last_item(counts.c_str());

    ImGui::SetCursorPosX(pad);
    const float avail = ImGui::GetContentRegionAvail().x - pad;
    // Touch screens: the search box, filter button and selection boxes are 44 px tall.
    const ImVec2 touch_padding(ImGui::GetStyle().FramePadding.x, (44.0f - ImGui::GetFontSize()) * 0.5f);
    if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, touch_padding);
    ImGui::SetNextItemWidth(phone ? avail - 60.0f : 340.0f);
    const std::string hint = std::string(ICON_SEARCH "  ") + tr(lang, "queue.search");
    ImGui::InputTextWithHint("##queue_search", hint.c_str(), s.title_filter.data(), s.title_filter.size());
    record_last_item(tr(lang, "queue.search"));
    ImGui::SameLine();
    if (ImGui::Button((std::string(ICON_LIST "  ") + (phone ? "" : tr(lang, "workspace.filter")) + "###queue_filters").c_str()))
        s.show_filters = !s.show_filters;
    record_last_item(tr(lang, "workspace.filter"));
    if (touch) ImGui::PopStyleVar();
    if (!phone) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", (std::to_string(s.rows.size()) + " " + tr(lang, "workspace.rows")).c_str());
    }
    if (s.show_filters) {
        ImGui::SetCursorPosX(pad);
        ImGui::SetNextItemWidth(phone ? avail : 200.0f);
        const std::string worked_by = label_of(schema, "queueitem", "workerid", lang);
        ImGui::InputTextWithHint("##queue_worker_filter", worked_by.c_str(), s.worker_filter.data(), s.worker_filter.size());
        record_last_item((std::string(tr(lang, "workspace.filter")) + ": " + worked_by).c_str());
        if (!phone) ImGui::SameLine();
        else ImGui::SetCursorPosX(pad);
        ImGui::SetNextItemWidth(phone ? avail : 160.0f);
        const std::string any_label = tr(lang, "queue.any");
        const std::string prio = s.request.priority ? option_label(schema, "incident", "prioritycode", s.request.priority, lang)
                                                    : label_of(schema, "incident", "prioritycode", lang) + ": " + any_label;
        if (ImGui::BeginCombo("##queue_priority_filter", prio.c_str())) {
            if (ImGui::Selectable((any_label + "##p0").c_str(), s.request.priority == 0)) s.request.priority = 0;
            for (int p : {1, 2, 3}) {
                const std::string l = option_label(schema, "incident", "prioritycode", p, lang) + "##p" + std::to_string(p);
                if (ImGui::Selectable(l.c_str(), s.request.priority == p)) s.request.priority = p;
            }
            ImGui::EndCombo();
        }
        if (!phone) ImGui::SameLine();
        else ImGui::SetCursorPosX(pad);
        ImGui::SetNextItemWidth(phone ? avail : 200.0f);
        const std::string sla = s.request.sla_status >= 0
                                    ? option_label(schema, "slakpiinstance", "status", s.request.sla_status, lang)
                                    : std::string(tr(lang, "queue.col_sla")) + ": " + any_label;
        if (ImGui::BeginCombo("##queue_sla_filter", sla.c_str())) {
            if (ImGui::Selectable((any_label + "##s-1").c_str(), s.request.sla_status < 0)) s.request.sla_status = -1;
            for (int v : {0, 2, 1, 3, 4}) {
                const std::string l = option_label(schema, "slakpiinstance", "status", v, lang) + "##s" + std::to_string(v);
                if (ImGui::Selectable(l.c_str(), s.request.sla_status == v)) s.request.sla_status = v;
            }
            ImGui::EndCombo();
        }
    }
    if (!s.notice.empty()) {
        ImGui::SetCursorPosX(pad);
        ImGui::PushStyleColor(ImGuiCol_Text, s.notice_is_error ? ImVec4(0.64f, 0.15f, 0.17f, 1.0f)
                                                               : ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
        ImGui::TextWrapped("%s", s.notice.c_str());
        ImGui::PopStyleColor();
        record_last_item(s.notice.c_str());
    }

    if (s.rows.empty()) {
        ImGui::SetCursorPosX(pad);
        ImGui::TextDisabled("%s", tr(lang, "queue.empty"));
        record_last_item(tr(lang, "queue.empty"));
    }

    // The grid.
    struct Column {
        QueueColumn id;
        std::string label;
        float width;
    };
    std::vector<Column> columns = {
        {QueueColumn::Title, label_of(schema, "queueitem", "title", lang), 260.0f},
        {QueueColumn::EnteredOn, label_of(schema, "queueitem", "enteredon", lang), 150.0f},
        {QueueColumn::WorkedBy, label_of(schema, "queueitem", "workerid", lang), 150.0f},
        {QueueColumn::Priority, label_of(schema, "incident", "prioritycode", lang), 90.0f},
        {QueueColumn::SlaStatus, tr(lang, "queue.col_sla"), 170.0f},
        {QueueColumn::Age, tr(lang, "queue.col_age"), 110.0f},
        {QueueColumn::Queue, label_of(schema, "queueitem", "queueid", lang), 150.0f},
    };
    // A phone has room for the title only; age, priority and worker go on a second line.
    if (phone) columns.resize(1);
    ImGui::SetCursorPosX(pad);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit |
                                  (phone ? 0 : ImGuiTableFlags_ScrollX);
    const ImVec2 table_size(avail, ImGui::GetContentRegionAvail().y - pad * 0.5f);
    if (ImGui::BeginTable("##queue_grid", static_cast<int>(columns.size()) + 1, flags, table_size)) {
        describe_table(tr(lang, "entity.queue"), static_cast<int>(s.rows.size()) + 1);  // + the header row
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoResize |
                                                ImGuiTableColumnFlags_WidthFixed, touch ? 44.0f : 28.0f);
        for (const Column& c : columns) {
            ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
            if (c.id == QueueColumn::EnteredOn) cf |= ImGuiTableColumnFlags_DefaultSort;
            if (phone) cf = ImGuiTableColumnFlags_WidthStretch;
            ImGui::TableSetupColumn((c.label + "##qcol_" + std::to_string(static_cast<int>(c.id))).c_str(), cf,
                                    phone ? 0.0f : c.width);
        }
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableSetColumnIndex(0);
        // The header checkbox selects every row of the view.
        bool all = !s.rows.empty() && s.selected.size() == s.rows.size();
        if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, touch_padding);
        const bool all_clicked = ImGui::Checkbox("##queue_select_all", &all);
        if (touch) ImGui::PopStyleVar();
        if (all_clicked) {
            s.selected.clear();
            if (all)
                for (const auto& r : s.rows) s.selected.insert(r.item->id);
        }
        record_last_item(tr(lang, "queue.select_all"));
        for (int c = 1; c <= static_cast<int>(columns.size()); ++c) {
            if (!ImGui::TableSetColumnIndex(c)) continue;
            const char* name = ImGui::TableGetColumnName(c);
            ImGui::TableHeader(name);
            record_last_item(name);
        }
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0 && specs->Specs[0].ColumnIndex >= 1) {
                s.request.sort = columns[static_cast<std::size_t>(specs->Specs[0].ColumnIndex - 1)].id;
                s.request.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
            }
            specs->SpecsDirty = false;
        }

        const FieldContext fctx{lang, width, store, schema, frame.widgets, now};
        const EntityDef* qi_def = schema.entity("queueitem");
        const AttributeDef* entered_def = qi_def ? qi_def->attribute("enteredon") : nullptr;
        // Row content is rh - 8 tall: 44 px (a tap target) on touch screens.
        const float rh = touch ? 52.0f : 32.0f;
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, phone ? 0.1f : 0.5f));
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(s.rows.size()), rh);
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const QueueRow& row = s.rows[static_cast<std::size_t>(i)];
                ImGui::TableNextRow(ImGuiTableRowFlags_None, rh);
                set_table_row_index(i + 2);  // 1-based, after the header row
                ImGui::PushID(row.item->id.c_str());
                ImGui::TableSetColumnIndex(0);
                bool checked = s.selected.count(row.item->id) > 0;
                const float box_offset = (rh - 8.0f - (touch ? 44.0f : ImGui::GetFrameHeight())) * 0.5f;
                if (box_offset > 0.0f) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + box_offset);
                // The box sets the row's text baseline to its frame padding, and ImGui moves every
                // later cell's text down by it: the other cells take it back to line up.
                const float box_baseline = touch ? touch_padding.y : ImGui::GetStyle().FramePadding.y;
                if (touch) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, touch_padding);
                const bool toggled = ImGui::Checkbox("##sel", &checked);
                if (touch) ImGui::PopStyleVar();
                if (toggled) {
                    if (checked) s.selected.insert(row.item->id);
                    else s.selected.erase(row.item->id);
                }
                record_last_item((std::string(tr(lang, "queue.select")) + ": " + row.title).c_str());
                for (std::size_t c = 0; c < columns.size(); ++c) {
                    ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
                    std::string text;
                    switch (columns[c].id) {
                        case QueueColumn::Title: text = row.title; break;
                        case QueueColumn::EnteredOn:
                            text = entered_def ? format_value(*qi_def, *entered_def, row.item->get("enteredon"), fctx)
                                               : std::string();
                            break;
                        case QueueColumn::WorkedBy: text = row.worker_name; break;
                        case QueueColumn::Priority:
                            text = option_label(schema, "incident", "prioritycode", row.priority, lang);
                            break;
                        case QueueColumn::SlaStatus:
                            text = option_label(schema, "slakpiinstance", "status", row.sla_status, lang);
                            break;
                        case QueueColumn::Age: text = format_age(row.age_ms, lang); break;
                        case QueueColumn::Queue: text = row.queue_name; break;
                        case QueueColumn::ObjectType: break;
                    }
                    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - box_baseline);
                    if (c == 0) {
                        // The title is a link to the record, as in the hub: edit it from the queue.
                        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::accent));
                        const std::string label = (text.empty() ? std::string("---") : text) + "##open";
                        if (ImGui::Selectable(label.c_str(), checked, ImGuiSelectableFlags_AllowItemOverlap,
                                              ImVec2(0.0f, rh - 8.0f)))
                            intent.open = RecordRef{row.object_entity, row.object_id};
                        set_last_item_role(Role::link);
                        ImGui::PopStyleColor();
                        if (phone) {
                            std::string meta = format_age(row.age_ms, lang);
                            for (const std::string& part :
                                 {option_label(schema, "incident", "prioritycode", row.priority, lang), row.worker_name})
                                if (!part.empty()) meta += "  \xc2\xb7  " + part;
                            const ImVec2 at = ImGui::GetItemRectMin();
                            ImGui::GetWindowDrawList()->AddText(
                                ImVec2(at.x + ImGui::GetStyle().ItemSpacing.x * 0.5f, at.y + (rh - 8.0f) * 0.5f + 2.0f),
                                palette::text_secondary, meta.c_str());
                        }
                    } else {
                        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rh - 8.0f - ImGui::GetTextLineHeight()) * 0.5f);
                        ImGui::TextUnformatted(text.c_str());
                        if (!text.empty()) record_last_item(text.c_str());
                    }
                }
                ImGui::PopID();
            }
        }
        ImGui::PopStyleVar();
        ImGui::EndTable();
    }
    draw_route_dialog(s, frame.intents, store, me, lang, width);
    return intent;
}

}  // namespace casehub::ui
