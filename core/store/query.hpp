// Query: filter (and/or of conditions), multi-column sort, paging and full count over
// the records of one entity — the one query shape shared by grids, views, the API and
// sync. Plain data with a JSON form, so system views are stored as data.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace casehub {

enum class Op {
    Eq,          // equal; strings compare case- and accent-insensitively, lookups by id
    Ne,          // not equal; also matches records with no value
    Lt, Le, Gt, Ge,  // ordering (numbers, strings, datetimes); never match a missing value
    In,          // value is an array; matches when any element is equal
    Contains,    // string contains (case- and accent-insensitive)
    BeginsWith,  // string starts with (case- and accent-insensitive)
    Null,        // no value (value ignored)
    NotNull,     // has a value (value ignored)
};

std::string_view to_string(Op op);  // "eq", "ne", "lt", "le", "gt", "ge", "in", "contains", "begins_with", "null", "not_null"
bool parse_op(std::string_view name, Op& out);  // false when unknown

struct Condition {
    std::string attribute;  // logical name, or "id" for the record's primary key
    Op op = Op::Eq;
    Json value;  // a literal, a lookup {"entity","id"} or an id string, or "@me" / "@today" / "@now" before binding
    bool operator==(const Condition&) const = default;
};

struct Filter {
    enum class Kind { And, Or };
    Kind kind = Kind::And;
    std::vector<Condition> conditions;
    std::vector<Filter> filters;  // nested groups
    bool empty() const { return conditions.empty() && filters.empty(); }
    bool operator==(const Filter&) const = default;
};

struct Sort {
    std::string attribute;
    bool descending = false;
    bool operator==(const Sort&) const = default;
};

struct Query {
    std::string entity;
    Filter filter;
    std::vector<Sort> sort;  // applied in order; ties broken by record id
    std::size_t skip = 0;
    std::size_t top = 0;  // page size; 0 = all rows
    bool operator==(const Query&) const = default;
};

// Rows of the requested page (pointers into the store: valid until the store changes)
// and the number of records matching the filter, before paging.
struct QueryResult {
    std::vector<const Record*> rows;
    std::size_t total = 0;
};

// Replaces placeholders in condition values: "@me" -> user_id, "@now" -> now as an ISO
// string, "@today" -> today 00:00 UTC, "@today+N" / "@today-N" -> N days from today.
Query bind_query(const Query& query, const std::string& user_id, TimestampMs now);

// A filter prepared for matching many records (search strings folded once).
class FilterMatcher {
public:
    explicit FilterMatcher(const Filter& filter);
    bool operator()(const Record& record) const { return match_node(root_, record); }

private:
    struct Compiled {
        Condition condition;
        std::string needle;  // folded value for contains / begins_with
    };
    struct Node {
        bool any = false;  // Or
        std::vector<Compiled> conditions;
        std::vector<Node> children;
    };
    static Node compile(const Filter& filter);
    static bool match_condition(const Compiled& condition, const Record& record);
    static bool match_node(const Node& node, const Record& record);
    Node root_;
};

// True when the record satisfies the filter (an empty filter matches everything).
bool matches(const Filter& filter, const Record& record);
bool matches(const Condition& condition, const Record& record);

// Total order on attribute values used by sorting and lt/gt: missing (nullptr) first,
// then booleans, numbers, strings (case/accent-insensitive, ISO datetimes by instant),
// lookups by id. Returns <0, 0, >0.
int compare_values(const Json* a, const Json* b);

// compare_values' string order in parts, for callers that prepare sort keys once
// (core/sort_keys.hpp): two strings compare as their folded forms (lowercase, accents
// stripped) byte by byte, unsigned, unless both are ISO datetimes, which compare by
// their first 19 characters as written, then by milliseconds.
std::string fold_for_compare(std::string_view text);
bool is_iso_datetime_text(std::string_view text);  // "YYYY-MM-DDTHH:MM:SS" + at least one more char
int iso_datetime_millis(std::string_view text);    // the ".sss" part, 0 when there is none

// Orders two records by the sort columns, then by id (the deterministic tie-break).
bool sort_before(const std::vector<Sort>& sort, const Record& a, const Record& b);

// JSON wire shape: {"entity":..,"filter":{"type":"and","conditions":[{"attribute","op","value"}],
// "filters":[...]},"sort":[{"attribute","descending"}],"skip":0,"top":50}.
void to_json(Json& j, const Condition& c);
void from_json(const Json& j, Condition& c);
void to_json(Json& j, const Filter& f);
void from_json(const Json& j, Filter& f);
void to_json(Json& j, const Sort& s);
void from_json(const Json& j, Sort& s);
void to_json(Json& j, const Query& q);
void from_json(const Json& j, Query& q);

// Parses a query without throwing; the error names what is malformed (unknown op ...).
Result<Query> parse_query(const Json& json);

}  // namespace casehub
