// Entity grid: one query per change (cached as row keys), drawn with a list clipper so
// only visible rows are formatted, which keeps 100k-row views smooth. Column filters
// become core query conditions where the core can match them (text, numbers, option
// sets by label); lookups, dates and yes/no filter on the shown text.
#include "wasm/ui/views/entity_view.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/domain/cases/case_lifecycle.hpp"
#include "core/text/text_fold.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

const EntityDef* entity_def(const Schema& schema, const std::string& entity) {
    if (const EntityDef* e = schema.entity(entity)) return e;
    for (const auto& a : activity_entities())
        if (const EntityDef* e = schema.entity(a)) return e;  // "activitypointer": columns shared by activities
    return nullptr;
}

bool is_filtered_in_core(AttributeType t) {
    switch (t) {
        case AttributeType::String:
        case AttributeType::Memo:
        case AttributeType::Integer:
        case AttributeType::Decimal:
        case AttributeType::Money:
        case AttributeType::OptionSet:
        case AttributeType::StateCode:
        case AttributeType::StatusCode: return true;
        default: return false;
    }
}

// A column filter as a core condition; false when the core cannot express it.
bool filter_condition(const EntityDef& entity, const AttributeDef& a, const std::string& text, Language lang,
                      Condition& out) {
    out.attribute = a.name;
    switch (a.type) {
        case AttributeType::String:
        case AttributeType::Memo:
            out.op = Op::Contains;
            out.value = text;
            return true;
        case AttributeType::Integer:
        case AttributeType::Decimal:
        case AttributeType::Money: {
            std::string t = text;
            for (char& c : t)
                if (c == ',') c = '.';
            char* end = nullptr;
            const double v = std::strtod(t.c_str(), &end);
            if (!end || *end != '\0') return false;
            out.op = Op::Eq;
            out.value = v;
            return true;
        }
        case AttributeType::OptionSet:
        case AttributeType::StateCode:
        case AttributeType::StatusCode: {
            const auto& options = a.type == AttributeType::StateCode    ? entity.states
                                  : a.type == AttributeType::StatusCode ? entity.statuses
                                                                        : a.options;
            const std::string needle = fold_text(text);
            Json values = Json::array();
            for (const auto& o : options)
                if (fold_text(o.label.in(language_code(lang))).find(needle) != std::string::npos) values.push_back(o.value);
            out.op = Op::In;
            out.value = values;
            return true;
        }
        default: return false;
    }
}

std::string sort_key(const std::vector<Sort>& sort) {
    std::string k;
    for (const auto& s : sort) k += s.attribute + (s.descending ? "-" : "+") + ",";
    return k;
}

float row_height(WidthClass w) { return is_touch_sized(w) ? 44.0f : 32.0f; }

// The selected rows as records.
std::vector<RecordRef> selected_refs(const ViewState& state) {
    std::vector<RecordRef> refs;
    for (const auto& key : state.selected) {
        RecordRef ref;
        split_row_key(key, ref.entity, ref.id);
        refs.push_back(std::move(ref));
    }
    return refs;
}

// Merge Cases is offered, as in Dataverse, when exactly two active cases are selected.
bool can_merge_selected(const ViewState& state, const Store& store) {
    if (state.selected.size() != 2) return false;
    for (const RecordRef& ref : selected_refs(state)) {
        const Record* r = ref.entity == "incident" ? store.find(ref.entity, ref.id) : nullptr;
        if (!r || is_case_closed(*r)) return false;
    }
    return true;
}

// Work a frame may spend on a new sort order, checked every kSortStep comparisons.
constexpr double kSortSliceMs = 6.0;
constexpr std::size_t kSortStep = 4096;

