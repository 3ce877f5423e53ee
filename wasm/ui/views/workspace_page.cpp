// Workspace page: one grid state per area, the open form, quick create and deep links.
// Browser glue it needs (clock, location.hash, mailto:) is a few EM_JS lines here, kept
// to this file so the grid and form stay plain ImGui code.
#include "wasm/ui/views/workspace_page.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include <emscripten/emscripten.h>

#include "core/demo/demo_data.hpp"
#include "core/metadata/metadata.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/schema/schema.hpp"
#include "core/schema/ticket_number.hpp"
#include "core/apply/validation.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/platform/preferences.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/views/assign_dialog.hpp"
#include "wasm/ui/views/dashboard_page.hpp"
#include "wasm/ui/views/entity_view.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/extensions/merge_dialog.hpp"
#include "wasm/ui/views/queue_page.hpp"
#include "wasm/ui/views/quick_create.hpp"
#include "wasm/ui/views/record_form.hpp"
#include "wasm/ui/views/recent_items.hpp"
#include "wasm/ui/views/record_set_pane.hpp"
#include "wasm/ui/views/site_map.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

// clang-format off
EM_JS(double, casehub_ws_now, (), { return Date.now(); });
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

struct Workspace {
    std::map<std::string, ViewState> views;  // by area entity
    std::optional<FormState> form;
    std::string form_area;                   // area entity the form was opened in
    std::optional<FormState> quick;
    std::optional<std::string> navigate;     // area entity a deep link asks for
    std::string last_area;
    bool watching_hash = false;
    std::vector<RecordRef> confirm_delete;   // the form's Delete, waiting for the agent's answer
    bool confirm_delete_requested = false;
    std::unique_ptr<Store> bench;            // frame-time bench: generated cases shown instead of the replica
};

Workspace& workspace() {
    static Workspace w;
    return w;
}

TimestampMs now_ms() { return static_cast<TimestampMs>(casehub_ws_now()); }

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

void show_open_record_hash() {
    const Workspace& w = workspace();
    if (w.form && !w.form->is_new)
        casehub_ws_show_hash(("#/" + w.form->entity + "/" + w.form->id).c_str());
    else
        casehub_ws_show_hash("");
}

void open_form(const RecordRef& ref, const ViewState* from, const View* view, Language lang) {
    Workspace& w = workspace();
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
    note_recent_record(w.last_area, ref.entity, ref.id);
    show_open_record_hash();
}

// Fields a new record gets without the agent typing them: owner, state, ticket number.
void apply_new_record_defaults(Record& r, const EntityDef& e, const std::string& user_id) {
    if (e.user_owned && !r.get("ownerid") && !user_id.empty()) r.attributes["ownerid"] = make_lookup("systemuser", user_id);
    if (e.has_state()) {
        if (!r.get("statecode")) r.attributes["statecode"] = e.default_state;
        if (!r.get("statuscode")) r.attributes["statuscode"] = e.default_status;
    }
    if (e.name == "incident" && !r.get("ticketnumber") && e.attribute("ticketnumber")) {
        // A per-client counter and suffix, kept in preferences, so offline tablets never clash.
        std::string suffix = platform::load_preference("ticket_suffix");
        if (suffix.empty()) {
            std::uint64_t bits = 0;
            platform::random_bytes(&bits, sizeof bits);
            suffix = make_ticket_suffix(bits);
            platform::save_preference("ticket_suffix", suffix);
        }
        const std::uint64_t counter = std::strtoull(platform::load_preference("ticket_counter").c_str(), nullptr, 10) + 1;
        platform::save_preference("ticket_counter", std::to_string(counter));
        r.attributes["ticketnumber"] = make_ticket_number(counter, suffix);
    }
}

void show_error(FormState& f, const Error& e) {
    if (!e.field.empty())
        f.errors[e.field] = e.message;
    else
        f.error = e.message;
    if (!e.field.empty()) f.error = e.message;  // also on top: the field may be on another tab
}

