// Reference panel drawing and its actions (see reference_panel.hpp). The only state kept
// here is the agent's view of the panel (tab, query, filter, selection); records are
// read from the replica each frame and changed through DataLayer::submit.
#include "wasm/ui/extensions/reference_panel.hpp"

#include <algorithm>

#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/domain/knowledge/knowledge_search.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/text/safe_html.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/platform/browser_links.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/extensions/article_commands.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/rich_text.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

struct PanelState {
    std::string record_key;  // entity/id this state belongs to
    int tab = 0;
    std::string query;
    int status_filter = 0;  // index into kStatusFilters
    std::string selected;   // previewed article
    std::string message;    // outcome of the last action
    bool message_is_error = false;
    bool phone_related = false;
    RichEditorState editor;
    std::string similar_key;
    std::vector<std::pair<std::string, double>> similar;  // incident id, score
};

PanelState& panel_state() {
    static PanelState state;
    return state;
}

struct StatusFilter {
    const char* key;
    std::vector<std::string> states;
};
const StatusFilter kStatusFilters[] = {
    {"kb.filter_published", {"3"}}, {"kb.filter_draft", {"0"}}, {"kb.filter_approved", {"1"}}, {"kb.filter_all", {}}};

std::string str_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

// The knowledge index of the replica, synced when anything could have changed it.
KnowledgeSearch& knowledge_search(const Store& store) {
    static KnowledgeSearch search;
    static std::string signature;
    const SyncState s = client::data_layer().state();
    const std::string now = std::to_string(store.count("knowledgearticle")) + "/" + std::to_string(s.pending) + "/" +
                            std::to_string(s.last_synced_at) + "/" + std::to_string(store.size());
    if (now != signature) {
        search.sync(store);
        signature = now;
    }
    return search;
}

void show_result(PanelState& st, const Result<Mutation>& r, Language lang, const char* ok_key) {
    st.message_is_error = !r;
    st.message = r ? tr(lang, ok_key) : localize_message(r.error().message, lang);
}

std::string status_text(const Schema& schema, const Record& r, const char* code) {
    const EntityDef* e = schema.entity(r.entity);
    if (!e) return {};
    if (const Json* s = r.get("statuscode"); s && s->is_number_integer())
        if (const OptionValue* o = e->status(s->get<int>())) return o->label.in(code);
    return {};
}

