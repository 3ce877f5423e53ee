// Workspace page: one grid state per area, the open form, quick create and deep links.
// Browser glue it needs (location.hash, mailto:) is a few EM_JS lines here, kept to this
// file so the grid and form stay plain ImGui code. Saving goes through the core's
// new-record defaults, contact name and validation (core/schema/record_defaults,
// core/domain/contacts, core/apply/record_change), then becomes an intent.
#include "wasm/ui/views/workspace_page.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <emscripten/emscripten.h>

#include "core/apply/record_change.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/contacts/contact_name.hpp"
#include "core/metadata/metadata.hpp"
#include "core/schema/record_defaults.hpp"
#include "core/schema/schema.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/views/form_extension.hpp"
#include "wasm/ui/views/quick_create.hpp"
#include "wasm/ui/views/record_set_pane.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

// clang-format off
EM_JS(void, casehub_ws_watch_hash, (), {
    window.__casehubPendingHash = location.hash || "";
    window.addEventListener("hashchange", function() { window.__casehubPendingHash = location.hash || ""; });
});
EM_JS(char*, casehub_ws_take_hash, (), {
    var h = window.__casehubPendingHash;
    if (!h) return 0;
    window.__casehubPendingHash = "";
    var n = lengthBytesUTF8(h) + 1;
    var p = _malloc(n);
    stringToUTF8(h, p, n);
    return p;
});
// replaceState: the address shows the open record without firing hashchange.
EM_JS(void, casehub_ws_show_hash, (const char* hash), {
    var h = UTF8ToString(hash);
    history.replaceState(null, "", h ? h : location.pathname + location.search);
});
EM_JS(void, casehub_ws_mailto, (const char* subject, const char* paths), {
    var base = location.origin + location.pathname + "#/";
    var links = UTF8ToString(paths).split("\n").filter(function(p) { return p; })
                    .map(function(p) { return base + p; });
    var url = "mailto:?subject=" + encodeURIComponent(UTF8ToString(subject)) +
              "&body=" + encodeURIComponent(links.join("\n"));
    window.casehubLastMailto = url;  // for tests: headless browsers have no mail client
    try { window.location.href = url; } catch (e) { console.warn("mailto failed", e); }
});
// clang-format on