// Idle frames make each column's ascending order ahead of a header click (its reverse is
// then O(n) too), at most kIdleSliceMs per frame, one column after another.
constexpr double kIdleSliceMs = 4.0;
void presort_columns(ViewState& state, const View& view, double (*monotonic_ms)()) {
    if (!state.sorted) return;
    const double start = monotonic_ms();
    while (state.presorted < view.columns.size()) {
        const std::vector<Sort> by_column{Sort{view.columns[state.presorted].attribute, false}};
        if (state.sorted->order(by_column, kSortStep)) {
            ++state.presorted;
        } else if (monotonic_ms() - start >= kIdleSliceMs) {
            return;
        }
    }
}

// Which of the view's rows pass the quick search and the column filters (`filters`: the
// non-empty ones). Matches against the view's rows only, never the store. Narrowing is
// exact when every filter is the old one or a longer text containing it ("contains" on
// text and on option labels only loses matches as text is added): then only rows that
// passed are checked again.
void update_passes(ViewState& state, const View& view, const EntityViewLook& look,
                   std::map<std::string, std::string> filters) {
    const EntityDef* entity = entity_def(look.schema, view.entity);
    Filter extra;
    extra.kind = Filter::Kind::And;
    struct ShownFilter {
        const AttributeDef* attribute;
        std::string needle;
    };
    std::vector<ShownFilter> shown_filters;
    bool narrows = fold_text(state.quick_search.data()).find(fold_text(state.rows_search)) != std::string::npos;
    for (const auto& [attr, old_text] : state.rows_filters)
        if (!filters.contains(attr)) narrows = false;
    for (const auto& [attr, text] : filters) {
        const AttributeDef* a = column_attribute(look.schema, view.entity, attr);
        if (!a || !entity) continue;
        const auto old = state.rows_filters.find(attr);
        if (old != state.rows_filters.end() && old->second != text) {
            const bool numeric = a->type == AttributeType::Integer || a->type == AttributeType::Decimal ||
                                 a->type == AttributeType::Money;
            if (numeric || fold_text(text).find(fold_text(old->second)) == std::string::npos) narrows = false;
        }
        Condition c;
        if (is_filtered_in_core(a->type) && filter_condition(*entity, *a, text, look.language, c))
            extra.conditions.push_back(std::move(c));
        else
            shown_filters.push_back({a, fold_text(text)});
    }
    if (state.quick_search[0] && entity) {
        // Quick find: the view's text columns and the primary name, any of them containing the text.
        Filter any;
        any.kind = Filter::Kind::Or;
        std::vector<std::string> attrs;
        for (const auto& col : view.columns) attrs.push_back(col.attribute);
        if (!entity->primary_name.empty()) attrs.push_back(entity->primary_name);
        for (const auto& attr : attrs) {
            const AttributeDef* a = column_attribute(look.schema, view.entity, attr);
            if (!a || (a->type != AttributeType::String && a->type != AttributeType::Memo)) continue;
            any.conditions.push_back(Condition{attr, Op::Contains, Json(std::string(state.quick_search.data()))});
        }
        if (!any.empty()) extra.filters.push_back(std::move(any));
    }

    const FilterMatcher matcher(extra);
    const FieldContext fctx{look.language, look.width, look.store, look.schema, look.widgets, look.now};
    const auto& records = state.sorted->records();
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (narrows && !state.passes[i]) continue;
        const Record& r = *records[i];
        bool keep = matcher(r);
        for (std::size_t f = 0; keep && f < shown_filters.size(); ++f) {
            const EntityDef* re = look.schema.entity(r.entity);
            if (!re) continue;
            const AttributeDef& a = *shown_filters[f].attribute;
            keep = fold_text(format_value(*re, a, r.get(a.name), fctx)).find(shown_filters[f].needle) != std::string::npos;
        }
        state.passes[i] = keep ? 1 : 0;
    }
    state.rows_search = state.quick_search.data();
    state.rows_filters = std::move(filters);
}

}  // namespace

const AttributeDef* column_attribute(const Schema& schema, const std::string& entity, const std::string& attribute) {
    if (const EntityDef* e = schema.entity(entity)) return e->attribute(attribute);
    for (const auto& a : activity_entities())
        if (const EntityDef* e = schema.entity(a))
            if (const AttributeDef* def = e->attribute(attribute)) return def;
    return nullptr;
}