// A list of records: a table (name, status, date) when the panel is wide, else two-line
// rows. Clicking a row opens the record.
void draw_records(const char* id, const std::vector<const Record*>& records, const RecordFormLook& look, float width) {
    const char* code = language_code(look.language);
    if (records.empty()) {
        ImGui::TextDisabled("%s", tr(look.language, "workspace.no_records"));
        return;
    }
    const bool wide = width >= 520.0f;
    const float row_h = is_touch_sized(look.width) ? 44.0f : 0.0f;
    ImGui::PushID(id);
    if (wide && ImGui::BeginTable("##grid", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(tr(look.language, "kb.column_name"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(look.language, "kb.column_status"), ImGuiTableColumnFlags_WidthFixed, 120.0f);
        ImGui::TableSetupColumn(tr(look.language, "kb.column_created"), ImGuiTableColumnFlags_WidthFixed, 100.0f);
        ImGui::TableHeadersRow();
        for (const Record* r : records) {
            ImGui::TableNextRow(0, row_h);
            ImGui::TableNextColumn();
            std::string name = primary_name_of(look.schema, *r);
            if (name.empty()) name = r->id.substr(0, 8);
            if (ImGui::Selectable((name + "##" + r->id).c_str(), false, ImGuiSelectableFlags_SpanAllColumns,
                                  ImVec2(0.0f, row_h)))
                platform::go_to_record(r->entity, r->id);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(status_text(look.schema, *r, code).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(str_attr(*r, "createdon").substr(0, 10).c_str());
        }
        ImGui::EndTable();
    } else {
        for (const Record* r : records) {
            std::string name = primary_name_of(look.schema, *r);
            if (name.empty()) name = r->id.substr(0, 8);
            const std::string sub = status_text(look.schema, *r, code) + "  \xc2\xb7  " + str_attr(*r, "createdon").substr(0, 10);
            const float h = std::max(row_h, ImGui::GetTextLineHeightWithSpacing() * 2.0f + 4.0f);
            const ImVec2 at = ImGui::GetCursorPos();
            if (ImGui::Selectable(("##row" + r->id).c_str(), false, 0, ImVec2(width, h))) platform::go_to_record(r->entity, r->id);
            record_last_item(name.c_str());
            ImGui::SetCursorPos(ImVec2(at.x + 4.0f, at.y + 2.0f));
            ImGui::TextUnformatted(name.c_str());
            ImGui::SetCursorPosX(at.x + 4.0f);
            ImGui::TextDisabled("%s", sub.c_str());
            ImGui::SetCursorPos(ImVec2(at.x, at.y + h + 2.0f));
        }
    }
    ImGui::PopID();
}

std::vector<const Record*> newest_first(std::vector<const Record*> records, std::size_t limit, const std::string& skip = {}) {
    records.erase(std::remove_if(records.begin(), records.end(), [&](const Record* r) { return r->id == skip; }),
                  records.end());
    std::sort(records.begin(), records.end(), [](const Record* a, const Record* b) {
        const std::string ca = str_attr(*a, "createdon"), cb = str_attr(*b, "createdon");
        return ca != cb ? ca > cb : a->id < b->id;
    });
    if (records.size() > limit) records.resize(limit);
    return records;
}

void section_title(const RecordFormLook& look, const char* key) {
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextUnformatted(tr(look.language, key));
    ImGui::PopFont();
    record_last_item(tr(look.language, key));
}

void draw_customer_tab(const Record& record, const RecordFormLook& look, float width, bool with_contacts) {
    const std::string customer = record.entity == "incident" ? lookup_id_of(record, "customerid") : record.id;
    if (with_contacts) {
        section_title(look, "kb.panel_contacts");
        draw_records("contacts", newest_first(look.store.referencing("contact", "parentcustomerid", customer), 20), look,
                     width);
        ImGui::Dummy(ImVec2(0.0f, 8.0f));
    }
    section_title(look, "kb.panel_recent_cases");
    draw_records("cases", newest_first(look.store.referencing("incident", "customerid", customer), 10, record.id), look,
                 width);
    ImGui::Dummy(ImVec2(0.0f, 8.0f));
    section_title(look, "kb.panel_entitlements");
    draw_records("entitlements", newest_first(look.store.referencing("entitlement", "customerid", customer), 20), look,
                 width);
}

// The email draft an insert goes into: the newest open draft regarding the case.
const Record* open_email_draft(const Store& store, const std::string& case_id) {
    const Record* best = nullptr;
    for (const Record* e : store.referencing("email", "regardingobjectid", case_id)) {
        if (int_attr(*e, "statecode", 0) != 0 || int_attr(*e, "statuscode", 1) != 1) continue;
        if (!best || str_attr(*e, "modifiedon") > str_attr(*best, "modifiedon")) best = e;
    }
    return best;
}

std::string article_insert(const Record& article, bool as_url) {
    if (!as_url) return sanitize_html(str_attr(article, "content"));
    const std::string url = platform::record_url("knowledgearticle", article.id);
    return "<p><a href=\"" + escape_html(url) + "\">" + escape_html(str_attr(article, "title")) + "</a></p>";
}

// Where the case's email goes by default: its contact's address, else the customer's
// (the agent can still change To before sending).
std::string customer_email_of(const Store& store, const Record& incident) {
    for (const char* attribute : {"primarycontactid", "customerid"}) {
        const Json* v = incident.get(attribute);
        if (!v || !v->is_object()) continue;
        const Record* who = store.find(v->value("entity", std::string()), v->value("id", std::string()));
        if (who && !str_attr(*who, "emailaddress1").empty()) return str_attr(*who, "emailaddress1");
    }
    return {};
}

// Puts the article (content or link) into the case's email draft, making one when there
// is none (or always, for "Send by email").
Result<Mutation> insert_into_email(const Store& store, const Record& incident, const Record& article, bool as_url,
                                   bool new_draft) {
    client::DataLayer& dl = client::data_layer();
    const std::string insertion = article_insert(article, as_url);
    const Record* draft = new_draft ? nullptr : open_email_draft(store, incident.id);
    if (draft) {
        std::string body = str_attr(*draft, "description");
        body += insertion;
        return dl.submit("record.update", record_update_args(store, "email", draft->id, Json{{"description", body}}));
    }
    Json fields{{"subject", str_attr(article, "title")},
                {"torecipients", customer_email_of(store, incident)},
                {"regardingobjectid", make_lookup("incident", incident.id)},
                {"description", insertion},
                {"directioncode", true},
                {"statecode", 0},
                {"statuscode", 1}};
    return dl.submit("record.create", record_create_args("email", platform::random_uuid(), fields));
}

void action_button(const char* key, Language lang, bool touch, bool& pressed) {
    if (ImGui::Button(tr(lang, key), ImVec2(0.0f, touch ? 44.0f : 0.0f))) pressed = true;
}

void draw_article_preview(PanelState& st, const Record& incident, const Record& article_record, const RecordFormLook& look,
                          float width);

void draw_knowledge_tab(PanelState& st, const Record& incident, const RecordFormLook& look, float width) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    KnowledgeSearch& search = knowledge_search(look.store);

    // The preview takes the place of the results (as the hub's pane does), so its actions
    // are in view without scrolling; "Back to results" returns to the list.
    const Record* article = st.selected.empty() ? nullptr : look.store.find("knowledgearticle", st.selected);
    if (article) {
        draw_article_preview(st, incident, *article, look, width);
        return;
    }
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint("##kb_query", tr(lang, "kb.search_hint"), st.query.data(), st.query.capacity() + 1,
                             ImGuiInputTextFlags_CallbackResize,
                             [](ImGuiInputTextCallbackData* data) {
                                 auto* s = static_cast<std::string*>(data->UserData);
                                 if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
                                     s->resize(static_cast<std::size_t>(data->BufTextLen));
                                     data->Buf = s->data();
                                 }
                                 return 0;
                             },
                             &st.query);
    record_last_item(tr(lang, "kb.search_hint"));
    st.query.resize(std::char_traits<char>::length(st.query.c_str()));
    for (int i = 0; i < 4; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool on = st.status_filter == i;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::site_map_selected));
        if (ImGui::Button((std::string(tr(lang, kStatusFilters[i].key)) + "##kb_filter").c_str(),
                          ImVec2(0.0f, touch ? 44.0f : 0.0f)))
            st.status_filter = i;
        if (on) ImGui::PopStyleColor();
    }

    const bool suggested = st.query.empty();
    const std::string text = suggested ? case_search_text(incident) : st.query;
    const auto hits = search.search(text, language_code(lang), kStatusFilters[st.status_filter].states, 10, !suggested);
    ImGui::TextDisabled("%s", tr(lang, suggested ? "kb.suggested" : "kb.results"));
    record_last_item(tr(lang, suggested ? "kb.suggested" : "kb.results"));
    if (hits.empty()) ImGui::TextDisabled("%s", tr(lang, "kb.no_results"));
    for (const SearchHit& hit : hits) {
        const Record* a = look.store.find("knowledgearticle", hit.id);
        if (!a) continue;
        const std::string title = str_attr(*a, "title");
        const std::string meta = str_attr(*a, "articlepublicnumber") + "  \xc2\xb7  " +
                                 status_text(look.schema, *a, language_code(lang)) + "  \xc2\xb7  " + article_version(*a);
        const float h = ImGui::GetTextLineHeightWithSpacing() * 3.0f + 6.0f;
        const ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable(("##hit" + hit.id).c_str(), st.selected == hit.id, 0, ImVec2(width, h))) {
            if (st.selected != hit.id) (void)client::data_layer().submit("kb.view", Json{{"id", hit.id}});
            st.selected = hit.id;
            st.message.clear();
        }
        record_last_item(title.c_str());
        ImGui::SetCursorPos(ImVec2(at.x + 4.0f, at.y + 2.0f));
        ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopFont();
        ImGui::SetCursorPosX(at.x + 4.0f);
        ImGui::TextDisabled("%s", meta.c_str());
        ImGui::SetCursorPosX(at.x + 4.0f);
        const std::string snippet = mark_highlights(hit.snippet.text, hit.snippet.highlights, "", "");
        ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                            ImVec2(ImGui::GetCursorScreenPos().x + width - 8.0f, ImGui::GetCursorScreenPos().y + 40.0f), true);
        ImGui::TextUnformatted(snippet.c_str());
        ImGui::PopClipRect();
        ImGui::SetCursorPos(ImVec2(at.x, at.y + h + 2.0f));
    }

}

