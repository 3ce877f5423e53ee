// Knowledge article commands, dialogs and analytics (see article_commands.hpp). Which
// commands show follows the article's state; whether one is allowed is the core's answer
// to the mutation (privileges included). The dialogs' inputs are the only state kept.
#include "wasm/ui/extensions/article_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/i18n/message_catalog.hpp"
#include "core/apply/record_mutations.hpp"
#include "imgui.h"
#include "wasm/ui/widgets/accessibility.hpp"
#include "wasm/platform/random.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/date_picker.hpp"
#include "wasm/ui/widgets/field_widgets.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

const char* kArticle = "knowledgearticle";
// Dataverse status reasons of a Published article: live, or being updated in place.
constexpr int kStatusPublished = 7, kStatusUpdating = 9, kStatusInReview = 4;

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string str_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

struct ScheduleDialog {
    Json publishon;       // UTC ISO string or null
    Json expirationdate;  // optional
    std::string error;
    bool close = false;   // the schedule was applied: close at the next frame
};

struct TranslateDialog {
    int language = 0;  // languagecode picked, 0 none yet
    std::string error;
    bool close = false;
};

struct ArticleFormState {
    ScheduleDialog schedule;
    TranslateDialog translate;
};

ArticleFormState& article_state(const RecordFormLook& look) {
    return look.extension_states.get<ArticleFormState>("knowledge_article");
}

// Asks for a lifecycle mutation; the outcome is shown on the form (`then` runs when it is
// applied). Refused while the form has unsaved edits: the status change would otherwise
// be made on the stored content.
void submit(FormState& form, const RecordFormLook& look, const char* name, const Json& args, const char* done_key,
            std::function<void()> then = {}) {
    const Language lang = look.language;
    form.error.clear();
    form.notice.clear();
    if (has_unsaved_changes(form)) {
        form.error = tr(lang, "kb.save_first");
        return;
    }
    look.intents.submit(name, args, [&form, lang, done_key, then = std::move(then)](const Result<Mutation>& result) {
        if (!result) {
            form.error = result.error().message;
            return;
        }
        form.notice = tr(lang, done_key);
        if (then) then();
    });
}

// The dialogs are drawn from inside the command bar, whose flat, borderless buttons would
// otherwise carry over: the confirm button is a filled primary one, Cancel has a border.
bool primary_button(const std::string& label, float height) {
    const float w = std::max(140.0f, ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                                         ImGui::GetStyle().FramePadding.x * 2.0f);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(palette::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(palette::accent_dark));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));
    const bool pressed = ImGui::Button(label.c_str(), ImVec2(w, height));
    ImGui::PopStyleColor(3);
    return pressed;
}

bool cancel_button(Language lang, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const bool pressed = ImGui::Button(tr(lang, "workspace.cancel"), ImVec2(140.0f, height)) || escape_closes_dialog();
    ImGui::PopStyleVar();
    return pressed;
}

void dialog_error(const std::string& error) {
    if (error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.66f, 0.0f, 0.0f, 1.0f));
    ImGui::TextWrapped("%s %s", ICON_TIMES, error.c_str());
    ImGui::PopStyleColor();
    record_last_item(error.c_str());
}

