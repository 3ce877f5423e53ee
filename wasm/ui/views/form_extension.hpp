// Form extensions: what an entity (or every entity) adds to the generic record form —
// commands on its bar, dialogs they open, lines under the header, the side panel, parts
// of tabs and whole sections — registered once by the app (wasm/app/form_extensions)
// instead of the form calling each feature. The form asks the registry for the
// extensions of its entity and calls their hooks in registration order; it names none.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wasm/ui/views/record_form.hpp"
#include "wasm/ui/widgets/command_bar.hpp"

namespace casehub::ui {

// What a hook draws into and acts on.
struct FormContext {
    FormState& form;
    const Record* record;            // as stored; nullptr for a record not saved yet
    const RecordFormLook& look;      // store, schema, clock, intents, extension states ...
    std::optional<RecordRef>& open;  // a record to show next (the form asks about unsaved edits first)
};

// Every hook is optional; an empty one is skipped.
struct FormExtension {
    std::string name;                  // "case", "knowledge_article", "sla" ... (also its state's name)
    std::vector<std::string> entities;  // the entities it extends; empty: every entity

    // Commands for the form's bar, after Save & Close and before the host's (Assign,
    // Delete ...), or after the host's when `commands_last`. They may open dialogs
    // (draw_dialogs draws them) and put mutations in look.intents.
    std::function<void(FormContext&, std::vector<Command>&)> add_commands;
    bool commands_last = false;
    // Popups the commands open, drawn every frame in the command bar's ID scope.
    std::function<void(FormContext&)> draw_dialogs;
    // True when the record's fields may not be edited (shown disabled).
    std::function<bool(const FormContext&)> locks_fields;
    // A note at the end of the command bar ("Read-only"); "" for none.
    std::function<std::string(const FormContext&)> command_bar_note;
    // Lines under the header (SLA countdowns, the process bar); `pad` is the form's margin.
    std::function<void(FormContext&, float pad)> draw_header;
    // The side panel beside the tabs; it narrows the window's content region for them.
    std::function<void(FormContext&, float pad)> draw_side_panel;
    // Parts of a tab: above its sections / below them. `tab` is the form metadata's tab name.
    std::function<void(FormContext&, const std::string& tab, float width)> draw_tab_top;
    std::function<void(FormContext&, const std::string& tab, float width)> draw_tab_bottom;
    // A whole section drawn by the extension instead of the section's fields; true when drawn.
    std::function<bool(FormContext&, const std::string& section, float width)> draw_section;
};

// Asks for `name(args)` on behalf of the form: its notice becomes `done_text` when the
// mutation is applied, its error the core's message when refused; `after` runs on success.
void submit_for_form(FormContext& ctx, std::string name, Json args, std::string done_text,
                     std::function<void()> after = {});

class FormExtensionRegistry {
public:
    // Adds an extension; hooks run in the order extensions are added.
    void add(FormExtension extension) { extensions_.push_back(std::move(extension)); }
    // The extensions of `entity`, in registration order.
    std::vector<const FormExtension*> for_entity(const std::string& entity) const;

private:
    std::vector<FormExtension> extensions_;
};

}  // namespace casehub::ui