void draw_article_preview(PanelState& st, const Record& incident, const Record& article_record, const RecordFormLook& look,
                          float width) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    const Record* article = &article_record;
    const std::string back = std::string(ICON_CHEVRON_LEFT "  ") + tr(lang, "kb.back_to_results") + "##kb_back";
    if (ImGui::Button(back.c_str(), ImVec2(0.0f, touch ? 44.0f : 0.0f))) {
        st.selected.clear();
        st.message.clear();
        return;
    }
    record_last_item(tr(lang, "kb.back_to_results"));
    ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
    ImGui::TextWrapped("%s", str_attr(*article, "title").c_str());
    ImGui::PopFont();
    bool link = false, copy = false, insert = false, insert_url = false, send = false;
    action_button("kb.link_to_case", lang, touch, link);
    ImGui::SameLine();
    action_button("kb.copy_link", lang, touch, copy);
    action_button("kb.insert_content", lang, touch, insert);
    ImGui::SameLine();
    action_button("kb.insert_url", lang, touch, insert_url);
    ImGui::SameLine();
    action_button("kb.send_email", lang, touch, send);
    if (link) {
        const auto r = client::data_layer().submit(
            "kb.link_to_case", Json{{"id", article->id}, {"link_id", platform::random_uuid()}, {"incidentid", incident.id}});
        show_result(st, r, lang, "kb.linked");
    }
    if (copy) {
        ImGui::SetClipboardText(platform::record_url("knowledgearticle", article->id).c_str());
        st.message = tr(lang, "kb.link_copied");
        st.message_is_error = false;
    }
    if (insert || insert_url || send) {
        const auto r = insert_into_email(look.store, incident, *article, insert_url, send);
        show_result(st, r, lang, "kb.inserted");
        if (r && send)  // the article went to the customer: the case records it as sent
            (void)client::data_layer().submit("kb.link_to_case", Json{{"id", article->id},
                                                                    {"link_id", platform::random_uuid()},
                                                                    {"incidentid", incident.id},
                                                                    {"issent", true}});
    }
    if (!st.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, st.message_is_error ? ImVec4(0.66f, 0.0f, 0.0f, 1.0f)
                                                                 : ImVec4(0.06f, 0.49f, 0.06f, 1.0f));
        ImGui::TextWrapped("%s", st.message.c_str());
        ImGui::PopStyleColor();
        record_last_item(st.message.c_str());
    }
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    const std::string href = draw_rich_html(str_attr(*article, "content"), look.fonts, width - 8.0f);
    if (!href.empty() && is_safe_href(href)) platform::open_external(href);
}

