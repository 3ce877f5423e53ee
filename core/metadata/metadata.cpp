// Form and view metadata: parsing the JSON assets without throwing, checking them
// against the schema, and running a view (placeholders, references, activity union).
#include "core/metadata/metadata.hpp"

#include <algorithm>

#include "core/metadata/embedded_assets.hpp"
#include "core/store/query_validation.hpp"

namespace casehub {

namespace {

std::string str(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Label label_of(const Json& j) {
    Label l;
    if (auto it = j.find("label"); it != j.end() && it->is_object()) from_json(*it, l);
    return l;
}

std::vector<std::string> strings(const Json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& s : *it)
            if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

const Json* array_of(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? &*it : nullptr;
}

Result<Json> parse_text(std::string_view text, const char* root, const char* what) {
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return make_error("invalid_metadata", std::string(what) + " is not valid JSON.");
    if (!j.is_object() || !array_of(j, root))
        return make_error("invalid_metadata", std::string(what) + " must be an object with a \"" + root + "\" array.");
    return j;
}

}  // namespace

Result<std::vector<Form>> parse_forms(std::string_view text) {
    auto parsed = parse_text(text, "forms", "forms.json");
    if (!parsed) return parsed.error();
    std::vector<Form> forms;
    for (const auto& fj : (*parsed)["forms"]) {
        Form f;
        if (!fj.is_object() || (f.entity = str(fj, "entity")).empty())
            return make_error("invalid_metadata", "Every form needs an \"entity\".");
        f.name = str(fj, "name");
        if (f.name.empty()) f.name = "main";
        f.label = label_of(fj);
        const Json* tabs = array_of(fj, "tabs");
        if (!tabs) return make_error("invalid_metadata", "Form of " + f.entity + " has no \"tabs\" array.", f.entity);
        for (const auto& tj : *tabs) {
            FormTab t;
            t.name = str(tj, "name");
            t.label = label_of(tj);
            if (t.name.empty())
                return make_error("invalid_metadata", "A tab of the " + f.entity + " form has no name.", f.entity);
            if (const Json* sections = array_of(tj, "sections"))
                for (const auto& sj : *sections) {
                    FormSection s;
                    s.name = str(sj, "name");
                    s.label = label_of(sj);
                    s.fields = strings(sj, "fields");
                    if (const Json* grids = array_of(sj, "subgrids"))
                        for (const auto& gj : *grids) {
                            FormSubgrid g;
                            g.name = str(gj, "name");
                            g.label = label_of(gj);
                            g.entities = strings(gj, "entities");
                            if (g.entities.empty() && !str(gj, "entity").empty()) g.entities.push_back(str(gj, "entity"));
                            g.attribute = str(gj, "attribute");
                            g.view = str(gj, "view");
                            s.subgrids.push_back(std::move(g));
                        }
                    t.sections.push_back(std::move(s));
                }
            f.tabs.push_back(std::move(t));
        }
        forms.push_back(std::move(f));
    }
    return forms;
}

Result<std::vector<View>> parse_views(std::string_view text) {
    auto parsed = parse_text(text, "views", "views.json");
    if (!parsed) return parsed.error();
    std::vector<View> views;
    for (const auto& vj : (*parsed)["views"]) {
        View v;
        if (!vj.is_object() || (v.name = str(vj, "name")).empty() || (v.entity = str(vj, "entity")).empty())
            return make_error("invalid_metadata", "Every view needs a \"name\" and an \"entity\".");
        v.label = label_of(vj);
        if (auto it = vj.find("default"); it != vj.end() && it->is_boolean()) v.is_default = it->get<bool>();
        if (const Json* cols = array_of(vj, "columns"))
            for (const auto& cj : *cols) {
                ViewColumn c;
                c.attribute = str(cj, "attribute");
                if (auto it = cj.find("width"); it != cj.end() && it->is_number_integer()) c.width = it->get<int>();
                v.columns.push_back(std::move(c));
            }
        Json qj = Json::object();
        qj["entity"] = v.entity;
        if (auto it = vj.find("filter"); it != vj.end()) qj["filter"] = *it;
        if (auto it = vj.find("sort"); it != vj.end()) qj["sort"] = *it;
        auto q = parse_query(qj);
        if (!q) return make_error("invalid_metadata", "View " + v.name + ": " + q.error().message, v.name);
        v.query = std::move(*q);
        if (auto it = vj.find("referenced_by"); it != vj.end() && it->is_object()) {
            v.has_reference = true;
            v.reference.entity = str(*it, "entity");
            v.reference.attribute = str(*it, "attribute");
            Json rq = Json{{"entity", v.reference.entity}};
            if (auto f = it->find("filter"); f != it->end()) rq["filter"] = *f;
            auto r = parse_query(rq);
            if (!r) return make_error("invalid_metadata", "View " + v.name + " reference: " + r.error().message, v.name);
            v.reference.filter = r->filter;
        }
        views.push_back(std::move(v));
    }
    return views;
}

void to_json(Json& j, const FormSubgrid& s) {
    j = Json{{"name", s.name}, {"label", s.label}, {"entities", s.entities}, {"attribute", s.attribute}};
    if (!s.view.empty()) j["view"] = s.view;
}
void to_json(Json& j, const FormSection& s) {
    j = Json{{"name", s.name}, {"label", s.label}, {"fields", s.fields}};
    if (!s.subgrids.empty()) j["subgrids"] = s.subgrids;
}
void to_json(Json& j, const FormTab& t) { j = Json{{"name", t.name}, {"label", t.label}, {"sections", t.sections}}; }
void to_json(Json& j, const Form& f) {
    j = Json{{"entity", f.entity}, {"name", f.name}, {"label", f.label}, {"tabs", f.tabs}};
}
void to_json(Json& j, const ViewColumn& c) { j = Json{{"attribute", c.attribute}, {"width", c.width}}; }
void to_json(Json& j, const View& v) {
    j = Json{{"name", v.name},       {"entity", v.entity},          {"label", v.label},
             {"columns", v.columns}, {"filter", v.query.filter},    {"sort", v.query.sort}};
    if (v.is_default) j["default"] = true;
    if (v.has_reference)
        j["referenced_by"] = Json{{"entity", v.reference.entity}, {"attribute", v.reference.attribute},
                                  {"filter", v.reference.filter}};
}

const Form* Metadata::form(std::string_view entity) const {
    for (const auto& f : forms)
        if (f.entity == entity) return &f;
    return nullptr;
}

const View* Metadata::view(std::string_view name) const {
    for (const auto& v : views)
        if (v.name == name) return &v;
    return nullptr;
}

std::vector<const View*> Metadata::views_for(std::string_view entity) const {
    std::vector<const View*> out;
    for (const auto& v : views)
        if (v.entity == entity) out.push_back(&v);
    return out;
}

const View* Metadata::default_view(std::string_view entity) const {
    const View* first = nullptr;
    for (const auto& v : views) {
        if (v.entity != entity) continue;
        if (v.is_default) return &v;
        if (!first) first = &v;
    }
    return first;
}

namespace {

std::vector<std::string> entities_of_view(const View& v) {
    if (v.entity == kActivityPointer) return activity_entities();
    return {v.entity};
}

Status check_attribute(const Schema& schema, const std::string& entity, const std::string& attribute,
                       const std::string& where) {
    const EntityDef* e = schema.entity(entity);
    if (!e) return make_error("unknown_entity", where + ": there is no entity \"" + entity + "\".", entity);
    if (!e->attribute(attribute))
        return make_error("unknown_attribute", where + ": " + entity + " has no attribute \"" + attribute + "\".",
                          attribute);
    return {};
}

}  // namespace

Status check_metadata(const Metadata& m, const Schema& schema) {
    for (const auto& f : m.forms) {
        const std::string where = "Form of " + f.entity;
        if (!schema.entity(f.entity)) return make_error("unknown_entity", where + ": unknown entity.", f.entity);
        for (const auto& t : f.tabs)
            for (const auto& s : t.sections) {
                for (const auto& field : s.fields)
                    if (auto st = check_attribute(schema, f.entity, field, where + ", section " + s.name); !st) return st;
                for (const auto& g : s.subgrids) {
                    if (g.entities.empty())
                        return make_error("invalid_metadata", where + ", subgrid " + g.name + " lists no entity.");
                    for (const auto& e : g.entities) {
                        if (auto st = check_attribute(schema, e, g.attribute, where + ", subgrid " + g.name); !st) return st;
                        const AttributeDef* a = schema.entity(e)->attribute(g.attribute);
                        if (!is_lookup_type(a->type) ||
                            std::find(a->targets.begin(), a->targets.end(), f.entity) == a->targets.end())
                            return make_error("invalid_metadata", where + ", subgrid " + g.name + ": " + e + "." +
                                                                      g.attribute + " cannot point at " + f.entity + ".",
                                              g.attribute);
                    }
                }
            }
    }
    for (const auto& v : m.views) {
        const std::string where = "View " + v.name;
        for (const auto& e : entities_of_view(v)) {
            for (const auto& c : v.columns)
                if (auto st = check_attribute(schema, e, c.attribute, where); !st) return st;
            Query q = v.query;
            q.entity = e;
            if (auto st = validate_query(schema, q); !st)
                return make_error(st.error().code, where + ": " + st.error().message, st.error().field);
        }
        if (v.has_reference) {
            Query rq;
            rq.entity = v.reference.entity;
            rq.filter = v.reference.filter;
            if (auto st = validate_query(schema, rq); !st)
                return make_error(st.error().code, where + " reference: " + st.error().message, st.error().field);
            if (auto st = check_attribute(schema, v.reference.entity, v.reference.attribute, where); !st) return st;
        }
    }
    return {};
}

const Metadata& casehub_metadata() {
    static const Metadata metadata = [] {
        Metadata m;
        auto forms = parse_forms(embedded_asset("forms.json"));
        auto views = parse_views(embedded_asset("views.json"));
        if (forms) m.forms = std::move(*forms);
        if (views) m.views = std::move(*views);
        return m;
    }();
    return metadata;
}

Query view_query(const View& view, const std::string& entity, const Store& store, const std::string& user_id,
                 TimestampMs now) {
    Query q = bind_query(view.query, user_id, now);
    q.entity = entity;
    if (view.has_reference) {
        // Ids the referencing records point at, as an "id in [...]" beside the view's filter.
        Query rq;
        rq.entity = view.reference.entity;
        rq.filter = view.reference.filter;
        rq = bind_query(rq, user_id, now);
        Json ids = Json::array();
        for (const Record* r : store.query(rq).rows) {
            const Json* v = r->get(view.reference.attribute);
            if (v && v->is_object() && v->value("entity", std::string()) == entity && v->contains("id"))
                ids.push_back((*v)["id"]);
        }
        Filter root;
        root.conditions.push_back(Condition{"id", Op::In, std::move(ids)});
        if (!q.filter.empty()) root.filters.push_back(std::move(q.filter));
        q.filter = std::move(root);
    }
    return q;
}

QueryResult run_view(const View& view, const Store& store, const std::string& user_id, TimestampMs now,
                     std::size_t skip, std::size_t top) {
    const auto entities = entities_of_view(view);
    if (entities.size() == 1) {
        Query q = view_query(view, entities[0], store, user_id, now);
        q.skip = skip;
        q.top = top;
        return store.query(q);
    }
    // Each entity's first skip+top rows suffice to know the merged page.
    QueryResult merged;
    for (const auto& e : entities) {
        Query q = view_query(view, e, store, user_id, now);
        q.top = top ? skip + top : 0;
        QueryResult r = store.query(q);
        merged.total += r.total;
        merged.rows.insert(merged.rows.end(), r.rows.begin(), r.rows.end());
    }
    std::sort(merged.rows.begin(), merged.rows.end(), [&](const Record* a, const Record* b) {
        if (sort_before(view.query.sort, *a, *b)) return true;
        if (sort_before(view.query.sort, *b, *a)) return false;
        return a->entity < b->entity;
    });
    const std::size_t begin = std::min(skip, merged.rows.size());
    const std::size_t end = top ? std::min(merged.rows.size(), begin + top) : merged.rows.size();
    merged.rows = std::vector<const Record*>(merged.rows.begin() + static_cast<std::ptrdiff_t>(begin),
                                             merged.rows.begin() + static_cast<std::ptrdiff_t>(end));
    return merged;
}

}  // namespace casehub