const View* current_view(const ViewState& state, const Metadata& metadata) {
    if (!state.view_name.empty())
        if (const View* v = metadata.view(state.view_name); v && v->entity == state.entity) return v;
    if (const View* v = metadata.default_view(state.entity)) return v;
    const auto all = metadata.views_for(state.entity);
    return all.empty() ? nullptr : all.front();
}

void refresh_view_rows(ViewState& state, const EntityViewLook& look) {
    const View* view = current_view(state, look.metadata);
    if (!view) {
        state.rows.clear();
        state.sorted.reset();
        state.passes.clear();
        state.base_key.clear();
        state.sorting = false;
        state.total = 0;
        return;
    }
    const std::string base = view->name + '\x1f' + std::to_string(look.store_version) + '\x1f' + look.user_id + '\x1f' +
                             language_code(look.language);
    const std::vector<Sort>& sort = state.sort.empty() ? view->query.sort : state.sort;
    std::string key = base + '\x1f' + sort_key(sort) + '\x1f' + state.quick_search.data() + '\x1f';
    std::map<std::string, std::string> filters;  // non-empty column filters
    for (const auto& [attr, text] : state.column_filters) {
        if (!text[0]) continue;
        filters[attr] = text.data();
        key += attr + '=' + text.data() + '\x1f';
    }
    if (key == state.cache_key && !state.sorting) {
        presort_columns(state, *view, look.monotonic_ms);
        return;
    }
    state.cache_key = std::move(key);

    bool rows_changed = false;
    if (base != state.base_key || !state.sorted) {
        // The one store query: the view's rows, already in the view's sort, kept as that order.
        state.sorted =
            std::make_shared<SortedRows>(run_view(*view, look.store, look.user_id, look.now).rows, view->query.sort);
        state.base_key = base;
        state.passes.assign(state.sorted->records().size(), 1);
        state.rows_search.clear();
        state.rows_filters.clear();
        state.rows_sort = view->query.sort;
        state.presorted = 0;
        rows_changed = true;
        // Selections of rows that left the store are dropped, so Delete acts on what is there.
        for (auto it = state.selected.begin(); it != state.selected.end();) {
            if (look.store.find(it->substr(0, it->find('/')), it->substr(it->find('/') + 1)) == nullptr)
                it = state.selected.erase(it);
            else
                ++it;
        }
    }
    if (state.rows_search != state.quick_search.data() || state.rows_filters != filters) {
        update_passes(state, *view, look, std::move(filters));
        rows_changed = true;
    }

    // A kept order (or the reverse of one) comes at once; a new one is made a few ms per
    // frame while the rows stay in their current order under a "Sorting…" note.
    const std::vector<std::uint32_t>* order = nullptr;
    const double slice_start = look.monotonic_ms();
    while (!(order = state.sorted->order(sort, kSortStep)) && look.monotonic_ms() - slice_start < kSortSliceMs) {
    }
    state.sorting = order == nullptr;
    if (order) {
        rows_changed = rows_changed || state.rows_sort != sort;
        state.rows_sort = sort;
    } else if (rows_changed) {
        order = state.sorted->kept_order(state.rows_sort);
        if (!order) state.rows_sort = view->query.sort;  // set aside: the records' own order is the view's
    }
    if (!rows_changed) return;
    const auto& records = state.sorted->records();
    state.rows.clear();
    state.rows.reserve(records.size());
    auto add = [&](std::size_t i) {
        if (state.passes[i]) state.rows.push_back(row_key(records[i]->entity, records[i]->id));
    };
    if (order)
        for (const std::uint32_t i : *order) add(i);
    else
        for (std::size_t i = 0; i < records.size(); ++i) add(i);
    state.total = state.rows.size();
}