void draw_similar_tab(PanelState& st, const Record& incident, const RecordFormLook& look, float width) {
    const Language lang = look.language;
    const std::string key = incident.id + "/" + str_attr(incident, "modifiedon") + "/" +
                            std::to_string(look.store.count("incident"));
    if (key != st.similar_key) {
        st.similar.clear();
        for (const SimilarCase& s : similar_cases(look.store, incident, 10)) st.similar.emplace_back(s.incident->id, s.score);
        st.similar_key = key;
    }
    if (st.similar.empty()) ImGui::TextDisabled("%s", tr(lang, "workspace.no_records"));
    const std::string me = client::data_layer().replica_user_id();
    const bool touch = is_touch_sized(look.width);
    for (const auto& [id, score] : st.similar) {
        const Record* c = look.store.find("incident", id);
        if (!c) continue;
        ImGui::PushID(id.c_str());
        const std::string title = str_attr(*c, "title");
        if (ImGui::Selectable(title.c_str(), false, 0, ImVec2(width - 110.0f, touch ? 44.0f : 0.0f)))
            platform::go_to_record("incident", id);
        ImGui::SameLine(width - 100.0f);
        bool following = false;
        for (const Record* f : look.store.referencing("postfollow", "regardingobjectid", id))
            if (lookup_id_of(*f, "ownerid") == me || lookup_id_of(*f, "createdby") == me) following = true;
        if (following) {
            ImGui::TextDisabled("%s %s", ICON_CHECK, tr(lang, "kb.following"));
        } else if (ImGui::Button(tr(lang, "lifecycle.follow"), ImVec2(96.0f, touch ? 44.0f : 0.0f))) {
            const auto r = client::data_layer().submit(
                "record.create", record_create_args("postfollow", platform::random_uuid(),
                                                    Json{{"regardingobjectid", make_lookup("incident", id)}}));
            show_result(st, r, lang, "kb.following");
        }
        ImGui::TextDisabled("%s  \xc2\xb7  %.0f%%", str_attr(*c, "ticketnumber").c_str(), std::min(score, 1.0) * 100.0);
        ImGui::PopID();
    }
    if (!st.message.empty()) ImGui::TextWrapped("%s", st.message.c_str());
}

