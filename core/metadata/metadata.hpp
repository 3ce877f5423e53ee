// Forms and views as data: each entity's main form (tabs > sections > fields and
// related-record subgrids) and its system views (columns, filter, sort), read from
// assets/metadata/forms.json and views.json (embedded into the core at build time).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/store/query.hpp"
#include "core/base/result.hpp"
#include "core/schema/schema.hpp"
#include "core/store/store.hpp"

namespace casehub {

// A list of related records: those of `entities` whose lookup `attribute` points at
// the record the form shows (activities regarding a case, notes about an account ...).
struct FormSubgrid {
    std::string name;
    Label label;
    std::vector<std::string> entities;
    std::string attribute;
    std::string view;  // optional: the view whose columns to show
    bool operator==(const FormSubgrid&) const = default;
};

struct FormSection {
    std::string name;
    Label label;
    std::vector<std::string> fields;  // attribute logical names, in display order
    std::vector<FormSubgrid> subgrids;
    bool operator==(const FormSection&) const = default;
};

struct FormTab {
    std::string name;
    Label label;
    std::vector<FormSection> sections;
    bool operator==(const FormTab&) const = default;
};

struct Form {
    std::string entity;
    std::string name;  // "main"
    Label label;
    std::vector<FormTab> tabs;
    bool operator==(const Form&) const = default;
};

struct ViewColumn {
    std::string attribute;
    int width = 150;  // logical pixels at 100% zoom
    bool operator==(const ViewColumn&) const = default;
};

// Restricts a view to records that some other record points at, e.g. "Cases I Follow":
// incidents referenced by a postfollow's regardingobjectid whose owner is @me.
struct ViewReference {
    std::string entity;     // "postfollow"
    std::string attribute;  // "regardingobjectid"
    Filter filter;          // on the referencing records; placeholders allowed
    bool operator==(const ViewReference&) const = default;
};

// The pseudo-entity of views that list every activity type together.
inline constexpr std::string_view kActivityPointer = "activitypointer";

struct View {
    std::string name;    // stable key: "my_active_cases"
    std::string entity;  // logical name, or "activitypointer" for all activity entities
    Label label;
    bool is_default = false;  // the entity's default view
    std::vector<ViewColumn> columns;
    Query query;  // entity, filter (placeholders allowed) and sort; skip/top unused
    bool has_reference = false;
    ViewReference reference;
    bool operator==(const View&) const = default;
};

struct Metadata {
    std::vector<Form> forms;
    std::vector<View> views;

    const Form* form(std::string_view entity) const;  // the entity's main form, or nullptr
    const View* view(std::string_view name) const;    // by name, or nullptr
    std::vector<const View*> views_for(std::string_view entity) const;  // in file order
    const View* default_view(std::string_view entity) const;
};

// Parses {"forms":[...]} / {"views":[...]}; the error names the form or view at fault.
Result<std::vector<Form>> parse_forms(std::string_view json);
Result<std::vector<View>> parse_views(std::string_view json);

void to_json(Json& j, const FormSubgrid& s);
void to_json(Json& j, const FormSection& s);
void to_json(Json& j, const FormTab& t);
void to_json(Json& j, const Form& f);
void to_json(Json& j, const ViewColumn& c);
void to_json(Json& j, const View& v);

// Checks every field, column, filter and subgrid against the schema: attributes exist,
// subgrid attributes are lookups that can point at the form's entity. The error names
// the form/view and the attribute.
Status check_metadata(const Metadata& metadata, const Schema& schema);

// The built-in forms and views from the embedded assets (a function-local static).
// Empty when the embedded JSON does not parse (tests guard against that).
const Metadata& casehub_metadata();

// The rows of a view for a user at a time: placeholders bound, the reference (if any)
// resolved against the store, "activitypointer" expanded to every activity entity and
// merged in sort order; then the page [skip, skip+top) (top 0 = all) and the total.
QueryResult run_view(const View& view, const Store& store, const std::string& user_id, TimestampMs now,
                     std::size_t skip = 0, std::size_t top = 0);

// The concrete queries a view runs for one entity (bound, reference resolved).
Query view_query(const View& view, const std::string& entity, const Store& store, const std::string& user_id,
                 TimestampMs now);

}  // namespace casehub