namespace casehub::ui {
namespace {

void email_links(const std::vector<RecordRef>& refs, Language lang) {
    std::string paths;
    for (const RecordRef& ref : refs) paths += ref.entity + "/" + ref.id + "\n";
    casehub_ws_mailto(tr(lang, "workspace.email_subject"), paths.c_str());
}

std::string new_entity_for(const std::string& area_entity) {
    return area_entity == kActivityPointer ? std::string("task") : area_entity;
}

// The site map area that lists records of `entity` (activities share one area).
std::string area_of(const std::string& entity) {
    for (const auto& entry : site_map_entries())
        if (entity == entry.entity) return entity;
    for (const auto& a : activity_entities())
        if (entity == a) return std::string(kActivityPointer);
    return entity;
}

void show_open_record_hash(const WorkspaceState& w) {
    if (w.form && !w.form->is_new)
        casehub_ws_show_hash(("#/" + w.form->entity + "/" + w.form->id).c_str());
    else
        casehub_ws_show_hash("");
}

void open_form(WorkspaceState& w, const RecordRef& ref, const ViewState* from, const View* view, Language lang) {
    FormState f;
    f.entity = ref.entity;
    f.id = ref.id;
    if (from) {
        f.record_set = from->rows;
        if (view) f.record_set_title = view->label.in(language_code(lang));
    } else if (w.form) {
        f.record_set = std::move(w.form->record_set);  // moving within the record set
        f.record_set_title = w.form->record_set_title;
    }
    w.form = std::move(f);
    w.form_area = w.last_area;
    note_recent_record(w.recent, w.last_area, ref.entity, ref.id);
    show_open_record_hash(w);
}

void show_error(FormState& f, const Error& e) {
    if (!e.field.empty())
        f.errors[e.field] = e.message;
    else
        f.error = e.message;
    if (!e.field.empty()) f.error = e.message;  // also on top: the field may be on another tab
}

// Saves the form as the core says: the contact's full name, a new record's defaults
// (owner, state, this client's next ticket number), validation, then record.create /
// record.update as an intent. `saved` runs once the change is applied (at once when
// there is nothing to save).
void save_form(WorkspaceState& w, FormState& f, const ViewFrame& frame, std::function<void()> saved) {
    const Store& store = frame.model.store;
    const Schema& schema = casehub_schema();
    const Language lang = frame.language;
    f.errors.clear();
    f.error.clear();
    f.notice.clear();
    const EntityDef* e = schema.entity(f.entity);
    if (!e) return;
    if (!f.is_new && f.edits.empty()) {
        if (f.saving_client_seq == 0) f.notice = tr(lang, "workspace.saved");  // else: the last save's state shows
        if (saved) saved();
        return;
    }
    if (auto full = full_name_for_edits(record_with_edits(f, store), f.edits)) f.edits["fullname"] = *full;
    Record after = record_with_edits(f, store);
    if (f.is_new) {
        std::optional<std::string> number;
        if (needs_ticket_number(after, *e)) {
            std::uint64_t bits = 0;
            platform::random_bytes(&bits, sizeof bits);
            number = next_ticket_number(w.tickets, bits);
        }
        apply_new_record_defaults(after, *e, frame.model.user_id, number);
    }
    auto change = record_change_for_save(schema, store, after, f.is_new, f.edits);
    if (!change) {
        show_error(f, change.error());
        return;
    }
    const bool created = f.is_new;
    frame.intents.submit(change->mutation, change->args,
                         [&w, &f, created, saved = std::move(saved)](const Result<Mutation>& result) {
                             if (!result) {
                                 show_error(f, result.error());
                                 return;
                             }
                             f.edits = Json::object();
                             f.is_new = false;
                             // "Saved" only once the device holds it (the form reads the sync state).
                             f.notice.clear();
                             f.saving_client_seq = result->client_seq;
                             if (created) note_recent_record(w.recent, area_of(f.entity), f.entity, f.id);
                             if (saved) saved();  // last: it may close the form
                         });
}

// The form's commands the workspace adds after the entity's: Assign, Email a Link,
// Delete, Open Dashboards (nothing for a record not saved yet).
std::vector<Command> workspace_commands(WorkspaceState& w, const FormState& f, Language language) {
    std::vector<Command> commands;
    if (f.is_new) return commands;
    const RecordRef ref{f.entity, f.id};
    if (is_assignable(casehub_schema(), f.entity))
        commands.push_back(
            {"form_assign", ICON_USER, tr(language, "workspace.assign"), [&w, ref] { open_assign_dialog(w.assign, {ref}); }});
    commands.push_back(
        {"form_email_link", ICON_SHARE_ALT, tr(language, "workspace.email_link"), [ref, language] { email_links({ref}, language); }});
    commands.push_back({"form_delete", ICON_TIMES, tr(language, "workspace.delete"), [&w, ref] {
                            w.confirm_delete = {ref};
                            w.confirm_delete_requested = true;
                        }});
    commands.push_back({"form_open_dashboards", ICON_DASHBOARD, tr(language, "workspace.open_dashboards"),
                        [&w] { w.navigate = std::string("dashboard"); }});
    return commands;
}

RecordFormLook form_look(WorkspaceState& w, const ViewFrame& frame) {
    return RecordFormLook{frame.language,      frame.width,     frame.model.store, casehub_schema(),
                          casehub_metadata(),  frame.fonts,     frame.model,       frame.intents,
                          frame.extension_states, frame.widgets, w.tickets};
}

}  // namespace

void begin_workspace_frame(WorkspaceState& w) {
    if (!w.watching_hash) {
        casehub_ws_watch_hash();
        w.watching_hash = true;
    }
    char* raw = casehub_ws_take_hash();
    if (!raw) return;
    const std::string hash = raw;
    std::free(raw);
    // "#/<entity>/<id>"
    if (hash.rfind("#/", 0) != 0) return;
    const std::string rest = hash.substr(2);
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return;
    const std::string entity = rest.substr(0, slash), id = rest.substr(slash + 1);
    if (!casehub_schema().entity(entity) || id.empty()) return;
    if (w.form && w.form->entity == entity && w.form->id == id) return;
    if (w.form && has_unsaved_changes(*w.form)) {
        w.form->confirm_leave = true;  // the agent decides first; the link can be followed again
        return;
    }
    for (const auto& entry : site_map_entries()) {
        if (entity == entry.entity) {
            w.navigate = entity;
            w.last_area = entity;
        }
    }
    w.form.reset();
    open_form(w, RecordRef{entity, id}, nullptr, nullptr, Language::en);
}

bool draw_workspace_page(WorkspaceState& w, const std::string& area_entity, const ViewFrame& frame) {
    const Language language = frame.language;
    const WidthClass width = frame.width;
    const Metadata& metadata = casehub_metadata();
    const Schema& schema = casehub_schema();
    const Store& store = frame.model.store;

    if (w.last_area != area_entity) {
        if (w.form && w.form_area != area_entity) {
            if (has_unsaved_changes(*w.form)) {
                w.form->confirm_leave = true;
                w.form_area = area_entity;
            } else {
                w.form.reset();
                show_open_record_hash(w);
            }
        }
        w.last_area = area_entity;
    }

    // What a command's outcome asked to show last frame (a new version, a child case).
    if (w.form && w.form->open_request) {
        const RecordRef next = *w.form->open_request;
        w.form->open_request.reset();
        open_form(w, next, nullptr, nullptr, language);
    }

    if (w.form) {
        const RecordFormLook look = form_look(w, frame);
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        std::optional<RecordRef> pick;
        if (shows_record_set_pane(width, w.form->record_set)) {
            const float pane_w = 260.0f;
            pick = draw_record_set_pane(w.form->record_set, w.form->record_set_title, RecordRef{w.form->entity, w.form->id},
                                        store, schema, language, pane_w, avail.y);
            ImGui::SameLine(0.0f, 0.0f);
        }
        ImGui::BeginChild("##form_area", ImVec2(0.0f, avail.y), false, ImGuiWindowFlags_NoSavedSettings);
        RecordFormIntent intent = draw_record_form(*w.form, look, frame.extensions, workspace_commands(w, *w.form, language));
        ImGui::EndChild();
        if (pick && !has_unsaved_changes(*w.form)) intent.open = pick;
        else if (pick) w.form->confirm_leave = true;
        if (intent.restore_conflict) {
            FormState& f = *w.form;
            frame.intents.submit("conflict.restore", Json{{"id", *intent.restore_conflict}},
                                 [&f, language](const Result<Mutation>& restored) {
                                     if (restored) f.notice = tr(language, "workspace.conflict_restored");
                                     else f.error = restored.error().message;
                                 });
        }
        if (intent.save) {
            const bool close_after = intent.close_after;
            save_form(w, *w.form, frame, [&w, close_after] {
                if (close_after) w.form.reset();
                show_open_record_hash(w);
            });
            if (!w.form) return true;  // nothing to save, and Save & Close: closed at once
        }
        if (intent.close) {
            w.form.reset();
            show_open_record_hash(w);
        } else if (intent.open) {
            open_form(w, *intent.open, nullptr, nullptr, language);
        }
        return true;
    }

    if (area_entity == "queue") {  // the Queues area lists queue items, not queue records
        const QueuePageIntent queue_intent = draw_queue_page(w.queues, frame);
        if (queue_intent.open) open_form(w, *queue_intent.open, nullptr, nullptr, language);
        return true;
    }

    if (area_entity == "dashboard") {
        const DashboardLook look{language, width, store, schema, metadata, frame.model.user_id, frame.model.now, frame.fonts};
        const DashboardIntent intent = draw_dashboard_page(w.dashboard, look);
        if (intent.create_case) open_quick_create(w, "incident");
        if (intent.open_views) w.navigate = std::string("incident");
        if (intent.open_view) {
            if (const View* v = metadata.view(*intent.open_view)) {
                ViewState& target = w.views[v->entity];
                target.view_name = v->name;
                target.sort.clear();
                target.selected.clear();
                w.navigate = v->entity;
            }
        }
        return true;
    }

    const auto views = metadata.views_for(area_entity);
    if (views.empty()) return false;
    ViewState& vs = w.views[area_entity];
    vs.entity = area_entity;
    const char* area_title = "";
    for (const auto& entry : site_map_entries())
        if (area_entity == entry.entity) area_title = tr(language, entry.label_key);
    const View* shown_view = current_view(vs, metadata);
    const EntityViewLook look{language,
                              width,
                              store,
                              schema,
                              metadata,
                              frame.model.user_id,
                              frame.model.now,
                              store.version(),
                              frame.fonts,
                              frame.widgets,
                              frame.monotonic_ms,
                              area_title,
                              shown_view && is_view_pinned(w.recent, area_entity, shown_view->name),
                              is_assignable(schema, new_entity_for(area_entity))};
    EntityViewIntent intent = draw_entity_view(vs, look);
    if (intent.toggle_pin && shown_view) toggle_pinned_view(w.recent, area_entity, shown_view->name);
    if (!intent.assign.empty()) open_assign_dialog(w.assign, intent.assign);
    if (!intent.merge.empty()) {
        std::vector<std::string> ids;
        for (const RecordRef& ref : intent.merge) ids.push_back(ref.id);
        open_merge_cases_dialog(w.merge, std::move(ids));
    }
    if (intent.open_dashboards) w.navigate = std::string("dashboard");
    if (intent.open) open_form(w, *intent.open, &vs, current_view(vs, metadata), language);
    if (intent.create) {
        FormState f;
        f.entity = new_entity_for(area_entity);
        f.id = platform::random_uuid();
        f.is_new = true;
        w.form = std::move(f);
        w.form_area = area_entity;
    }
    for (const RecordRef& ref : intent.remove) {
        frame.intents.submit("record.delete", record_delete_args(store, ref.entity, ref.id),
                             [&w, ref](const Result<Mutation>& result) {
                                 if (!result)
                                     std::fprintf(stderr, "casehub: delete %s failed: %s\n", ref.id.c_str(),
                                                  result.error().message.c_str());
                                 else
                                     forget_recent_record(w.recent, ref.entity, ref.id);
                             });
    }
    if (!intent.email_links.empty()) email_links(intent.email_links, language);
    return true;
}

void open_quick_create(WorkspaceState& w, const std::string& entity) {
    FormState f;
    f.entity = entity;
    f.id = platform::random_uuid();
    f.is_new = true;
    w.quick = std::move(f);
}

void draw_workspace_overlays(WorkspaceState& w, const ViewFrame& frame, float screen_w, float screen_h, float top) {
    const Language language = frame.language;
    const WidthClass width = frame.width;
    const Store& store = frame.model.store;

    // Assign (from a grid or a form): one record.assign per record (the owner changes only so);
    // the last answer tells the form how it went.
    if (auto answer = draw_assign_dialog(w.assign, language, width, store, casehub_schema(), frame.model.user_id)) {
        struct Tally {
            std::size_t left = 0;
            std::string failure;
        };
        auto tally = std::make_shared<Tally>();
        tally->left = answer->records.size();
        for (const RecordRef& ref : answer->records) {
            frame.intents.submit("record.assign", record_assign_args(ref.entity, ref.id, answer->owner),
                                 [&w, tally, language](const Result<Mutation>& result) {
                                     if (!result) tally->failure = result.error().message;
                                     if (--tally->left > 0 || !w.form) return;
                                     w.form->notice = tally->failure.empty() ? tr(language, "workspace.assign_done") : std::string();
                                     w.form->error = tally->failure;
                                 });
        }
    }

    // Merge Cases from the Cases grid: the merged case leaves the selection with its view.
    draw_merge_cases_dialog(w.merge, language, width, store, casehub_schema(), frame.intents,
                            [&w] { w.views["incident"].selected.clear(); });

    // The form's Delete, confirmed here (the grid confirms its own).
    if (w.confirm_delete_requested) {
        ImGui::OpenPopup("##confirm_form_delete");
        w.confirm_delete_requested = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##confirm_form_delete", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        const ImVec2 bs(is_touch_sized(width) ? 140.0f : 120.0f, is_touch_sized(width) ? 44.0f : 0.0f);
        ImGui::TextUnformatted(tr(language, "workspace.confirm_delete"));
        record_last_item(tr(language, "workspace.confirm_delete"));
        if (ImGui::Button((std::string(tr(language, "workspace.delete")) + "###confirm_delete_yes").c_str(), bs)) {
            for (const RecordRef& ref : w.confirm_delete) {
                frame.intents.submit("record.delete", record_delete_args(store, ref.entity, ref.id),
                                     [&w, ref](const Result<Mutation>& result) {
                                         if (!result) {
                                             if (w.form) w.form->error = result.error().message;
                                             return;
                                         }
                                         forget_recent_record(w.recent, ref.entity, ref.id);
                                         if (w.form && w.form->entity == ref.entity && w.form->id == ref.id) {
                                             w.form.reset();
                                             show_open_record_hash(w);
                                         }
                                     });
            }
            w.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(language, "workspace.cancel")) + "###confirm_delete_no").c_str(), bs) ||
            escape_closes_dialog()) {
            w.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (!w.quick) return;
    const RecordFormLook look = form_look(w, frame);
    const QuickCreateIntent intent = draw_quick_create(*w.quick, look, screen_w, screen_h, top);
    if (intent.cancel)
        w.quick.reset();
    else if (intent.save)
        save_form(w, *w.quick, frame, [&w] { w.quick.reset(); });
}