void draw_article_list(const char* id, const std::vector<const Record*>& articles, const RecordFormLook& look) {
    const char* code = language_code(look.language);
    const EntityDef* e = look.schema.entity("knowledgearticle");
    const AttributeDef* lang_attr = e ? e->attribute("languagecode") : nullptr;
    if (articles.empty()) ImGui::TextDisabled("%s", tr(look.language, "workspace.no_records"));
    ImGui::PushID(id);
    for (const Record* a : articles) {
        std::string language;
        if (lang_attr)
            if (const OptionValue* o = lang_attr->option(int_attr(*a, "languagecode", 0))) language = o->label.in(code);
        const std::string label = str_attr(*a, "title") + "  \xc2\xb7  " + article_version(*a) + "  \xc2\xb7  " +
                                  language + "  \xc2\xb7  " + status_text(look.schema, *a, code) + "##" + a->id;
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(0.0f, is_touch_sized(look.width) ? 44.0f : 0.0f)))
            platform::go_to_record("knowledgearticle", a->id);
    }
    ImGui::PopID();
}

std::vector<const Record*> linked(const Store& store, const char* link_entity, const std::string& article_id,
                                  const char* attr, const char* target_entity) {
    std::vector<const Record*> out;
    for (const Record* l : store.referencing(link_entity, "knowledgearticleid", article_id))
        if (const Record* t = store.find(target_entity, lookup_id_of(*l, attr))) out.push_back(t);
    return out;
}