// Validates with the core and submits record.create / record.update. True when saved.
bool save_form(FormState& f, Language lang) {
    client::DataLayer& dl = client::data_layer();
    const Store& store = dl.view();
    const Schema& schema = casehub_schema();
    f.errors.clear();
    f.error.clear();
    f.notice.clear();
    const EntityDef* e = schema.entity(f.entity);
    if (!e) return false;
    if (!f.is_new && f.edits.empty()) {
        f.notice = tr(lang, "workspace.saved");
        return true;
    }
    if (f.entity == "contact" && !f.edits.contains("fullname") &&
        (f.edits.contains("firstname") || f.edits.contains("lastname"))) {
        // The contact's name as grids show it. The core does not derive fullname yet (told
        // the lead); until it does, the client composes it as the hub does: first + last.
        const Record shown = record_with_edits(f, store);
        std::string full;
        for (const char* part : {"firstname", "lastname"}) {
            if (const Json* v = shown.get(part); v && v->is_string() && !v->get<std::string>().empty())
                full += (full.empty() ? "" : " ") + v->get<std::string>();
        }
        if (!full.empty()) f.edits["fullname"] = full;
    }
    Record after = record_with_edits(f, store);
    if (f.is_new) apply_new_record_defaults(after, *e, dl.replica_user_id());
    const Record* before = f.is_new ? nullptr : store.find(f.entity, f.id);
    if (auto s = validate_record(schema, store, after, before); !s && s.error().code != "lookup_not_found") {
        show_error(f, s.error());
        return false;
    }
    Json args;
    std::string name;
    if (f.is_new) {
        Json fields = Json::object();
        for (const auto& [k, v] : after.attributes.items())
            if (!is_stamped_attribute(k)) fields[k] = v;
        args = record_create_args(f.entity, f.id, fields);
        name = "record.create";
    } else {
        args = record_update_args(store, f.entity, f.id, f.edits);
        name = "record.update";
    }
    auto result = dl.submit(name, args);
    if (!result) {
        show_error(f, result.error());
        return false;
    }
    f.edits = Json::object();
    f.is_new = false;
    f.notice = tr(lang, "workspace.saved");
    if (name == "record.create") note_recent_record(area_of(f.entity), f.entity, f.id);
    return true;
}

void read_deep_link() {
    Workspace& w = workspace();
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
    open_form(RecordRef{entity, id}, nullptr, nullptr, Language::en);
}

}  // namespace

