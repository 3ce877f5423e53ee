// Record form drawing: header, tab bar, one card per section with a label/editor grid
// (label above the editor on phones), subgrids as simple lists, and the prompt that
// guards unsaved edits. Saving is the caller's: it validates and submits the mutation.
// Entity-specific parts are the registered form extensions' hooks, called in order.
#include "wasm/ui/views/record_form.hpp"

#include <algorithm>

#include "core/apply/conflict.hpp"
#include "core/i18n/message_catalog.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/ui/views/form_extension.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/command_bar.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr ImU32 kErrorColor = IM_COL32(0xA8, 0x00, 0x00, 0xFF);

const Json& null_json() {
    static const Json null_value;
    return null_value;
}

const Json& shown_value(const FormState& form, const Record* record, const std::string& attribute) {
    if (auto it = form.edits.find(attribute); it != form.edits.end()) return *it;
    if (record)
        if (const Json* v = record->get(attribute)) return *v;
    return null_json();
}

void draw_field(FormState& form, const Record* record, const EntityDef& entity, const AttributeDef& a,
                const RecordFormLook& look, float width) {
    const Language lang = look.language;
    const FieldContext fctx = field_context(look);
    const bool phone = look.width == WidthClass::phone;
    const std::string& label = attribute_label(a, lang);
    const float label_w = phone ? width : (width * 0.35f < 200.0f ? width * 0.35f : 200.0f);
    const float x0 = ImGui::GetCursorPosX();

    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    if (a.required && !a.system) {
        ImGui::SameLine(0.0f, 2.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kErrorColor));
        ImGui::TextUnformatted("*");
        ImGui::PopStyleColor();
    }
    // SetCursorPosX, not SameLine(x): SameLine adds the card group's offset a second time.
    if (!phone) ImGui::SameLine(0.0f, 0.0f);
    ImGui::SetCursorPosX(x0 + (phone ? 0.0f : label_w));

    ImGui::PushItemWidth(width - (phone ? 0.0f : label_w));
    ImGui::BeginGroup();
    const std::string id = "##field_" + a.name;
    const Json& value = shown_value(form, record, a.name);
    if (!is_editable_on_forms(a)) {
        // Stamped by the write path or changed by a command (Assign, Resolve, the SLA engine): shown, never edited.
        const std::string text = format_value(entity, a, value.is_null() ? nullptr : &value, fctx);
        ImGui::TextUnformatted(text.empty() ? "---" : text.c_str());
    } else {
        // Editors fill the width the group has; ImGui measures it from the item width.
        ImGui::BeginChild(id.c_str(), ImVec2(width - (phone ? 0.0f : label_w),
                                             a.type == AttributeType::Memo
                                                 ? ImGui::GetTextLineHeight() * 5.0f + ImGui::GetStyle().FramePadding.y * 2.0f
                                                 : ImGui::GetFrameHeight()),
                          false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        Json out;
        if (draw_field_editor(id.c_str(), entity, a, value, out, fctx)) {
            const Json* stored = record ? record->get(a.name) : nullptr;
            const bool same = (stored == nullptr && out.is_null()) || (stored && *stored == out);
            if (same)
                form.edits.erase(a.name);  // back to what is stored: not an edit any more
            else
                form.edits[a.name] = out;
            form.errors.erase(a.name);
            form.notice.clear();
        }
        ImGui::EndChild();
        // Tests click the editor by the field's label.
        record_last_item(label.c_str());
    }
    if (auto it = form.errors.find(a.name); it != form.errors.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kErrorColor));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - (phone ? 0.0f : label_w));
        const std::string error = localize_message(it->second, lang);
        ImGui::TextWrapped("%s %s", ICON_TIMES, error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        record_last_item(error.c_str());
    }
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    ImGui::Dummy(ImVec2(0.0f, phone ? 6.0f : 2.0f));
}

