// Field widgets: the editors and display formats of every attribute type. Editors
// write into ImGui's scratch buffers each frame from the value they are given, so the
// form's unsaved edits stay the single copy of what the agent typed.
#include "wasm/ui/widgets/field_widgets.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/text/text_fold.hpp"
#include "core/base/time.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/widgets/date_picker.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

std::vector<std::string> lookup_targets(const AttributeDef& attribute) {
    if (!attribute.targets.empty()) return attribute.targets;
    if (attribute.type == AttributeType::Customer) return {"account", "contact"};
    if (attribute.type == AttributeType::Owner) return {"systemuser", "team"};
    return {};
}

const OptionValue* option_of(const EntityDef& entity, const AttributeDef& attribute, int value) {
    if (attribute.type == AttributeType::StateCode) return entity.state(value);
    if (attribute.type == AttributeType::StatusCode) return entity.status(value);
    return attribute.option(value);
}

const std::vector<OptionValue>& options_of(const EntityDef& entity, const AttributeDef& attribute) {
    if (attribute.type == AttributeType::StateCode) return entity.states;
    if (attribute.type == AttributeType::StatusCode) return entity.statuses;
    return attribute.options;
}

const std::vector<std::pair<std::string, std::string>>& search_lookup(const std::vector<std::string>& targets,
                                                                      const char* text, const FieldContext& ctx) {
    LookupSearchState& cache = ctx.widgets.lookup;
    std::string key = std::string(text) + '\x1f' + std::to_string(ctx.store.size());
    for (const auto& t : targets) key += '\x1f' + t;
    if (key == cache.key) return cache.hits;
    cache.key = std::move(key);
    cache.hits.clear();
    const std::string needle = fold_text(text);
    constexpr std::size_t kMaxHits = 30;  // a search-as-you-type list, not a grid
    for (const auto& target : targets) {
        ctx.store.for_each(target, [&](const Record& r) {
            if (cache.hits.size() >= kMaxHits) return;
            if (!needle.empty() && fold_text(primary_name_of(ctx.schema, r)).find(needle) == std::string::npos) return;
            cache.hits.emplace_back(r.entity, r.id);
        });
    }
    return cache.hits;
}

void copy_to(char* buf, std::size_t size, const std::string& text) {
    const std::size_t n = text.size() < size - 1 ? text.size() : size - 1;
    std::memcpy(buf, text.data(), n);
    buf[n] = '\0';
}

const char* lang_code(Language l) { return language_code(l); }