bool draw_workspace_page(const std::string& area_entity, Language language, WidthClass width, const Fonts* fonts) {
    Workspace& w = workspace();
    client::DataLayer& dl = client::data_layer();
    const Metadata& metadata = casehub_metadata();
    const Schema& schema = casehub_schema();
    const Store& store = w.bench ? *w.bench : dl.view();

    if (w.last_area != area_entity) {
        if (w.form && w.form_area != area_entity) {
            if (has_unsaved_changes(*w.form)) {
                w.form->confirm_leave = true;
                w.form_area = area_entity;
            } else {
                w.form.reset();
                show_open_record_hash();
            }
        }
        w.last_area = area_entity;
    }

    if (w.form) {
        const RecordFormLook look{language, width, store, schema, metadata, fonts};
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        std::optional<RecordRef> pick;
        if (shows_record_set_pane(width, w.form->record_set)) {
            const float pane_w = 260.0f;
            pick = draw_record_set_pane(w.form->record_set, w.form->record_set_title, RecordRef{w.form->entity, w.form->id},
                                        store, schema, language, pane_w, avail.y);
            ImGui::SameLine(0.0f, 0.0f);
        }
        ImGui::BeginChild("##form_area", ImVec2(0.0f, avail.y), false, ImGuiWindowFlags_NoSavedSettings);
        RecordFormIntent intent = draw_record_form(*w.form, look);
        ImGui::EndChild();
        if (pick && !has_unsaved_changes(*w.form)) intent.open = pick;
        else if (pick) w.form->confirm_leave = true;
        if (intent.restore_conflict) {
            auto restored = dl.submit("conflict.restore", Json{{"id", *intent.restore_conflict}});
            if (restored) w.form->notice = tr(language, "workspace.conflict_restored");
            else w.form->error = restored.error().message;
        }
        if (intent.save) {
            const bool saved = save_form(*w.form, language);
            if (saved) show_open_record_hash();
            if (saved && intent.close_after) intent.close = true;
        }
        if (intent.close) {
            w.form.reset();
            show_open_record_hash();
        } else if (intent.open) {
            open_form(*intent.open, nullptr, nullptr, language);
        }
        return true;
    }

    if (area_entity == "queue") {  // the Queues area lists queue items, not queue records
        const QueuePageIntent queue_intent = draw_queue_page(language, width, now_ms(), fonts);
        if (queue_intent.open) open_form(*queue_intent.open, nullptr, nullptr, language);
        return true;
    }

    if (area_entity == "dashboard") {
        const DashboardLook look{language, width, store, schema, metadata, dl.replica_user_id(), now_ms(), fonts};
        const DashboardIntent intent = draw_dashboard_page(look);
        if (intent.create_case) open_quick_create("incident");
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
                              dl.replica_user_id(),
                              now_ms(),
                              store.version(),
                              fonts,
                              area_title,
                              shown_view && is_view_pinned(area_entity, shown_view->name),
                              is_assignable(schema, new_entity_for(area_entity))};
    EntityViewIntent intent = draw_entity_view(vs, look);
    if (intent.toggle_pin && shown_view) toggle_pinned_view(area_entity, shown_view->name);
    if (!intent.assign.empty()) open_assign_dialog(intent.assign);
    if (!intent.merge.empty()) {
        std::vector<std::string> ids;
        for (const RecordRef& ref : intent.merge) ids.push_back(ref.id);
        open_merge_cases_dialog(std::move(ids));
    }
    if (intent.open_dashboards) w.navigate = std::string("dashboard");
    if (intent.open) open_form(*intent.open, &vs, current_view(vs, metadata), language);
    if (intent.create) {
        FormState f;
        f.entity = new_entity_for(area_entity);
        f.id = platform::random_uuid();
        f.is_new = true;
        w.form = std::move(f);
        w.form_area = area_entity;
    }
    for (const RecordRef& ref : intent.remove) {
        auto result = dl.submit("record.delete", record_delete_args(store, ref.entity, ref.id));
        if (!result) std::fprintf(stderr, "casehub: delete %s failed: %s\n", ref.id.c_str(), result.error().message.c_str());
        else forget_recent_record(ref.entity, ref.id);
    }
    if (!intent.email_links.empty()) email_links(intent.email_links, language);
    return true;
}

void open_quick_create(const std::string& entity) {
    FormState f;
    f.entity = entity;
    f.id = platform::random_uuid();
    f.is_new = true;
    workspace().quick = std::move(f);
}

void draw_workspace_overlays(Language language, WidthClass width, float screen_w, float screen_h, float top,
                             const Fonts* fonts) {
    Workspace& w = workspace();
    read_deep_link();
    client::DataLayer& dl = client::data_layer();

    // Assign (from a grid or a form): one record.assign per record (the owner changes only so).
    if (auto answer = draw_assign_dialog(language, width, dl.view(), casehub_schema(), dl.replica_user_id())) {
        std::string failure;
        for (const RecordRef& ref : answer->records) {
            auto result = dl.submit("record.assign", record_assign_args(ref.entity, ref.id, answer->owner));
            if (!result) failure = result.error().message;
        }
        if (w.form) {
            w.form->notice = failure.empty() ? tr(language, "workspace.assign_done") : std::string();
            w.form->error = failure;
        }
    }

    // Merge Cases from the Cases grid: the merged case leaves the selection with its view.
    if (draw_merge_cases_dialog(language, width, dl.view(), casehub_schema())) w.views["incident"].selected.clear();

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
                auto result = dl.submit("record.delete", record_delete_args(dl.view(), ref.entity, ref.id));
                if (!result && w.form) w.form->error = result.error().message;
                if (!result) continue;
                forget_recent_record(ref.entity, ref.id);
                if (w.form && w.form->entity == ref.entity && w.form->id == ref.id) {
                    w.form.reset();
                    show_open_record_hash();
                }
            }
            w.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(language, "workspace.cancel")) + "###confirm_delete_no").c_str(), bs)) {
            w.confirm_delete.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (!w.quick) return;
    const RecordFormLook look{language, width, client::data_layer().view(), casehub_schema(), casehub_metadata(), fonts};
    const QuickCreateIntent intent = draw_quick_create(*w.quick, look, screen_w, screen_h, top);
    if (intent.cancel) {
        w.quick.reset();
    } else if (intent.save && save_form(*w.quick, language)) {
        w.quick.reset();
    }
}