void draw_article_tab(int tab, PanelState& st, FormState& form, const Record& article, const RecordFormLook& look,
                      float width) {
    if (tab == 0) {
        std::string html = str_attr(article, "content");
        if (auto it = form.edits.find("content"); it != form.edits.end())
            html = it->is_string() ? it->get<std::string>() : std::string();
        // Published, scheduled and retired articles change through Update or a new version.
        const bool read_only = is_article_read_only(form, look.store);
        if (read_only) {
            ImGui::TextWrapped("%s %s", ICON_EXCLAMATION_TRIANGLE, tr(look.language, "kb.read_only"));
            record_last_item(tr(look.language, "kb.read_only"));
        }
        ImGui::BeginDisabled(read_only);
        const bool edited = draw_rich_text_editor("kb_editor", html, st.editor, look.language, look.fonts, width,
                                                  is_touch_sized(look.width));
        ImGui::EndDisabled();
        if (edited && !read_only) {
            const Json* stored = article.get("content");
            if (stored && stored->is_string() && stored->get<std::string>() == html)
                form.edits.erase("content");
            else
                form.edits["content"] = html;
            form.notice.clear();
        }
    } else if (tab == 1) {
        section_title(look, "kb.panel_versions");
        draw_article_list("versions", related_versions(look.store, article), look);
        ImGui::Dummy(ImVec2(0.0f, 8.0f));
        section_title(look, "kb.panel_translations");
        draw_article_list("translations", article_translations(look.store, article), look);
    } else {
        section_title(look, "kb.panel_categories");
        std::vector<const Record*> cats = linked(look.store, "knowledgearticlecategory", article.id, "categoryid", "category");
        for (const Record* c : cats) {
            // The category with its path from the top of the tree.
            std::string path = str_attr(*c, "title");
            const Record* p = look.store.find("category", lookup_id_of(*c, "parentcategoryid"));
            for (int depth = 0; p && depth < 16; ++depth) {
                path = str_attr(*p, "title") + " \xe2\x80\xba " + path;
                p = look.store.find("category", lookup_id_of(*p, "parentcategoryid"));
            }
            ImGui::BulletText("%s", path.c_str());
        }
        if (cats.empty()) ImGui::TextDisabled("%s", tr(look.language, "workspace.no_records"));
        ImGui::Dummy(ImVec2(0.0f, 8.0f));
        section_title(look, "kb.panel_related_articles");
        draw_article_list("related", linked(look.store, "knowledgearticlerelation", article.id, "relatedarticleid",
                                            "knowledgearticle"),
                          look);
        ImGui::Dummy(ImVec2(0.0f, 8.0f));
        section_title(look, "kb.panel_products");
        draw_records("products", linked(look.store, "knowledgearticleproduct", article.id, "productid", "product"), look,
                     width);
    }
}

struct PanelTab {
    const char* icon;
    const char* key;
};

std::vector<PanelTab> tabs_for(const std::string& entity) {
    if (entity == "incident")
        return {{ICON_USERS, "kb.tab_customer"}, {ICON_BOOK, "kb.tab_knowledge"}, {ICON_BRIEFCASE, "kb.tab_similar"}};
    if (entity == "account") return {{ICON_USERS, "kb.tab_related"}};
    if (entity == "contact") return {{ICON_BRIEFCASE, "kb.tab_related"}};
    if (entity == "knowledgearticle")
        return {{ICON_BOOK, "kb.tab_content"}, {ICON_LIST, "kb.tab_versions"}, {ICON_SHARE_ALT, "kb.tab_links"}};
    return {};
}

// Tabs: a vertical strip of icons on the left on desktop (as the hub's panel), a row of
// text tabs on top at narrower widths.
void draw_tab_strip(PanelState& st, const std::vector<PanelTab>& tabs, const RecordFormLook& look, bool vertical) {
    const bool touch = is_touch_sized(look.width);
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        const bool on = st.tab == static_cast<int>(i);
        const char* label = tr(look.language, tabs[i].key);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::site_map_selected));
        bool pressed;
        if (vertical) {
            pressed = ImGui::Button((std::string(tabs[i].icon) + "##paneltab" + std::to_string(i)).c_str(), ImVec2(40.0f, 40.0f));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
        } else {
            // Tabs that do not fit the row wrap onto the next one (narrow panels, phones).
            const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
            if (i > 0) {
                ImGui::SameLine();
                if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
            }
            pressed = ImGui::Button((std::string(label) + "##paneltab" + std::to_string(i)).c_str(),
                                    ImVec2(0.0f, touch ? 44.0f : 0.0f));
        }
        record_last_item(label);
        if (on) ImGui::PopStyleColor();
        if (pressed) st.tab = static_cast<int>(i);
    }
}