std::optional<RecordRef> draw_subgrid(const FormSubgrid& sg, const Record* record, const RecordFormLook& look) {
    std::optional<RecordRef> open;
    const char* code = language_code(look.language);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(palette::text_secondary));
    ImGui::TextUnformatted(sg.label.in(code).c_str());
    ImGui::PopStyleColor();
    std::size_t shown = 0;
    if (record) {
        for (const auto& entity : sg.entities) {
            for (const Record* r : look.store.referencing(entity, sg.attribute, record->id)) {
                if (shown >= 50) break;  // a summary list; the full list is the entity's view
                ++shown;
                std::string name = primary_name_of(look.schema, *r);
                if (name.empty()) name = r->id;
                if (const EntityDef* e = look.schema.entity(entity)) name += "  \xc2\xb7 " + e->label.in(code);
                const std::string label = "  " + name + "##sg_" + sg.name + r->id;
                if (ImGui::Selectable(label.c_str())) open = RecordRef{r->entity, r->id};
            }
        }
    }
    if (shown == 0) ImGui::TextDisabled("  %s", tr(look.language, "workspace.no_records"));
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    return open;
}

// The contact card of the Summary tab: who the case or record is about.
void draw_contact_card(const Record* record, const RecordFormLook& look, float width) {
    if (!record) return;
    const Record* contact = nullptr;
    for (const char* attr : {"primarycontactid", "customerid", "parentcustomerid"}) {
        if (const Json* v = record->get(attr); v && v->is_object()) {
            const Record* r = look.store.find(v->value("entity", ""), v->value("id", ""));
            if (r) {
                contact = r;
                break;
            }
        }
    }
    if (!contact) return;
    const Card card = begin_card(width, 14.0f);
    ImGui::TextDisabled("%s  %s", ICON_ID_CARD, tr(look.language, "workspace.contact_card"));
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextUnformatted(primary_name_of(look.schema, *contact).c_str());
    ImGui::PopFont();
    for (const char* attr : {"jobtitle", "emailaddress1", "telephone1", "address1_city"}) {
        if (const Json* v = contact->get(attr); v && v->is_string()) ImGui::TextUnformatted(v->get<std::string>().c_str());
    }
    end_card(card, 14.0f, 12.0f);
}

// A kept value as the agent reads it: strings bare, anything else as JSON, empty as "—".
std::string conflict_value_text(const Record& conflict, const char* attribute) {
    const Json* text = conflict.get(attribute);
    if (!text || !text->is_string()) return "\xe2\x80\x94";
    const Json value = Json::parse(text->get<std::string>(), nullptr, false);
    if (value.is_discarded() || value.is_null()) return "\xe2\x80\x94";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("id")) return "(" + value["id"].get<std::string>().substr(0, 8) + ")";
    return value.dump();
}

// Unresolved sync conflicts on the record: which field, the value that was overwritten
// and the one that won, with a button that restores the overwritten value.
void draw_conflicts(const Record& record, const EntityDef& entity, const RecordFormLook& look, float pad,
                    RecordFormIntent& intent) {
    const char* code = language_code(look.language);
    for (const Record& c : conflicts_on(look.store, record.entity, record.id)) {
        const Json* resolved = c.get("isresolved");
        if (resolved && resolved->is_boolean() && resolved->get<bool>()) continue;
        const Json* attr = c.get("attributename");
        std::string field = attr && attr->is_string() ? attr->get<std::string>() : std::string();
        if (const AttributeDef* a = entity.attribute(field)) field = a->label.in(code);
        const std::string text = std::string(ICON_EXCLAMATION_TRIANGLE " ") + tr(look.language, "workspace.conflict_text") +
                                 (field.empty() ? "" : " \xc2\xb7 " + field) + ": \xe2\x80\x9c" +
                                 conflict_value_text(c, "losingvalue") + "\xe2\x80\x9d " +
                                 tr(look.language, "workspace.conflict_was") + " \xe2\x80\x9c" +
                                 conflict_value_text(c, "winningvalue") + "\xe2\x80\x9d";
        ImGui::SetCursorPosX(pad);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.33f, 0.0f, 1.0f));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopStyleColor();
        record_last_item(text.c_str());
        ImGui::SetCursorPosX(pad);
        const std::string button = std::string(tr(look.language, "workspace.conflict_restore")) + "##conflict_" + c.id;
        if (ImGui::SmallButton(button.c_str())) intent.restore_conflict = c.id;
    }
}

