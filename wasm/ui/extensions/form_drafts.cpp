// Form drafts (see form_drafts.hpp).
#include "wasm/ui/extensions/form_drafts.hpp"

#include "wasm/platform/preferences.hpp"

namespace casehub::ui {
namespace {

// The form whose unsaved edits were last restored or saved as a draft.
struct DraftWatch {
    std::string form_key;
    std::string saved;
};

void keep_draft(FormContext& ctx) {
    FormState& form = ctx.form;
    if (form.is_new) return;
    DraftWatch& w = ctx.look.extension_states.get<DraftWatch>("form_drafts");
    const std::string key = draft_key("form", form.entity, form.id);
    if (w.form_key != key) {
        w.form_key = key;
        w.saved = platform::load_preference(key.c_str());
        if (form.edits.empty() && !w.saved.empty()) {
            Json edits = Json::parse(w.saved, nullptr, false);
            if (edits.is_object()) form.edits = edits;
        }
    }
    const std::string now = form.edits.empty() ? std::string() : form.edits.dump();
    if (now != w.saved) {
        platform::save_preference(key.c_str(), now);
        w.saved = now;
    }
}

}  // namespace

std::string draft_key(const char* kind, const std::string& entity, const std::string& id) {
    return std::string("draft.") + kind + "." + entity + "." + id;
}

FormExtension form_drafts_extension() {
    FormExtension e;
    e.name = "form_drafts";
    e.entities = {"email", "annotation"};
    e.draw_dialogs = keep_draft;  // every frame, in the bar's scope: nothing is drawn
    return e;
}

}  // namespace casehub::ui