void draw_schedule_dialog(FormState& form, const RecordFormLook& look) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###kb_schedule", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ScheduleDialog& d = article_state(look).schedule;
    if (d.close) {
        d = ScheduleDialog{};
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(tr(lang, "kb.schedule_title"));
    record_last_item(tr(lang, "kb.schedule_title"));
    ImGui::Separator();
    const FieldContext fctx = field_context(look);
    Json out;
    ImGui::TextDisabled("%s *", tr(lang, "kb.publish_on"));
    ImGui::SetNextItemWidth(-1.0f);
    if (draw_date_picker("##kb_publishon", d.publishon, true, out, fctx)) d.publishon = out;
    record_last_item(tr(lang, "kb.publish_on"));
    ImGui::TextDisabled("%s", tr(lang, "kb.expiration_date"));
    ImGui::SetNextItemWidth(-1.0f);
    if (draw_date_picker("##kb_expiration", d.expirationdate, true, out, fctx)) d.expirationdate = out;
    record_last_item(tr(lang, "kb.expiration_date"));
    dialog_error(d.error);
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    const ImVec2 bs(140.0f, touch ? 44.0f : 0.0f);
    const std::string confirm = std::string(tr(lang, "kb.schedule_confirm")) + "###kb_schedule_confirm";
    if (primary_button(confirm, bs.y)) {
        if (!d.publishon.is_string()) {
            d.error = tr(lang, "kb.pick_date");
        } else {
            Json args{{"id", form.id}, {"publishon", d.publishon}};
            if (d.expirationdate.is_string()) args["expirationdate"] = d.expirationdate;
            const Store& store = look.store;
            look.intents.submit("kb.publish", args, [&form, &d, &store, lang](const Result<Mutation>& result) {
                if (!result) {
                    d.error = localize_message(result.error().message, lang);
                    return;
                }
                form.error.clear();
                const Record* now = store.find(kArticle, form.id);
                // A date already past publishes at once: say which happened.
                form.notice = tr(lang, now && int_attr(*now, "statecode", 0) == kb_state::published ? "kb.done_published"
                                                                                                     : "kb.done_scheduled");
                d.close = true;
            });
        }
    }
    ImGui::SameLine();
    if (cancel_button(lang, bs.y)) {
        d = ScheduleDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_translate_dialog(FormState& form, const Record& article, const RecordFormLook& look) {
    const Language lang = look.language;
    const bool touch = is_touch_sized(look.width);
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, ImGui::GetIO().DisplaySize.x - 24.0f), 0.0f));
    if (!ImGui::BeginPopupModal("###kb_translate", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    TranslateDialog& d = article_state(look).translate;
    if (d.close) {
        d = TranslateDialog{};
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextUnformatted(tr(lang, "kb.translate_title"));
    record_last_item(tr(lang, "kb.translate_title"));
    ImGui::Separator();
    const EntityDef* e = look.schema.entity(kArticle);
    const AttributeDef* languages = e ? e->attribute("languagecode") : nullptr;
    const char* code = language_code(lang);
    ImGui::TextDisabled("%s *", tr(lang, "kb.translate_language"));
    const int current = int_attr(article, "languagecode", 0);
    if (languages) {
        for (const OptionValue& o : languages->options) {
            if (o.value == current) continue;  // the article's own language is not a translation
            const std::string label = o.label.in(code);
            if (ImGui::RadioButton((label + "##kb_lang" + std::to_string(o.value)).c_str(), d.language == o.value))
                d.language = o.value;
            record_last_item(label.c_str());
        }
    }
    dialog_error(d.error);
    ImGui::Dummy(ImVec2(0.0f, 4.0f));
    const ImVec2 bs(140.0f, touch ? 44.0f : 0.0f);
    const std::string confirm = std::string(tr(lang, "kb.translate_confirm")) + "###kb_translate_confirm";
    ImGui::BeginDisabled(d.language == 0);
    if (primary_button(confirm, bs.y)) {
        const std::string new_id = platform::random_uuid();
        look.intents.submit("kb.translate", Json{{"id", form.id}, {"new_id", new_id}, {"languagecode", d.language}},
                            [&form, &d, lang, new_id](const Result<Mutation>& result) {
                                if (!result) {
                                    d.error = localize_message(result.error().message, lang);
                                    return;
                                }
                                form.error.clear();
                                form.notice = tr(lang, "kb.done_translated");
                                form.open_request = RecordRef{kArticle, new_id};
                                d.close = true;
                            });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (cancel_button(lang, bs.y)) {
        d = TranslateDialog{};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void new_version(FormState& form, const RecordFormLook& look, bool major) {
    const std::string new_id = platform::random_uuid();
    submit(form, look, "kb.new_version", Json{{"id", form.id}, {"new_id", new_id}, {"major", major}}, "kb.done_version",
           [&form, new_id] { form.open_request = RecordRef{kArticle, new_id}; });
}

// A status change inside the Published state (Update, and publishing the update), made
// as a field change so the core's validation and privilege checks apply.
void set_published_status(FormState& form, const RecordFormLook& look, int status, const char* done_key) {
    submit(form, look, "record.update",
           record_update_args(look.store, kArticle, form.id, Json{{"statuscode", status}}), done_key);
}

}  // namespace

bool is_article_read_only(const FormState& form, const Store& store) {
    if (form.is_new || form.entity != kArticle) return false;
    const Record* r = store.find(kArticle, form.id);
    if (!r) return false;
    switch (int_attr(*r, "statecode", kb_state::draft)) {
        case kb_state::draft:
        case kb_state::approved: return false;
        case kb_state::published: return int_attr(*r, "statuscode", kStatusPublished) != kStatusUpdating;
        default: return true;
    }
}

namespace {

void add_article_commands(FormContext& ctx, std::vector<Command>& commands) {
    if (!ctx.record) return;
    FormState& form = ctx.form;
    const RecordFormLook& look = ctx.look;
    const Record& article = *ctx.record;
    draw_schedule_dialog(form, look);
    draw_translate_dialog(form, article, look);

    const Language lang = look.language;
    const int state = int_attr(article, "statecode", kb_state::draft);
    const int status = int_attr(article, "statuscode", 0);
    auto add = [&](const char* id, const char* icon, const char* key, std::function<void()> run) {
        commands.push_back({id, icon, tr(lang, key), std::move(run)});
    };
    auto mutation = [&form, &look](const char* name, const char* done_key) {
        return [&form, &look, name, done_key] { submit(form, look, name, Json{{"id", form.id}}, done_key); };
    };
    auto open_dialog = [&form, lang](const char* popup, std::function<void()> reset) {
        return [&form, lang, popup, reset] {
            if (has_unsaved_changes(form)) {
                form.error = tr(lang, "kb.save_first");
                return;
            }
            reset();
            ImGui::OpenPopup(popup);
        };
    };

    if (state == kb_state::draft && status != kStatusInReview)
        add("kb_submit", ICON_INBOX, "kb.cmd_submit_review", mutation("kb.submit_review", "kb.done_submitted"));
    if (state == kb_state::draft && status == kStatusInReview) {
        add("kb_approve", ICON_CHECK, "kb.cmd_approve", mutation("kb.approve", "kb.done_approved"));
        add("kb_reject", ICON_TIMES, "kb.cmd_reject", mutation("kb.reject", "kb.done_rejected"));
    }
    const bool publishable = (state == kb_state::draft && status != kStatusInReview) || state == kb_state::approved ||
                             state == kb_state::scheduled;
    if (publishable) {
        add("kb_publish", ICON_GLOBE, "kb.cmd_publish", mutation("kb.publish", "kb.done_published"));
        add("kb_schedule", ICON_CALENDAR, "kb.cmd_schedule",
            open_dialog("###kb_schedule", [&look] { article_state(look).schedule = ScheduleDialog{}; }));
    }
    if (state == kb_state::published) {
        if (status == kStatusUpdating)
            add("kb_publish_update", ICON_GLOBE, "kb.cmd_publish",
                [&form, &look] { set_published_status(form, look, kStatusPublished, "kb.done_published"); });
        else
            add("kb_update", ICON_WRENCH, "kb.cmd_update",
                [&form, &look] { set_published_status(form, look, kStatusUpdating, "kb.done_updating"); });
        add("kb_minor", ICON_PLUS, "kb.cmd_minor_version", [&form, &look] { new_version(form, look, false); });
        add("kb_major", ICON_PLUS, "kb.cmd_major_version", [&form, &look] { new_version(form, look, true); });
    }
    if (state != kb_state::discarded && state != kb_state::archived)
        add("kb_translate", ICON_LANGUAGE, "kb.cmd_translate",
            open_dialog("###kb_translate", [&look] { article_state(look).translate = TranslateDialog{}; }));
    if (state == kb_state::published || state == kb_state::expired)
        add("kb_archive", ICON_BOOK, "kb.cmd_archive", mutation("kb.archive", "kb.done_archived"));
    if (state == kb_state::draft) add("kb_discard", ICON_TIMES, "kb.cmd_discard", mutation("kb.discard", "kb.done_discarded"));
    if (state == kb_state::expired || state == kb_state::archived || state == kb_state::discarded)
        add("kb_restore", ICON_REFRESH, "kb.cmd_restore", mutation("kb.restore", "kb.done_restored"));
}

void draw_article_analytics(const Record* article, const RecordFormLook& look, float width,
                            std::optional<RecordRef>& open) {
    if (!article || article->entity != kArticle) return;
    const Language lang = look.language;
    const bool phone = look.width == WidthClass::phone;
    const bool touch = is_touch_sized(look.width);
    const float pad = phone ? 12.0f : 16.0f;
    auto title = [&](const char* key) {
        ImGui::PushFont(look.fonts && look.fonts->bold ? look.fonts->bold : ImGui::GetFont());
        ImGui::TextUnformatted(tr(lang, key));
        ImGui::PopFont();
        record_last_item(tr(lang, key));
        ImGui::Dummy(ImVec2(0.0f, 4.0f));
    };
    // Stars from the icon font (the text font's range has no U+2605).
    auto stars = [](int n) {
        std::string s;
        for (int i = 0; i < n && i < 5; ++i) s += ICON_STAR;
        return s + "  " + std::to_string(n) + "/5";
    };

    // Views and ratings: counters the core keeps (kb.view, kb.rate), shown, never edited.
    Card card = begin_card(width, pad, true);
    title("kb.analytics_title");
    const std::string views = std::string(tr(lang, "kb.analytics_views")) + ": " +
                              std::to_string(int_attr(*article, "knowledgearticleviews", 0));
    ImGui::TextUnformatted(views.c_str());
    record_last_item(views.c_str());
    const int count = int_attr(*article, "rating_count", 0);
    std::string rating = std::string(tr(lang, "kb.analytics_rating")) + ": ";
    if (count == 0) {
        rating += tr(lang, "kb.analytics_no_rating");
    } else {
        const Json* avg = article->get("rating");
        const double value = avg && avg->is_number() ? avg->get<double>() : 0.0;
        rating += format_number(value, 1, lang) + " / 5  (" + std::to_string(count) + " " +
                  tr(lang, "kb.analytics_ratings") + ")";
    }
    ImGui::TextUnformatted(rating.c_str());
    record_last_item(rating.c_str());
    ImGui::Dummy(ImVec2(width - 2.0f * pad, 0.0f));
    end_card(card, pad, 12.0f);

    // Feedback, newest first.
    card = begin_card(width, pad, true);
    title("kb.analytics_feedback");
    std::vector<const Record*> feedback = look.store.referencing("feedback", "regardingobjectid", article->id);
    std::sort(feedback.begin(), feedback.end(), [](const Record* a, const Record* b) {
        const std::string x = str_attr(*a, "createdon"), y = str_attr(*b, "createdon");
        return x != y ? x > y : a->id < b->id;
    });
    for (std::size_t i = 0; i < feedback.size() && i < 50; ++i) {
        const Record& f = *feedback[i];
        std::string line = stars(int_attr(f, "rating", 0));
        const std::string when = format_datetime(str_attr(f, "createdon"), lang);
        if (!when.empty()) line += "  \xc2\xb7  " + when;
        ImGui::TextUnformatted(line.c_str());
        const std::string comments = str_attr(f, "comments");
        if (!comments.empty()) {
            ImGui::TextWrapped("%s", comments.c_str());
            record_last_item(comments.c_str());
        }
        ImGui::Dummy(ImVec2(0.0f, 4.0f));
    }
    if (feedback.empty()) ImGui::TextDisabled("%s", tr(lang, "workspace.no_records"));
    ImGui::Dummy(ImVec2(width - 2.0f * pad, 0.0f));
    end_card(card, pad, 12.0f);

    // Cases that used the article (linked from the case's knowledge search or sent by email).
    card = begin_card(width, pad, true);
    title("kb.analytics_cases");
    std::size_t shown = 0;
    for (const Record* link : look.store.referencing("knowledgearticleincident", "knowledgearticleid", article->id)) {
        const Record* c = look.store.find("incident", lookup_id_of(*link, "incidentid"));
        if (!c) continue;
        ++shown;
        std::string label = str_attr(*c, "ticketnumber");
        label += (label.empty() ? "" : "  ") + str_attr(*c, "title");
        const Json* sent = link->get("issent");
        if (sent && sent->is_boolean() && sent->get<bool>())
            label += std::string("  \xc2\xb7  ") + tr(lang, "kb.analytics_sent");
        if (ImGui::Selectable((label + "##kb_case_" + link->id).c_str(), false, 0, ImVec2(0.0f, touch ? 44.0f : 0.0f)))
            open = RecordRef{"incident", c->id};
        record_last_item(label.c_str());
    }
    if (shown == 0) ImGui::TextDisabled("%s", tr(lang, "workspace.no_records"));
    ImGui::Dummy(ImVec2(width - 2.0f * pad, 0.0f));
    end_card(card, pad, 12.0f);
}

}  // namespace

FormExtension article_form_extension() {
    FormExtension e;
    e.name = "knowledge_article";
    e.entities = {kArticle};
    e.add_commands = add_article_commands;
    e.locks_fields = [](const FormContext& ctx) { return is_article_read_only(ctx.form, ctx.look.store); };
    e.draw_tab_bottom = [](FormContext& ctx, const std::string& tab, float width) {
        if (tab == "analytics") draw_article_analytics(ctx.record, ctx.look, width, ctx.open);
    };
    return e;
}

}  // namespace casehub::ui