// The last save as the device has it: "Saving on this device…" until IndexedDB committed
// it, then "Saved on this device"; if the device refused it, that in red with what to do
// (the same words as the sync status), the change still kept in this tab.
void draw_save_outcome(const FormState& form, const SyncState& sync, Language lang, float pad) {
    ImGui::SetCursorPosX(pad);
    std::string text;
    if (sync.durable_client_seq >= form.saving_client_seq) {
        text = tr(lang, "workspace.saved_on_device");
        ImGui::TextColored(ImVec4(0.06f, 0.49f, 0.06f, 1.0f), "%s %s", ICON_CHECK, text.c_str());
    } else if (!sync.storage_error.empty()) {
        text = std::string(tr(lang, "sync.storage_refused")) + ": " + localize_message(sync.storage_error, lang);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kErrorColor));
        ImGui::TextWrapped("%s %s", ICON_TIMES, text.c_str());
        ImGui::PopStyleColor();
    } else {
        text = tr(lang, "sync.unsaved");
        ImGui::TextDisabled("%s", text.c_str());
    }
    record_last_item(text.c_str());
}

}  // namespace

bool has_unsaved_changes(const FormState& form) { return !form.edits.empty(); }

FieldContext field_context(const RecordFormLook& look) {
    return FieldContext{look.language, look.width, look.store, look.schema, look.widgets, look.model.now};
}

void submit_for_form(FormContext& ctx, std::string name, Json args, std::string done_text, std::function<void()> after) {
    FormState& form = ctx.form;
    ctx.look.intents.submit(std::move(name), std::move(args),
                            [&form, done_text = std::move(done_text), after = std::move(after)](const Result<Mutation>& r) {
                                form.error.clear();
                                form.notice.clear();
                                if (!r) {
                                    form.error = r.error().message;
                                    return;
                                }
                                form.notice = done_text;
                                if (after) after();
                            });
}

std::vector<const FormExtension*> FormExtensionRegistry::for_entity(const std::string& entity) const {
    std::vector<const FormExtension*> out;
    for (const FormExtension& e : extensions_) {
        const bool applies = e.entities.empty() ||
                             std::find(e.entities.begin(), e.entities.end(), entity) != e.entities.end();
        if (applies) out.push_back(&e);
    }
    return out;
}

void draw_form_field(FormState& form, const EntityDef& entity, const AttributeDef& attribute,
                     const RecordFormLook& look, float width) {
    draw_field(form, look.store.find(form.entity, form.id), entity, attribute, look, width);
}

Record record_with_edits(const FormState& form, const Store& store) {
    Record r;
    if (const Record* stored = store.find(form.entity, form.id)) r = *stored;
    r.entity = form.entity;
    r.id = form.id;
    for (const auto& [k, v] : form.edits.items()) {
        if (v.is_null())
            r.attributes.erase(k);
        else
            r.attributes[k] = v;
    }
    return r;
}