bool draw_lookup_editor(const char* id, const EntityDef& entity, const AttributeDef& attribute, const Json& value,
                        Json& out, const FieldContext& ctx) {
    bool changed = false;
    ImGui::PushID(id);
    const std::string current = format_value(entity, attribute, value.is_null() ? nullptr : &value, ctx);
    const float clear_w = value.is_null() ? 0.0f : ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
    const std::string shown = (current.empty() ? std::string("---") : current) + "  " ICON_SEARCH "##pick";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    name_next_item(attribute_label(attribute, ctx.language), Role::combobox, current, a11y_haspopup);
    if (ImGui::Button(shown.c_str(), ImVec2(ImGui::GetContentRegionAvail().x - clear_w, 0.0f))) {
        ImGui::OpenPopup("##lookup_popup");
    }
    ImGui::PopStyleVar();
    if (!value.is_null()) {
        ImGui::SameLine();
        if (ImGui::Button(ICON_TIMES "##clear", ImVec2(ImGui::GetFrameHeight(), 0.0f))) {
            out = nullptr;
            changed = true;
        }
    }
    char* search = ctx.widgets.lookup.text;
    const std::size_t search_size = sizeof ctx.widgets.lookup.text;
    if (ImGui::IsPopupOpen("##lookup_popup") && ImGui::BeginPopup("##lookup_popup")) {
        if (ImGui::IsWindowAppearing()) {
            search[0] = '\0';
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(280.0f);
        ImGui::InputTextWithHint("##lookup_search", tr(ctx.language, "workspace.lookup_hint"), search, search_size);
        record_last_item(tr(ctx.language, "workspace.lookup_hint"));
        const auto targets = lookup_targets(attribute);
        const auto& hits = search_lookup(targets, search, ctx);
        if (hits.empty()) ImGui::TextDisabled("%s", tr(ctx.language, "workspace.no_matches"));
        for (const auto& [target, target_id] : hits) {
            const Record* r = ctx.store.find(target, target_id);
            if (!r) continue;
            std::string label = primary_name_of(ctx.schema, *r);
            if (targets.size() > 1) {
                if (const EntityDef* def = ctx.schema.entity(target))
                    label += "  (" + def->label.in(lang_code(ctx.language)) + ")";
            }
            label += "##" + target_id;
            if (ImGui::Selectable(label.c_str())) {
                out = make_lookup(target, target_id);
                changed = true;
                ImGui::CloseCurrentPopup();
            }
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace

const std::string& attribute_label(const AttributeDef& attribute, Language language) {
    const std::string& l = attribute.label.in(lang_code(language));
    return l.empty() ? attribute.name : l;
}

std::string format_number(double value, int decimals, Language language) {
    char raw[64];
    if (decimals >= 0)
        std::snprintf(raw, sizeof raw, "%.*f", decimals, value);
    else
        std::snprintf(raw, sizeof raw, "%.10g", value);
    std::string s = raw;
    const char thousands = language == Language::en ? ',' : (language == Language::fr ? ' ' : '.');
    const char point = language == Language::en ? '.' : ',';
    std::size_t dot = s.find('.');
    std::string int_part = s.substr(0, dot == std::string::npos ? s.size() : dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (int_part.find('e') != std::string::npos) return s;  // huge numbers: leave them alone
    std::string sign;
    if (!int_part.empty() && int_part[0] == '-') {
        sign = "-";
        int_part.erase(0, 1);
    }
    std::string grouped;
    for (std::size_t i = 0; i < int_part.size(); ++i) {
        if (i > 0 && (int_part.size() - i) % 3 == 0) grouped += thousands;
        grouped += int_part[i];
    }
    return sign + grouped + (frac.empty() ? "" : std::string(1, point) + frac);
}

std::string format_datetime(std::string_view iso, Language language) {
    const auto ms = parse_utc(iso);
    if (!ms) return std::string(iso);
    const std::int64_t days = *ms >= 0 ? *ms / 86400000 : (*ms - 86399999) / 86400000;
    const std::int64_t in_day = (*ms - days * 86400000) / 60000;
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[40];
    const int hh = static_cast<int>(in_day / 60), mm = static_cast<int>(in_day % 60);
    if (language == Language::en)
        std::snprintf(buf, sizeof buf, "%u/%u/%d %02d:%02d", m, d, y, hh, mm);
    else
        std::snprintf(buf, sizeof buf, "%02u/%02u/%d %02d%c%02d", d, m, y, hh, language == Language::id ? '.' : ':',
                      mm);
    return buf;
}

std::string format_value(const EntityDef& entity, const AttributeDef& attribute, const Json* value,
                         const FieldContext& ctx) {
    if (!value || value->is_null()) return {};
    const char* code = lang_code(ctx.language);
    switch (attribute.type) {
        case AttributeType::String:
        case AttributeType::Memo:
            if (value->is_string()) return value->get<std::string>();
            break;
        case AttributeType::Integer:
            if (value->is_number()) return format_number(value->get<double>(), 0, ctx.language);
            break;
        case AttributeType::Decimal:
            if (value->is_number()) return format_number(value->get<double>(), -1, ctx.language);
            break;
        case AttributeType::Money:
            if (value->is_number()) return format_number(value->get<double>(), 2, ctx.language);
            break;
        case AttributeType::Boolean:
            if (value->is_boolean())
                return tr(ctx.language, value->get<bool>() ? "workspace.yes" : "workspace.no");
            break;
        case AttributeType::DateTime:
            if (value->is_string()) {
                const std::string& iso = value->get_ref<const std::string&>();
                if (is_date_only(attribute))
                    if (const auto ms = parse_utc(iso))
                        return format_date(*ms >= 0 ? *ms / 86400000 : (*ms - 86399999) / 86400000, ctx.language);
                return format_datetime(iso, ctx.language);
            }
            break;
        case AttributeType::OptionSet:
        case AttributeType::StateCode:
        case AttributeType::StatusCode:
            if (value->is_number_integer()) {
                if (const OptionValue* o = option_of(entity, attribute, value->get<int>())) return o->label.in(code);
                return std::to_string(value->get<int>());
            }
            break;
        case AttributeType::Lookup:
        case AttributeType::Customer:
        case AttributeType::Owner:
            if (value->is_object()) {
                const std::string target = value->value("entity", "");
                const std::string target_id = value->value("id", "");
                if (const Record* r = ctx.store.find(target, target_id)) {
                    std::string name = primary_name_of(ctx.schema, *r);
                    if (!name.empty()) return name;
                }
                return value->value("name", target_id);
            }
            break;
    }
    return value->is_string() ? value->get<std::string>() : value->dump();
}

bool draw_field_editor(const char* id, const EntityDef& entity, const AttributeDef& attribute, const Json& value,
                       Json& out, const FieldContext& ctx) {
    const float w = ImGui::GetContentRegionAvail().x;
    // The editor is read by its field's label, whatever its ImGui label shows.
    const std::string& name = attribute_label(attribute, ctx.language);
    switch (attribute.type) {
        case AttributeType::String: {
            char buf[4096];  // refilled from the value every frame
            copy_to(buf, sizeof buf, value.is_string() ? value.get<std::string>() : std::string());
            ImGui::SetNextItemWidth(w);
            name_next_item(name, Role::textbox, buf);
            if (ImGui::InputText(id, buf, sizeof buf)) {
                out = buf[0] ? Json(std::string(buf)) : Json(nullptr);
                return true;
            }
            return false;
        }
        case AttributeType::Memo: {
            char buf[16384];  // refilled from the value every frame
            copy_to(buf, sizeof buf, value.is_string() ? value.get<std::string>() : std::string());
            name_next_item(name, Role::textbox, buf, a11y_multiline);
            if (ImGui::InputTextMultiline(id, buf, sizeof buf, ImVec2(w, ImGui::GetTextLineHeight() * 5.0f))) {
                out = buf[0] ? Json(std::string(buf)) : Json(nullptr);
                return true;
            }
            return false;
        }
        case AttributeType::Integer: {
            char buf[32];  // refilled from the value every frame
            copy_to(buf, sizeof buf, value.is_number() ? std::to_string(value.get<long long>()) : std::string());
            ImGui::SetNextItemWidth(w);
            name_next_item(name, Role::textbox, buf);
            if (ImGui::InputText(id, buf, sizeof buf, ImGuiInputTextFlags_CharsDecimal)) {
                if (!buf[0]) {
                    out = nullptr;
                    return true;
                }
                char* end = nullptr;
                const long long v = std::strtoll(buf, &end, 10);
                if (end && *end == '\0') {
                    out = v;
                    return true;
                }
            }
            return false;
        }
        case AttributeType::Decimal:
        case AttributeType::Money: {
            char buf[48];  // refilled from the value every frame
            std::string shown;
            if (value.is_number()) {
                char raw[48];
                std::snprintf(raw, sizeof raw, attribute.type == AttributeType::Money ? "%.2f" : "%.10g",
                              value.get<double>());
                shown = raw;
            }
            copy_to(buf, sizeof buf, shown);
            ImGui::SetNextItemWidth(w);
            name_next_item(name, Role::textbox, buf);
            if (ImGui::InputText(id, buf, sizeof buf, ImGuiInputTextFlags_CharsDecimal)) {
                std::string text = buf;
                for (char& c : text)
                    if (c == ',') c = '.';  // fr/id type a decimal comma
                if (text.empty()) {
                    out = nullptr;
                    return true;
                }
                char* end = nullptr;
                const double v = std::strtod(text.c_str(), &end);
                if (end && *end == '\0' && std::isfinite(v)) {
                    out = v;
                    return true;
                }
            }
            return false;
        }
        case AttributeType::Boolean: {
            bool v = value.is_boolean() && value.get<bool>();
            const std::string label = std::string(tr(ctx.language, v ? "workspace.yes" : "workspace.no")) + id;
            name_next_item(name, Role::checkbox, {});
            if (ImGui::Checkbox(label.c_str(), &v)) {
                out = v;
                return true;
            }
            return false;
        }
        case AttributeType::DateTime:
            name_next_item(name, Role::combobox, format_value(entity, attribute, value.is_null() ? nullptr : &value, ctx),
                           a11y_haspopup);
            return draw_date_picker(id, value, !is_date_only(attribute), out, ctx);
        case AttributeType::OptionSet:
        case AttributeType::StateCode:
        case AttributeType::StatusCode: {
            const std::string current = format_value(entity, attribute, value.is_null() ? nullptr : &value, ctx);
            ImGui::SetNextItemWidth(w);
            bool changed = false;
            name_next_item(name, Role::combobox, current, a11y_haspopup);
            const bool open = ImGui::BeginCombo(id, current.empty() ? "---" : current.c_str());
            if (!open) record_last_item_for_mirror();  // ImGui 1.86 has no hook in BeginCombo
            if (open) {
                if (!attribute.required && ImGui::Selectable("---", value.is_null())) {
                    out = nullptr;
                    changed = true;
                }
                const int state = entity.has_state() && attribute.type == AttributeType::StatusCode ? -2 : -1;
                (void)state;
                for (const OptionValue& o : options_of(entity, attribute)) {
                    const std::string label = o.label.in(lang_code(ctx.language)) + "##" + std::to_string(o.value);
                    const bool selected = value.is_number_integer() && value.get<int>() == o.value;
                    if (ImGui::Selectable(label.c_str(), selected)) {
                        out = o.value;
                        changed = true;
                    }
                }
                ImGui::EndCombo();
            }
            return changed;
        }
        case AttributeType::Lookup:
        case AttributeType::Customer:
        case AttributeType::Owner: return draw_lookup_editor(id, entity, attribute, value, out, ctx);
    }
    return false;
}

}  // namespace casehub::ui