std::optional<std::string> take_workspace_navigation() {
    auto n = std::move(workspace().navigate);
    workspace().navigate.reset();
    return n;
}

std::vector<SiteMapLink> site_map_links(Area current, Language language) {
    std::vector<SiteMapLink> links;
    const Metadata& metadata = casehub_metadata();
    const Store& store = client::data_layer().view();
    const Schema& schema = casehub_schema();
    for (const SiteMapEntry& entry : site_map_entries()) {
        for (const std::string& name : pinned_views(entry.entity)) {
            const View* v = metadata.view(name);
            if (!v || v->entity != entry.entity) continue;
            links.push_back({SiteMapLink::Kind::pinned_view, entry.area, v->label.in(language_code(language)),
                             entry.entity, name});
        }
        if (entry.area != current) continue;
        for (const RecentRecord& r : recent_records(entry.entity)) {
            const Record* record = store.find(r.entity, r.id);
            if (!record) continue;  // deleted, or not on this device (yet)
            std::string label = primary_name_of(schema, *record);
            if (label.empty()) continue;
            links.push_back({SiteMapLink::Kind::recent_record, entry.area, std::move(label), r.entity, r.id});
        }
    }
    return links;
}

void open_site_map_link(const SiteMapLink& link) {
    Workspace& w = workspace();
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
        show_open_record_hash();
        return;
    }
    w.last_area = area_entity;
    w.form.reset();
    open_form(RecordRef{link.entity, link.target}, nullptr, nullptr, Language::en);
}

void add_form_workspace_commands(const std::string& entity, const std::string& id, bool is_new, Language language,
                                 std::vector<Command>& commands) {
    if (is_new) return;
    const RecordRef ref{entity, id};
    if (is_assignable(casehub_schema(), entity))
        commands.push_back({"form_assign", ICON_USER, tr(language, "workspace.assign"), [ref] { open_assign_dialog({ref}); }});
    commands.push_back(
        {"form_email_link", ICON_SHARE_ALT, tr(language, "workspace.email_link"), [ref, language] { email_links({ref}, language); }});
    commands.push_back({"form_delete", ICON_TIMES, tr(language, "workspace.delete"), [ref] {
                            workspace().confirm_delete = {ref};
                            workspace().confirm_delete_requested = true;
                        }});
    commands.push_back({"form_open_dashboards", ICON_DASHBOARD, tr(language, "workspace.open_dashboards"),
                        [] { workspace().navigate = std::string("dashboard"); }});
}

}  // namespace casehub::ui

extern "C" {

// Frame-time bench hook (tests/e2e/bench_frame_time.mjs): generates the demo
// organisation with `cases` cases in memory and shows it in the workspace instead of the
// replica (store.version() keys the grid caches, as for the replica). Returns the
// number of cases. Nothing is synced or stored; a reload goes back to the replica.
EMSCRIPTEN_KEEPALIVE int casehub_load_bench_cases(int cases) {
    auto store = std::make_unique<casehub::Store>();
    casehub::DemoOptions options;
    options.case_count = static_cast<std::size_t>(cases > 0 ? cases : 0);
    options.now_ms = casehub::ui::now_ms();
    casehub::generate_demo_data(options, *store);
    const auto n = static_cast<int>(store->count("incident"));
    casehub::ui::workspace().bench = std::move(store);
    return n;
}

}