RecordFormIntent draw_record_form(FormState& form, const RecordFormLook& look, const FormExtensionRegistry& registry,
                                  const std::vector<Command>& host_commands) {
    RecordFormIntent intent;
    const Language lang = look.language;
    const char* code = language_code(lang);
    const bool touch = is_touch_sized(look.width);
    const bool phone = look.width == WidthClass::phone;
    const EntityDef* entity = look.schema.entity(form.entity);
    const Form* meta = look.metadata.form(form.entity);
    const Record* record = look.store.find(form.entity, form.id);
    bool want_leave = false;
    std::optional<RecordRef> want_open;
    const std::vector<const FormExtension*> extensions = registry.for_entity(form.entity);
    FormContext ctx{form, form.is_new ? nullptr : record, look, want_open};

    // Command bar: Back, Save, Save & Close, then the entity's and the areas' commands.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8.0f, 6.0f));
    const float bh = touch ? 44.0f : 32.0f;
    ImGui::BeginChild("##form_command_bar", ImVec2(0.0f, bh + 12.0f), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    // The commands as data, in the order the bar shows them; what does not fit goes to
    // "More commands". Extensions append theirs around the host's (Assign, Delete ...).
    std::vector<Command> commands;
    commands.push_back({"form_back", ICON_CHEVRON_LEFT, tr(lang, "workspace.back"), [&] { want_leave = true; }});
    commands.push_back({"form_save", ICON_CHECK, tr(lang, "workspace.save"), [&] { intent.save = true; }});
    commands.push_back({"form_save_close", ICON_CHECK, tr(lang, "workspace.save_close"), [&] {
                            intent.save = true;
                            intent.close_after = true;
                        }});
    for (const FormExtension* e : extensions)
        if (e->add_commands && !e->commands_last) e->add_commands(ctx, commands);
    commands.insert(commands.end(), host_commands.begin(), host_commands.end());
    for (const FormExtension* e : extensions)
        if (e->add_commands && e->commands_last) e->add_commands(ctx, commands);
    std::string note;
    for (const FormExtension* e : extensions)
        if (e->command_bar_note && note.empty()) note = e->command_bar_note(ctx);
    const float note_w = note.empty() ? 0.0f : ImGui::CalcTextSize(note.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    draw_command_bar("form_commands", commands, lang, look.width, note_w);
    if (!note.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", note.c_str());
        record_last_item(tr(lang, "lifecycle.read_only"));
    }
    for (const FormExtension* e : extensions)
        if (e->draw_dialogs) e->draw_dialogs(ctx);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();

    const float pad = phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.5f));
    if (!entity || (!record && !form.is_new)) {
        ImGui::TextUnformatted(tr(lang, "workspace.record_missing"));
        if (want_leave) intent.close = true;
        return intent;
    }

    // Header: primary name, entity and status.
    const Record shown = record_with_edits(form, look.store);
    std::string name = primary_name_of(look.schema, shown);
    if (name.empty()) name = std::string(tr(lang, "workspace.new_record")) + " " + entity->label.in(code);
    ImGui::BeginGroup();
    ImGui::PushFont(look.fonts && look.fonts->large ? look.fonts->large : ImGui::GetFont());
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    record_last_item(name.c_str());
    record_heading(name.c_str(), 1);
    ImGui::SetCursorPosX(pad);
    std::string sub = entity->label.in(code);
    if (const Json* s = shown.get("statuscode"); s && s->is_number_integer())
        if (const OptionValue* o = entity->status(s->get<int>())) sub += "  \xc2\xb7  " + o->label.in(code);
    if (has_unsaved_changes(form)) sub += std::string("  \xc2\xb7  ") + tr(lang, "workspace.unsaved");
    ImGui::TextDisabled("%s", sub.c_str());
    record_last_item(sub.c_str());
    ImGui::EndGroup();
    for (const FormExtension* e : extensions)
        if (e->draw_header) e->draw_header(ctx, pad);
    if (form.saving_client_seq != 0 && form.notice.empty()) draw_save_outcome(form, look.model.sync, look.language, pad);
    if (!form.notice.empty()) {
        ImGui::SetCursorPosX(pad);
        ImGui::TextColored(ImVec4(0.06f, 0.49f, 0.06f, 1.0f), "%s %s", ICON_CHECK, form.notice.c_str());
        record_last_item(form.notice.c_str());
    }
    if (!form.error.empty()) {
        ImGui::SetCursorPosX(pad);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kErrorColor));
        const std::string error = localize_message(form.error, look.language);
        ImGui::TextWrapped("%s %s", ICON_TIMES, error.c_str());
        ImGui::PopStyleColor();
        record_last_item(error.c_str());
    }

    if (record) draw_conflicts(*record, *entity, look, pad, intent);
    for (const FormExtension* e : extensions)
        if (e->draw_side_panel) e->draw_side_panel(ctx, pad);

    // Tabs.
    ImGui::SetCursorPosX(pad);
    const float content_w = ImGui::GetContentRegionAvail().x - pad;
    if (meta && !meta->tabs.empty()) {
        if (form.tab >= static_cast<int>(meta->tabs.size())) form.tab = 0;
        // Tabs as a row of flat buttons with the current one underlined, as the hub draws them.
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12.0f, touch ? 12.0f : 6.0f));
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::BeginChild("##form_tabs", ImVec2(content_w, ImGui::GetFrameHeight() + 6.0f), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_HorizontalScrollbar);
        for (std::size_t t = 0; t < meta->tabs.size(); ++t) {
            if (t > 0) ImGui::SameLine();
            const std::string label = meta->tabs[t].label.in(code) + "##tab_" + meta->tabs[t].name;
            const bool current = form.tab == static_cast<int>(t);
            if (ImGui::Button(label.c_str())) form.tab = static_cast<int>(t);
            if (current) {
                const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(mn.x + 6.0f, mx.y - 3.0f), ImVec2(mx.x - 6.0f, mx.y),
                                                          palette::accent);
            }
        }
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
    }

    ImGui::SetCursorPosX(pad);
    ImGui::BeginChild("##form_body", ImVec2(content_w, ImGui::GetContentRegionAvail().y - 4.0f), false,
                      ImGuiWindowFlags_NoSavedSettings);
    const float body_w = ImGui::GetContentRegionAvail().x;
    if (meta && !meta->tabs.empty()) {
        const FormTab& tab = meta->tabs[static_cast<std::size_t>(form.tab)];
        if (tab.name == "summary" && !phone) draw_contact_card(record, look, body_w);
        for (const FormExtension* e : extensions)
            if (e->draw_tab_top) e->draw_tab_top(ctx, tab.name, body_w);
        bool locked = false;
        for (const FormExtension* e : extensions)
            if (e->locks_fields && e->locks_fields(ctx)) locked = true;
        for (const FormSection& section : tab.sections) {
            bool drawn = false;
            for (const FormExtension* e : extensions)
                if (!drawn && e->draw_section) drawn = e->draw_section(ctx, section.name, body_w);
            if (drawn) continue;
            const float card_pad = phone ? 12.0f : 16.0f;
            const Card card = begin_card(body_w, card_pad);
            ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
            ImGui::TextUnformatted(section.label.in(code).c_str());
            ImGui::PopFont();
            ImGui::Dummy(ImVec2(0.0f, 4.0f));
            const float inner = body_w - 2.0f * card_pad;
            ImGui::BeginDisabled(locked);
            for (const auto& field : section.fields) {
                if (const AttributeDef* a = entity->attribute(field)) draw_field(form, record, *entity, *a, look, inner);
            }
            ImGui::EndDisabled();
            for (const auto& sg : section.subgrids)
                if (auto o = draw_subgrid(sg, record, look)) want_open = o;
            ImGui::Dummy(ImVec2(inner, 0.0f));
            end_card(card, card_pad, 12.0f);
        }
        if (tab.name == "summary" && phone) draw_contact_card(record, look, body_w);
        for (const FormExtension* e : extensions)
            if (e->draw_tab_bottom) e->draw_tab_bottom(ctx, tab.name, body_w);
    } else {
        // No form metadata: every non-system attribute in schema order.
        const Card card = begin_card(body_w, 16.0f);
        for (const auto& a : entity->attributes)
            if (!a.system) draw_field(form, record, *entity, a, look, body_w - 32.0f);
        end_card(card, 16.0f, 12.0f);
    }
    ImGui::EndChild();

    // Leaving: straight away without edits, else through the prompt.
    if (want_leave || want_open) {
        if (!has_unsaved_changes(form)) {
            intent.close = want_leave;
            intent.open = want_open;
        } else {
            form.confirm_leave = true;
        }
    }
    if (form.confirm_leave) {
        ImGui::OpenPopup("##unsaved_prompt");
        form.confirm_leave = false;
    }
    if (ImGui::BeginPopupModal("##unsaved_prompt", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ImGui::TextUnformatted(tr(lang, "workspace.unsaved_title"));
        record_last_item(tr(lang, "workspace.unsaved_title"));
        ImGui::TextDisabled("%s", tr(lang, "workspace.unsaved_text"));
        const ImVec2 bs(140.0f, touch ? 44.0f : 0.0f);
        if (ImGui::Button(tr(lang, "workspace.save_close"), bs)) {
            intent.save = true;
            intent.close_after = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, "workspace.discard"), bs)) {
            form.edits = Json::object();
            form.errors.clear();
            intent.close = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, "workspace.cancel"), bs) || escape_closes_dialog()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    return intent;
}

}  // namespace casehub::ui
