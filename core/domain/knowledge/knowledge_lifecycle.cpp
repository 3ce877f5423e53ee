// kb.* mutations (see knowledge_lifecycle.hpp). Every write goes through the write path
// (write_path.hpp): field rules, stamp, record triggers, schema validation and the
// privilege check, so a lifecycle step can never do what the agent could not do by hand. Counters
// (views, ratings) need only Read on the article: Dataverse keeps them as system data.
#include "core/domain/knowledge/knowledge_lifecycle.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "core/apply/mutation_args.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/write_path.hpp"
#include "core/schema/state_model.hpp"
#include "core/base/uuid.hpp"

namespace casehub {
namespace {

constexpr int kStatusDraft = 2, kStatusInReview = 4, kStatusUpdating = 9, kStatusApproved = 5, kStatusScheduled = 6, kStatusPublished = 7,
              kStatusExpired = 10, kStatusArchived = 11, kStatusRejected = 12, kStatusDiscarded = 13;

const char* kEntity = "knowledgearticle";

int int_attr(const Record& r, const char* name, int fallback) {
    const Json* v = r.get(name);
    return v && v->is_number_integer() ? v->get<int>() : fallback;
}

std::string string_attr(const Record& r, const char* name) {
    const Json* v = r.get(name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// "KA-00042 “Reset your password”": how messages name an article.
std::string article_name(const Record& a) {
    std::string number = string_attr(a, "articlepublicnumber");
    const std::string title = string_attr(a, "title");
    if (number.empty()) return "\xe2\x80\x9c" + title + "\xe2\x80\x9d";
    return number + " \xe2\x80\x9c" + title + "\xe2\x80\x9d";
}

std::string state_label(int state) {
    static const char* names[] = {"Draft", "Approved", "Scheduled", "Published", "Expired", "Archived", "Discarded"};
    return state >= 0 && state <= 6 ? names[state] : std::to_string(state);
}

Result<std::string> new_id_arg(const std::string& m, const Json& args, const char* name) {
    auto id = required_string(m, args, name);
    if (!id) return id;
    if (!is_uuid(*id)) return make_error("wrong_type", m + ": \"" + name + "\" must be a UUID.", name);
    return id;
}

Result<Record> find_article(const ApplyContext& ctx, const std::string& m, const Json& args) {
    auto id = required_string(m, args, "id");
    if (!id) return id.error();
    const Record* r = ctx.store().find(kEntity, *id);
    if (!r) return make_error("not_found", "There is no knowledge article with id " + *id + " (it may have been deleted).",
                              "id");
    return *r;
}

// Writes `after` (an update of `stored`, or a new record when stored is null) through the
// write path. The kb.* mutations are the article's named state mutations: they may move
// its state; every other rule (validation, privileges, triggers) is record.update's.
Status write_kb_record(ApplyContext& ctx, const Record* stored, Record after) {
    WriteOptions lifecycle;
    lifecycle.rights.state = true;
    if (!stored) return create_record(ctx, std::move(after), lifecycle);
    return update_record(ctx, *stored, std::move(after), lifecycle);
}

// A counter update (views, ratings): the agent needs only to see the article.
Status write_counter(ApplyContext& ctx, const Record& before, Record after) {
    WriteOptions counter;
    counter.system = SystemWork::knowledge_counter;
    return update_record(ctx, before, std::move(after), counter);
}

Status move_to(ApplyContext& ctx, const Record& before, int state, int status, Json extra = Json::object()) {
    const EntityDef* def = casehub_schema().entity(kEntity);
    Record after = before;
    after.attributes["statecode"] = state;
    after.attributes["statuscode"] = status;
    for (auto it = extra.begin(); it != extra.end(); ++it) after.attributes[it.key()] = it.value();
    if (def) {
        if (auto s = check_state_transition(*def, &before, after); !s)
            return make_error("invalid_transition", article_name(before) + " is " + state_label(int_attr(before, "statecode", 0)) +
                                                        "; it cannot become " + state_label(state) + ".",
                              "statecode");
    }
    return write_kb_record(ctx, &before, std::move(after));
}

Error wrong_state(const Record& a, const std::string& action, const std::string& needed) {
    return make_error("invalid_transition", "Only " + needed + " articles can be " + action + "; " + article_name(a) +
                                                " is " + state_label(int_attr(a, "statecode", 0)) + ".",
                      "statecode");
}

// What customers read must not change under them: a published article is edited only while
// an author has it in Update (status reason Updating), and scheduled, expired, archived or
// discarded ones not at all (new version or restore instead), as in Dataverse. Only plain
// edits are held; the kb.* mutations move articles between states themselves.
Status refuse_edit_of_locked_article(ApplyContext& ctx, const Record* before, Record& record) {
    if (!before || ctx.mutation().name != "record.update") return {};
    const int state = int_attr(*before, "statecode", kb_state::draft);
    const bool updating = state == kb_state::published && int_attr(*before, "statuscode", 0) == kStatusUpdating;
    if (state == kb_state::draft || state == kb_state::approved || updating) return {};
    for (const char* key : {"title", "content", "description", "keywords", "languagecode", "subjectid", "isinternal"}) {
        const Json* a = before->get(key);
        const Json* b = record.get(key);
        if ((a == nullptr) != (b == nullptr) || (a && *a != *b))
            return make_error("read_only", article_name(*before) + " is " + state_label(state) +
                                               "; use Update or create a new version to edit it.",
                              key);
    }
    return {};
}

Status kb_submit_review(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.submit_review";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    if (int_attr(*a, "statecode", 0) != kb_state::draft) return wrong_state(*a, "submitted for review", "Draft");
    if (int_attr(*a, "statuscode", kStatusDraft) == kStatusInReview)
        return make_error("invalid_transition", article_name(*a) + " is already in review.", "statuscode");
    return move_to(ctx, *a, kb_state::draft, kStatusInReview);
}

Status kb_review(ApplyContext& ctx, const Json& args, bool approve) {
    const std::string m = approve ? "kb.approve" : "kb.reject";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    if (int_attr(*a, "statecode", 0) != kb_state::draft || int_attr(*a, "statuscode", 0) != kStatusInReview)
        return make_error("invalid_transition", article_name(*a) + " is not in review; submit it for review before " +
                                                    (approve ? "approving" : "rejecting") + " it.",
                          "statuscode");
    const Json extra{{"review", approve ? 0 : 1}, {"reviewdate", format_utc(ctx.now())}};
    return approve ? move_to(ctx, *a, kb_state::approved, kStatusApproved, extra)
                   : move_to(ctx, *a, kb_state::draft, kStatusRejected, extra);
}

Result<std::optional<TimestampMs>> date_arg(const std::string& m, const Json& args, const char* name) {
    auto it = args.find(name);
    if (it == args.end() || it->is_null()) return std::optional<TimestampMs>();
    if (!it->is_string()) return make_error("wrong_type", m + ": \"" + name + "\" must be a UTC date and time.", name);
    auto t = parse_utc(it->get<std::string>());
    if (!t) return make_error("wrong_type", m + ": \"" + name + "\" is not a date (" + it->get<std::string>() + ").", name);
    return std::optional<TimestampMs>(*t);
}

// Publishing a version archives the version published before it in that language, so a
// root has one published article per language (as Dataverse does).
Status archive_previous(ApplyContext& ctx, const Record& published) {
    for (const Record* v : related_versions(ctx.store(), published)) {
        if (int_attr(*v, "statecode", 0) != kb_state::published) continue;
        Record after = *v;
        after.attributes["statecode"] = kb_state::archived;
        after.attributes["statuscode"] = kStatusArchived;
        after.attributes["islatestversion"] = false;
        if (auto s = write_kb_record(ctx, v, std::move(after)); !s) return s;
    }
    return {};
}

Status publish_now(ApplyContext& ctx, const Record& a, Json extra) {
    extra["publishedon"] = format_utc(ctx.now());
    extra["islatestversion"] = true;
    if (auto s = move_to(ctx, a, kb_state::published, kStatusPublished, std::move(extra)); !s) return s;
    return archive_previous(ctx, *ctx.store().find(kEntity, a.id));
}

Status kb_publish(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.publish";
    if (auto s = check_argument_names(m, args, {"id", "publishon", "expirationdate"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto on = date_arg(m, args, "publishon");
    if (!on) return on.error();
    auto expires = date_arg(m, args, "expirationdate");
    if (!expires) return expires.error();
    const int state = int_attr(*a, "statecode", 0);
    if (state != kb_state::draft && state != kb_state::approved && state != kb_state::scheduled)
        return wrong_state(*a, "published", "Draft, Approved or Scheduled");
    if (state == kb_state::draft && int_attr(*a, "statuscode", 0) == kStatusInReview)
        return make_error("invalid_transition", article_name(*a) + " is in review; approve or reject it first.",
                          "statuscode");
    const TimestampMs when = on->value_or(ctx.now());
    if (*expires && **expires <= when)
        return make_error("invalid_date", "The expiration date must be after the publish date.", "expirationdate");
    Json extra = Json::object();
    if (*expires) extra["expirationdate"] = format_utc(**expires);
    extra["publishon"] = format_utc(when);
    if (when > ctx.now()) return move_to(ctx, *a, kb_state::scheduled, kStatusScheduled, std::move(extra));
    return publish_now(ctx, *a, std::move(extra));
}

Status kb_publish_due(ApplyContext& ctx, const Json& args) {
    if (auto s = check_argument_names("kb.publish_due", args, {}); !s) return s;
    for (const std::string& id : due_publications(ctx.store(), ctx.now())) {
        const Record a = *ctx.store().find(kEntity, id);
        if (auto s = publish_now(ctx, a, Json::object()); !s) return s;
    }
    return {};
}

// The expiration date stays as set: it is when the article was due to expire, and the
// job may run a little after it.
Status kb_expire_due(ApplyContext& ctx, const Json& args) {
    if (auto s = check_argument_names("kb.expire_due", args, {}); !s) return s;
    for (const std::string& id : due_expirations(ctx.store(), ctx.now())) {
        const Record a = *ctx.store().find(kEntity, id);
        if (auto s = move_to(ctx, a, kb_state::expired, kStatusExpired, Json{{"islatestversion", false}}); !s) return s;
    }
    return {};
}

Status kb_simple(ApplyContext& ctx, const Json& args, const std::string& m, std::initializer_list<int> from,
                 const char* action, const char* needed, int state, int status) {
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    const int current = int_attr(*a, "statecode", 0);
    if (std::find(from.begin(), from.end(), current) == from.end()) return wrong_state(*a, action, needed);
    Json extra = Json::object();
    if (state == kb_state::archived || state == kb_state::discarded || state == kb_state::expired)
        extra["islatestversion"] = false;
    if (state == kb_state::expired) extra["expirationdate"] = format_utc(ctx.now());
    return move_to(ctx, *a, state, status, std::move(extra));
}

int next_version_number(const Store& store, const Record& a, bool major) {
    int best_major = int_attr(a, "majorversionnumber", 1), best_minor = int_attr(a, "minorversionnumber", 0);
    for (const Record* v : related_versions(store, a)) {
        const int mj = int_attr(*v, "majorversionnumber", 1), mn = int_attr(*v, "minorversionnumber", 0);
        if (mj > best_major || (mj == best_major && mn > best_minor)) best_major = mj, best_minor = mn;
    }
    return major ? best_major + 1 : best_minor + 1;
}

// The copy a new version or a translation starts from: content and settings, Draft, no
// analytics, the same root.
Record draft_copy(const Record& a, const std::string& new_id) {
    Record r{kEntity, new_id, Json::object()};
    for (const char* k : {"title", "content", "description", "keywords", "languagecode", "subjectid", "isinternal",
                          "articlepublicnumber", "majorversionnumber", "minorversionnumber"})
        if (const Json* v = a.get(k)) r.attributes[k] = *v;
    r.attributes["rootarticleid"] = make_lookup(kEntity, root_article_id(a));
    r.attributes["parentarticlecontentid"] = make_lookup(kEntity, a.id);
    r.attributes["isrootarticle"] = false;
    r.attributes["islatestversion"] = false;
    r.attributes["statecode"] = kb_state::draft;
    r.attributes["statuscode"] = kStatusDraft;
    r.attributes["knowledgearticleviews"] = 0;
    return r;
}

Status kb_new_version(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.new_version";
    if (auto s = check_argument_names(m, args, {"id", "new_id", "major"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto new_id = new_id_arg(m, args, "new_id");
    if (!new_id) return new_id.error();
    auto major = args.find("major");
    if (major == args.end() || !major->is_boolean())
        return make_error("missing_field", m + " needs \"major\" (true for a major version, false for a minor one).",
                          "major");
    if (ctx.store().find(kEntity, *new_id))
        return make_error("already_exists", "A knowledge article with id " + *new_id + " already exists.", "new_id");
    if (int_attr(*a, "statecode", 0) != kb_state::published)
        return wrong_state(*a, "given a new version", "Published");
    for (const Record* v : related_versions(ctx.store(), *a))
        if (int_attr(*v, "statecode", 0) == kb_state::draft)
            return make_error("version_exists", article_name(*a) + " already has a draft version (" +
                                                    article_version(*v) + "); edit or discard it first.");
    Record r = draft_copy(*a, *new_id);
    const int n = next_version_number(ctx.store(), *a, major->get<bool>());
    if (major->get<bool>()) {
        r.attributes["majorversionnumber"] = n;
        r.attributes["minorversionnumber"] = 0;
    } else {
        r.attributes["minorversionnumber"] = n;
        r.attributes["majorversionnumber"] = int_attr(*a, "majorversionnumber", 1);
        // A minor version continues the newest major.
        for (const Record* v : related_versions(ctx.store(), *a))
            if (int_attr(*v, "majorversionnumber", 1) > r.attributes["majorversionnumber"].get<int>())
                r.attributes["majorversionnumber"] = int_attr(*v, "majorversionnumber", 1);
    }
    return write_kb_record(ctx, nullptr, std::move(r));
}

const char* language_name(int code) {
    switch (code) {
        case 1033: return "English";
        case 1036: return "French";
        case 1057: return "Indonesian";
        default: return "that language";
    }
}

Status kb_translate(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.translate";
    if (auto s = check_argument_names(m, args, {"id", "new_id", "languagecode"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto new_id = new_id_arg(m, args, "new_id");
    if (!new_id) return new_id.error();
    auto lang = args.find("languagecode");
    if (lang == args.end() || !lang->is_number_integer())
        return make_error("missing_field", m + " needs \"languagecode\" (1033 English, 1036 French, 1057 Indonesian).",
                          "languagecode");
    const int code = lang->get<int>();
    if (ctx.store().find(kEntity, *new_id))
        return make_error("already_exists", "A knowledge article with id " + *new_id + " already exists.", "new_id");
    if (int_attr(*a, "statecode", 0) == kb_state::discarded) return wrong_state(*a, "translated", "non-discarded");
    if (code == int_attr(*a, "languagecode", 0))
        return make_error("same_language", article_name(*a) + " is already in " + language_name(code) + ".",
                          "languagecode");
    const std::string version = article_version(*a), root = root_article_id(*a);
    // One article per language and version of a root.
    bool exists = false;
    auto check = [&](const Record& r) {
        if (r.id != a->id && root_article_id(r) == root && int_attr(r, "languagecode", 0) == code &&
            article_version(r) == version)
            exists = true;
    };
    ctx.store().for_each(kEntity, check);
    if (exists)
        return make_error("translation_exists", article_name(*a) + " already has a " + language_name(code) +
                                                    " translation of version " + version + ".",
                          "languagecode");
    Record r = draft_copy(*a, *new_id);
    r.attributes["languagecode"] = code;
    return write_kb_record(ctx, nullptr, std::move(r));
}

// kb.add_category / kb.add_product / kb.add_related_article: one link record, refused
// when the same link exists.
Status kb_add_link(ApplyContext& ctx, const Json& args, const std::string& m, const char* link_entity,
                   const char* target_attr, const char* target_entity, const char* what) {
    if (auto s = check_argument_names(m, args, {"id", "link_id", target_attr}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto link_id = new_id_arg(m, args, "link_id");
    if (!link_id) return link_id.error();
    auto target = required_string(m, args, target_attr);
    if (!target) return target.error();
    const Record* t = ctx.store().find(target_entity, *target);
    if (!t) return make_error("not_found", std::string("There is no ") + what + " with id " + *target + ".", target_attr);
    if (std::string(target_entity) == kEntity && *target == a->id)
        return make_error("invalid_link", "An article cannot be related to itself.", target_attr);
    for (const Record* l : ctx.store().referencing(link_entity, "knowledgearticleid", a->id))
        if (lookup_id_of(*l, target_attr) == *target)
            return make_error("already_linked", article_name(*a) + " is already linked to that " + what + ".",
                              target_attr);
    Record link{link_entity, *link_id,
                Json{{"knowledgearticleid", make_lookup(kEntity, a->id)}, {target_attr, make_lookup(target_entity, *target)}}};
    return write_kb_record(ctx, nullptr, std::move(link));
}

Status kb_link_to_case(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.link_to_case";
    if (auto s = check_argument_names(m, args, {"id", "link_id", "incidentid", "issent"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto link_id = new_id_arg(m, args, "link_id");
    if (!link_id) return link_id.error();
    auto incident = required_string(m, args, "incidentid");
    if (!incident) return incident.error();
    const Record* c = ctx.store().find("incident", *incident);
    if (!c) return make_error("not_found", "There is no case with id " + *incident + ".", "incidentid");
    if (int_attr(*a, "statecode", 0) != kb_state::published) return wrong_state(*a, "linked to a case", "Published");
    bool issent = false;
    if (auto it = args.find("issent"); it != args.end()) {
        if (!it->is_boolean()) return make_error("wrong_type", m + ": \"issent\" must be true or false.", "issent");
        issent = it->get<bool>();
    }
    for (const Record* l : ctx.store().referencing("knowledgearticleincident", "knowledgearticleid", a->id)) {
        if (lookup_id_of(*l, "incidentid") != *incident) continue;
        if (!issent) return make_error("already_linked", article_name(*a) + " is already linked to this case.", "id");
        // Sending an article already linked marks the link as sent.
        Record after = *l;
        after.attributes["issent"] = true;
        return write_kb_record(ctx, l, std::move(after));
    }
    Record link{"knowledgearticleincident", *link_id,
                Json{{"knowledgearticleid", make_lookup(kEntity, a->id)},
                     {"incidentid", make_lookup("incident", *incident)},
                     {"issent", issent}}};
    return write_kb_record(ctx, nullptr, std::move(link));
}

Status kb_view(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.view";
    if (auto s = check_argument_names(m, args, {"id"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    Record after = *a;
    after.attributes["knowledgearticleviews"] = int_attr(*a, "knowledgearticleviews", 0) + 1;
    return write_counter(ctx, *a, std::move(after));
}

Status kb_rate(ApplyContext& ctx, const Json& args) {
    const std::string m = "kb.rate";
    if (auto s = check_argument_names(m, args, {"id", "feedback_id", "rating", "comments"}); !s) return s;
    auto a = find_article(ctx, m, args);
    if (!a) return a.error();
    auto feedback_id = new_id_arg(m, args, "feedback_id");
    if (!feedback_id) return feedback_id.error();
    auto rating = args.find("rating");
    if (rating == args.end() || !rating->is_number_integer() || rating->get<int>() < 1 || rating->get<int>() > 5)
        return make_error("invalid_rating", "A rating is a whole number of stars from 1 to 5.", "rating");
    std::string comments;
    if (auto it = args.find("comments"); it != args.end() && !it->is_null()) {
        if (!it->is_string()) return make_error("wrong_type", m + ": \"comments\" must be text.", "comments");
        comments = it->get<std::string>();
    }
    if (int_attr(*a, "statecode", 0) != kb_state::published) return wrong_state(*a, "rated", "Published");
    const int stars = rating->get<int>();
    Json fields{{"title", string_attr(*a, "title")}, {"rating", stars}, {"regardingobjectid", make_lookup(kEntity, a->id)}};
    if (!comments.empty()) fields["comments"] = comments;
    if (auto s = write_kb_record(ctx, nullptr, Record{"feedback", *feedback_id, std::move(fields)}); !s) return s;
    Record after = *a;
    const int count = int_attr(*a, "rating_count", 0) + 1, sum = int_attr(*a, "rating_sum", 0) + stars;
    after.attributes["rating_count"] = count;
    after.attributes["rating_sum"] = sum;
    after.attributes["rating"] = static_cast<double>(sum) / count;
    return write_counter(ctx, *a, std::move(after));
}

}  // namespace

std::string root_article_id(const Record& article) {
    std::string root = lookup_id_of(article, "rootarticleid");
    return root.empty() ? article.id : root;
}

std::string article_version(const Record& a) {
    return std::to_string(int_attr(a, "majorversionnumber", 1)) + "." + std::to_string(int_attr(a, "minorversionnumber", 0));
}

namespace {
std::vector<const Record*> same_root(const Store& store, const Record& article, bool same_language) {
    const std::string root = root_article_id(article);
    const int lang = int_attr(article, "languagecode", 0);
    std::vector<const Record*> out;
    auto add = [&](const Record& r) {
        if (r.id == article.id || root_article_id(r) != root) return;
        if ((int_attr(r, "languagecode", 0) == lang) == same_language) out.push_back(&r);
    };
    if (const Record* r = store.find(kEntity, root)) add(*r);
    for (const Record* r : store.referencing(kEntity, "rootarticleid", root)) add(*r);
    auto version_key = [](const Record* r) {
        return std::make_pair(int_attr(*r, "majorversionnumber", 1), int_attr(*r, "minorversionnumber", 0));
    };
    std::sort(out.begin(), out.end(), [&](const Record* x, const Record* y) {
        if (!same_language && int_attr(*x, "languagecode", 0) != int_attr(*y, "languagecode", 0))
            return int_attr(*x, "languagecode", 0) < int_attr(*y, "languagecode", 0);
        if (version_key(x) != version_key(y)) return version_key(x) > version_key(y);
        return x->id < y->id;
    });
    return out;
}
}  // namespace

std::vector<const Record*> related_versions(const Store& store, const Record& article) {
    return same_root(store, article, true);
}

std::vector<const Record*> article_translations(const Store& store, const Record& article) {
    return same_root(store, article, false);
}

std::vector<std::string> due_publications(const Store& store, TimestampMs now) {
    std::vector<std::pair<TimestampMs, std::string>> due;
    store.for_each(kEntity, [&](const Record& r) {
        if (int_attr(r, "statecode", 0) != kb_state::scheduled) return;
        const auto on = parse_utc(string_attr(r, "publishon"));
        if (on && *on <= now) due.emplace_back(*on, r.id);
    });
    std::sort(due.begin(), due.end());
    std::vector<std::string> out;
    for (auto& d : due) out.push_back(std::move(d.second));
    return out;
}

std::vector<std::string> due_expirations(const Store& store, TimestampMs now) {
    std::vector<std::pair<TimestampMs, std::string>> due;
    store.for_each(kEntity, [&](const Record& r) {
        if (int_attr(r, "statecode", 0) != kb_state::published) return;
        const auto on = parse_utc(string_attr(r, "expirationdate"));
        if (on && *on <= now) due.emplace_back(*on, r.id);
    });
    std::sort(due.begin(), due.end());
    std::vector<std::string> out;
    for (auto& d : due) out.push_back(std::move(d.second));
    return out;
}

void add_knowledge_mutations(MutationRegistry& r) {
    r.add("kb.submit_review", kb_submit_review);
    r.add("kb.approve", [](ApplyContext& ctx, const Json& args) { return kb_review(ctx, args, true); });
    r.add("kb.reject", [](ApplyContext& ctx, const Json& args) { return kb_review(ctx, args, false); });
    r.add("kb.publish", kb_publish);
    r.add("kb.publish_due", kb_publish_due);
    r.add("kb.expire_due", kb_expire_due);
    r.add("kb.expire", [](ApplyContext& ctx, const Json& args) {
        return kb_simple(ctx, args, "kb.expire", {kb_state::published}, "expired", "Published", kb_state::expired,
                         kStatusExpired);
    });
    r.add("kb.archive", [](ApplyContext& ctx, const Json& args) {
        return kb_simple(ctx, args, "kb.archive", {kb_state::published, kb_state::expired}, "archived",
                         "Published or Expired", kb_state::archived, kStatusArchived);
    });
    r.add("kb.discard", [](ApplyContext& ctx, const Json& args) {
        return kb_simple(ctx, args, "kb.discard", {kb_state::draft}, "discarded", "Draft", kb_state::discarded,
                         kStatusDiscarded);
    });
    r.add("kb.restore", [](ApplyContext& ctx, const Json& args) {
        return kb_simple(ctx, args, "kb.restore", {kb_state::expired, kb_state::archived, kb_state::discarded},
                         "restored", "Expired, Archived or Discarded", kb_state::draft, kStatusDraft);
    });
    r.add("kb.new_version", kb_new_version);
    r.add("kb.translate", kb_translate);
    r.add("kb.add_category", [](ApplyContext& ctx, const Json& args) {
        return kb_add_link(ctx, args, "kb.add_category", "knowledgearticlecategory", "categoryid", "category", "category");
    });
    r.add("kb.add_product", [](ApplyContext& ctx, const Json& args) {
        return kb_add_link(ctx, args, "kb.add_product", "knowledgearticleproduct", "productid", "product", "product");
    });
    r.add("kb.add_related_article", [](ApplyContext& ctx, const Json& args) {
        return kb_add_link(ctx, args, "kb.add_related_article", "knowledgearticlerelation", "relatedarticleid", kEntity,
                           "article");
    });
    r.add("kb.link_to_case", kb_link_to_case);
    r.add("kb.view", kb_view);
    r.add("kb.rate", kb_rate);
    r.add_trigger(RecordTrigger{kEntity, "knowledgearticle.read_only_when_published", refuse_edit_of_locked_article, nullptr});
    // A category tree has no cycles: a category cannot sit below itself.
    r.add_trigger(RecordTrigger{
        "category", "category.tree",
        [](ApplyContext& ctx, const Record*, Record& record) -> Status {
            std::string parent = lookup_id_of(record, "parentcategoryid");
            for (int depth = 0; !parent.empty() && depth < 64; ++depth) {
                if (parent == record.id)
                    return make_error("invalid_parent", "A category cannot be placed below itself or one of its subcategories.",
                                      "parentcategoryid");
                const Record* p = ctx.store().find("category", parent);
                parent = p ? lookup_id_of(*p, "parentcategoryid") : std::string();
            }
            return {};
        },
        nullptr});
}

}  // namespace casehub