void draw_panel_body(PanelState& st, FormState& form, const Record& record, const RecordFormLook& look, float width) {
    if (record.entity == "incident") {
        if (st.tab == 0) draw_customer_tab(record, look, width, false);
        if (st.tab == 1) draw_knowledge_tab(st, record, look, width);
        if (st.tab == 2) draw_similar_tab(st, record, look, width);
    } else if (record.entity == "account") {
        draw_customer_tab(record, look, width, true);
    } else if (record.entity == "contact") {
        draw_customer_tab(record, look, width, false);
    } else if (record.entity == "knowledgearticle") {
        draw_article_tab(st.tab, st, form, record, look, width);
    }
}

}  // namespace

void draw_reference_panel(FormState& form, const RecordFormLook& look, float pad) {
    const Record* record = look.store.find(form.entity, form.id);
    const std::vector<PanelTab> tabs = tabs_for(form.entity);
    if (!record || form.is_new || tabs.empty()) return;
    PanelState& st = panel_state();
    const std::string key = form.entity + "/" + form.id;
    if (st.record_key != key) {
        st = PanelState{};
        st.record_key = key;
        // A case opens on knowledge search, where the agent's next step usually is.
        if (form.entity == "incident") st.tab = 1;
    }
    if (st.tab >= static_cast<int>(tabs.size())) st.tab = 0;

    const bool phone = look.width == WidthClass::phone;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGui::SetCursorPosX(pad);
    if (phone) {
        // On a phone the panel is a second page of the form, chosen above the form's tabs.
        const ImVec2 size(0.0f, 44.0f);
        if (ImGui::Button((std::string(tr(look.language, "kb.phone_form")) + "##panel_form").c_str(), size))
            st.phone_related = false;
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(look.language, "kb.phone_related")) + "##panel_related").c_str(), size))
            st.phone_related = true;
        if (!st.phone_related) return;
        ImGui::SetCursorPosX(pad);
        const float w = ImGui::GetContentRegionAvail().x - pad;
        const float h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeight() - 24.0f;
        ImGui::BeginChild("##reference_panel", ImVec2(w, h), true);
        draw_tab_strip(st, tabs, look, false);
        ImGui::Separator();
        draw_panel_body(st, form, *record, look, ImGui::GetContentRegionAvail().x);
        ImGui::EndChild();
        // The form's own tabs and body get no width while the panel is shown.
        window->ContentRegionRect.Max.x = window->DC.CursorPos.x + pad + 1.0f;
        window->WorkRect.Max.x = window->ContentRegionRect.Max.x;
        return;
    }

    const ImVec2 start = ImGui::GetCursorPos();
    const float avail = ImGui::GetContentRegionAvail().x - pad;
    const bool desktop = look.width == WidthClass::desktop;
    const float panel_w = std::min(desktop ? 460.0f : 360.0f, avail * (desktop ? 0.4f : 0.45f));
    const float gap = 12.0f;
    const float h = ImGui::GetContentRegionAvail().y - 4.0f;
    ImGui::SetCursorPos(ImVec2(start.x + avail - panel_w, start.y));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(palette::surface));
    ImGui::BeginChild("##reference_panel", ImVec2(panel_w, h), true);
    ImGui::PopStyleColor();
    ImGui::TextDisabled("%s", tr(look.language, "kb.panel_title"));
    record_last_item(tr(look.language, "kb.panel_title"));
    if (desktop && tabs.size() > 1) {
        ImGui::BeginGroup();
        draw_tab_strip(st, tabs, look, true);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginChild("##reference_body", ImVec2(0.0f, 0.0f), false);
        draw_panel_body(st, form, *record, look, ImGui::GetContentRegionAvail().x - 4.0f);
        ImGui::EndChild();
    } else {
        if (tabs.size() > 1) draw_tab_strip(st, tabs, look, false);
        ImGui::Separator();
        ImGui::BeginChild("##reference_body", ImVec2(0.0f, 0.0f), false);
        draw_panel_body(st, form, *record, look, ImGui::GetContentRegionAvail().x - 4.0f);
        ImGui::EndChild();
    }
    ImGui::EndChild();
    ImGui::SetCursorPos(start);
    // What is left of the row is the form's.
    window->ContentRegionRect.Max.x -= panel_w + gap;
    window->WorkRect.Max.x = window->ContentRegionRect.Max.x;
}

}  // namespace casehub::ui