std::optional<std::string> take_workspace_navigation(WorkspaceState& w) {
    auto n = std::move(w.navigate);
    w.navigate.reset();
    return n;
}

std::vector<SiteMapLink> site_map_links(WorkspaceState& w, Area current, Language language, const Store& store) {
    std::vector<SiteMapLink> links;
    const Metadata& metadata = casehub_metadata();
    const Schema& schema = casehub_schema();
    for (const SiteMapEntry& entry : site_map_entries()) {
        for (const std::string& name : pinned_views(w.recent, entry.entity)) {
            const View* v = metadata.view(name);
            if (!v || v->entity != entry.entity) continue;
            links.push_back({SiteMapLink::Kind::pinned_view, entry.area, v->label.in(language_code(language)),
                             entry.entity, name});
        }
        if (entry.area != current) continue;
        for (const RecentRecord& r : recent_records(w.recent, entry.entity)) {
            const Record* record = store.find(r.entity, r.id);
            if (!record) continue;  // deleted, or not on this device (yet)
            std::string label = primary_name_of(schema, *record);
            if (label.empty()) continue;
            links.push_back({SiteMapLink::Kind::recent_record, entry.area, std::move(label), r.entity, r.id});
        }
    }
    return links;
}

void open_site_map_link(WorkspaceState& w, const SiteMapLink& link) {
    const std::string& area_entity = site_map_entry(link.area).entity;
    if (w.form && has_unsaved_changes(*w.form)) {
        w.form->confirm_leave = true;  // the agent answers first; the link can be picked again
        return;
    }
    if (link.kind == SiteMapLink::Kind::pinned_view) {
        ViewState& vs = w.views[area_entity];
        vs.view_name = link.target;
        vs.sort.clear();
        vs.selected.clear();
        w.form.reset();
        show_open_record_hash(w);
        return;
    }
    w.last_area = area_entity;
    w.form.reset();
    open_form(w, RecordRef{link.entity, link.target}, nullptr, nullptr, Language::en);
}

}  // namespace casehub::ui