EntityViewIntent draw_entity_view(ViewState& state, const EntityViewLook& look) {
    EntityViewIntent intent;
    const Language lang = look.language;
    const View* view = current_view(state, look.metadata);
    refresh_view_rows(state, look);
    const FieldContext fctx{lang, look.width, look.store, look.schema, look.widgets, look.now};
    const bool touch = is_touch_sized(look.width);
    const bool phone = look.width == WidthClass::phone;

    // Command bar.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 6.0f));
    const float bar_h = (touch ? 44.0f : 32.0f) + 12.0f;
    ImGui::BeginChild("##view_command_bar", ImVec2(0.0f, bar_h), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool any_selected = !state.selected.empty();
    std::vector<Command> commands;
    commands.push_back({"cmd_new", ICON_PLUS, tr(lang, "command.new"), [&] { intent.create = true; }});
    commands.push_back({"cmd_delete", ICON_TIMES, tr(lang, "workspace.delete"), [&] { state.confirm_delete = true; },
                        any_selected});
    if (can_merge_selected(state, look.store))
        commands.push_back({"cmd_merge_cases", ICON_SHARE_ALT, tr(lang, "lifecycle.merge_cases"),
                            [&] { intent.merge = selected_refs(state); }});
    commands.push_back({"cmd_refresh", ICON_REFRESH, tr(lang, "command.refresh"), [&] {
                            state.cache_key.clear();
                            state.base_key.clear();  // a full query, not a narrowing of the cached rows
                        }});
    commands.push_back({"cmd_email_link", ICON_SHARE_ALT, tr(lang, "workspace.email_link"),
                        [&] { intent.email_links = selected_refs(state); }, any_selected});
    if (look.can_assign)
        commands.push_back({"cmd_assign", ICON_USER, tr(lang, "workspace.assign"),
                            [&] { intent.assign = selected_refs(state); }, any_selected});
    commands.push_back({"cmd_pin", ICON_STAR, tr(lang, look.view_pinned ? "workspace.unpin_view" : "workspace.pin_view"),
                        [&] { intent.toggle_pin = true; }});
    commands.push_back({"cmd_open_dashboards", ICON_DASHBOARD, tr(lang, "workspace.open_dashboards"),
                        [&] { intent.open_dashboards = true; }});
    draw_command_bar("view_commands", commands, lang, look.width);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    const float pad = phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.5f));
    if (!view) {
        ImGui::TextUnformatted(tr(lang, "workspace.no_views"));
        return intent;
    }

    if (look.area_title && look.area_title[0]) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
        ImGui::TextUnformatted(look.area_title);
        ImGui::PopStyleColor();
        record_last_item(look.area_title);
        record_heading(look.area_title, 1);
        ImGui::SetCursorPosX(pad);
    }
    // View switcher: the title is the view's name with a chevron, as in the hub.
    const char* code = language_code(lang);
    ImGui::PushFont(look.fonts && look.fonts->large ? look.fonts->large : ImGui::GetFont());
    const std::string title = view->label.in(code) + "  " ICON_CHEVRON_DOWN "##view_switcher";
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    if (ImGui::Button(title.c_str())) ImGui::OpenPopup("##view_list");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    record_last_item(view->label.in(code).c_str());
    if (ImGui::BeginPopup("##view_list")) {
        begin_region("view_list", Role::menu, view->label.in(code).c_str());
        for (const View* v : look.metadata.views_for(state.entity)) {
            const std::string label = v->label.in(code) + "##view_" + v->name;
            if (ImGui::Selectable(label.c_str(), v == view, 0, ImVec2(0.0f, touch ? 40.0f : 0.0f))) {
                state.view_name = v->name;
                state.sort.clear();
                state.selected.clear();
            }
        }
        end_region();
        ImGui::EndPopup();
    }

    // Quick search and the filter toggle.
    ImGui::SetCursorPosX(pad);
    const float avail = ImGui::GetContentRegionAvail().x - pad;
    const float search_w = phone ? avail - 60.0f : 300.0f;
    ImGui::SetNextItemWidth(search_w);
    const std::string hint = std::string(ICON_SEARCH "  ") + tr(lang, "workspace.search_records");
    ImGui::InputTextWithHint("##quick_search", hint.c_str(), state.quick_search.data(), state.quick_search.size());
    record_last_item(tr(lang, "workspace.search_records"));
    ImGui::SameLine();
    const std::string filter_label = std::string(ICON_LIST "  ") + (phone ? "" : tr(lang, "workspace.filter")) +
                                     "###toggle_filters";
    if (ImGui::Button(filter_label.c_str())) state.show_filters = !state.show_filters;
    record_last_item(tr(lang, "workspace.filter"));
    if (!phone) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", (std::to_string(state.rows.size()) + " " + tr(lang, "workspace.rows")).c_str());
    }
    if (state.sorting) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", tr(lang, "workspace.sorting"));
        record_last_item(tr(lang, "workspace.sorting"));
    }

    // Columns: phones show the first two only (single column layout, no sideways scroll).
    std::vector<const ViewColumn*> columns;
    for (const auto& c : view->columns) {
        if (phone && columns.size() >= 2) break;
        columns.push_back(&c);
    }
    const EntityDef* header_entity = entity_def(look.schema, view->entity);
    const std::string primary = header_entity ? header_entity->primary_name : std::string();

    ImGui::SetCursorPosX(pad);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit |
                                  (phone ? 0 : ImGuiTableFlags_ScrollX);
    const std::string table_id = "##grid_" + view->name;
    const ImVec2 table_size(avail, ImGui::GetContentRegionAvail().y - pad * 0.5f);
    if (!ImGui::BeginTable(table_id.c_str(), static_cast<int>(columns.size()) + 1, flags, table_size)) return intent;
    const int header_rows = state.show_filters ? 2 : 1;
    describe_table(view->label.in(code).c_str(), static_cast<int>(state.rows.size()) + header_rows);
    ImGui::TableSetupScrollFreeze(1, state.show_filters ? 2 : 1);  // the filter row stays in view with the headers
    ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoResize |
                                            ImGuiTableColumnFlags_WidthFixed, touch ? 44.0f : 28.0f);
    for (const ViewColumn* c : columns) {
        const AttributeDef* a = column_attribute(look.schema, view->entity, c->attribute);
        ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
        for (std::size_t i = 0; i < view->query.sort.size(); ++i) {
            if (view->query.sort[i].attribute != c->attribute) continue;
            cf |= ImGuiTableColumnFlags_DefaultSort;
            if (view->query.sort[i].descending) cf |= ImGuiTableColumnFlags_PreferSortDescending;
        }
        const float w = phone ? (avail - 60.0f) / 2.0f : static_cast<float>(c->width);
        const std::string label = (a ? attribute_label(*a, lang) : c->attribute) + "##col_" + c->attribute;
        ImGui::TableSetupColumn(label.c_str(), cf, w);
    }
    // Headers drawn one by one so each is recorded by its label (tests click them to sort).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c <= static_cast<int>(columns.size()); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(name);
        if (c > 0) record_last_item(name);
    }

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        std::vector<Sort> sort;
        for (int i = 0; i < specs->SpecsCount; ++i) {
            const ImGuiTableColumnSortSpecs& s = specs->Specs[i];
            if (s.ColumnIndex < 1 || s.ColumnIndex > static_cast<int>(columns.size())) continue;
            sort.push_back(Sort{columns[static_cast<std::size_t>(s.ColumnIndex - 1)]->attribute,
                                s.SortDirection == ImGuiSortDirection_Descending});
        }
        state.sort = std::move(sort);
        specs->SpecsDirty = false;
    }

    if (state.show_filters) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (ImGui::SmallButton(ICON_TIMES "##clear_filters")) state.column_filters.clear();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            auto& buf = state.column_filters[columns[i]->attribute];
            ImGui::SetNextItemWidth(-1.0f);
            const std::string id = "##filter_" + columns[i]->attribute;
            ImGui::InputTextWithHint(id.c_str(), tr(lang, "workspace.filter_hint"), buf.data(), buf.size());
            const AttributeDef* a = column_attribute(look.schema, view->entity, columns[i]->attribute);
            const std::string name = std::string(tr(lang, "workspace.filter")) + ": " +
                                     (a ? attribute_label(*a, lang) : columns[i]->attribute);
            record_last_item(name.c_str());
        }
    }

    const float rh = row_height(look.width);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.rows.size()), rh);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::string& key = state.rows[static_cast<std::size_t>(row)];
            std::string entity, id;
            split_row_key(key, entity, id);
            const Record* r = look.store.find(entity, id);
            const EntityDef* re = look.schema.entity(entity);
            ImGui::TableNextRow(ImGuiTableRowFlags_None, rh);
            set_table_row_index(row + header_rows + 1);  // 1-based, after the header rows
            ImGui::PushID(key.c_str());
            ImGui::TableSetColumnIndex(0);
            bool checked = state.selected.count(key) > 0;
            const float box_offset = (rh - 8.0f - ImGui::GetFrameHeight()) * 0.5f;
            if (box_offset > 0.0f) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + box_offset);
            if (ImGui::Checkbox("##sel", &checked)) {
                if (checked)
                    state.selected.insert(key);
                else
                    state.selected.erase(key);
            }
            if (!r || !re) {
                ImGui::PopID();
                continue;
            }
            for (std::size_t i = 0; i < columns.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
                const AttributeDef* a = re->attribute(columns[i]->attribute);
                std::string text = a ? format_value(*re, *a, r->get(a->name), fctx) : std::string();
                const bool is_primary = columns[i]->attribute == re->primary_name;
                if (i == 0) {
                    // The row: a double click (or a tap on touch screens) opens the record.
                    const std::string label = (text.empty() ? std::string("---") : text) + "##row";
                    ImGuiSelectableFlags sf = ImGuiSelectableFlags_SpanAllColumns |
                                              ImGuiSelectableFlags_AllowDoubleClick |
                                              ImGuiSelectableFlags_AllowItemOverlap;
                    if (ImGui::Selectable(label.c_str(), checked, sf, ImVec2(0.0f, rh - 8.0f))) {
                        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) || touch || is_primary)
                            intent.open = RecordRef{entity, id};
                    }
                } else if (is_primary) {
                    // The primary name is a link, as in the hub.
                    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::accent));
                    const std::string label = (text.empty() ? std::string("---") : text) + "##open";
                    if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0.0f, rh - 8.0f)))
                        intent.open = RecordRef{entity, id};
                    set_last_item_role(Role::link);
                    ImGui::PopStyleColor();
                } else {
                    // Centred in the row like the selectable cells (their text is centred).
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

    // Delete confirmation.
    if (state.confirm_delete) {
        ImGui::OpenPopup("##confirm_delete");
        state.confirm_delete = false;
    }
    if (ImGui::BeginPopupModal("##confirm_delete", nullptr, ImGuiWindowFlags_AlwaysAutoResize |
                                                                ImGuiWindowFlags_NoTitleBar)) {
        ImGui::Text("%s", tr(lang, "workspace.confirm_delete"));
        ImGui::Text("%zu %s", state.selected.size(), tr(lang, "workspace.rows"));
        if (ImGui::Button(tr(lang, "workspace.delete"), ImVec2(120.0f, 0.0f))) {
            for (const auto& key : state.selected) {
                RecordRef ref;
                split_row_key(key, ref.entity, ref.id);
                intent.remove.push_back(std::move(ref));
            }
            state.selected.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, "workspace.cancel"), ImVec2(120.0f, 0.0f)) || escape_closes_dialog())
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return intent;
}

}  // namespace casehub::ui
