// Query semantics: matching conditions against records, the total order used for
// sorting and ordering operators, placeholder binding, and the JSON wire form.
// Execution over indexes lives in store.cpp; it uses FilterMatcher from here.
#include "core/store/query.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace casehub {

namespace {
constexpr std::pair<Op, std::string_view> kOpNames[] = {
    {Op::Eq, "eq"}, {Op::Ne, "ne"}, {Op::Lt, "lt"}, {Op::Le, "le"}, {Op::Gt, "gt"}, {Op::Ge, "ge"},
    {Op::In, "in"}, {Op::Contains, "contains"}, {Op::BeginsWith, "begins_with"}, {Op::Null, "null"},
    {Op::NotNull, "not_null"},
};
}  // namespace

std::string_view to_string(Op op) {
    for (const auto& [o, n] : kOpNames)
        if (o == op) return n;
    return "eq";
}

bool parse_op(std::string_view name, Op& out) {
    for (const auto& [o, n] : kOpNames)
        if (n == name) { out = o; return true; }
    return false;
}

// ---------------------------------------------------------------------------------
// Accent and case folding.
namespace {

// Folds one code point to lowercase ASCII when it is a Latin letter with a diacritic;
// returns the number of chars written to out (0 = keep the original bytes).
int fold_code_point(std::uint32_t cp, char out[2]) {
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp + 32) : static_cast<char>(cp);
        return 1;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        // À..ÿ, indexed from U+00C0; '\0' keeps the character (× and ÷).
        static const char* const latin1[64] = {
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
        const char* f = latin1[cp - 0xC0];
        const int n = static_cast<int>(std::strlen(f));
        for (int i = 0; i < n; ++i) out[i] = f[i];
        return n;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        struct Range { std::uint32_t last; const char* base; };
        static const Range ranges[] = {
            {0x105, "a"}, {0x10D, "c"}, {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
            {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
            {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
            {0x175, "w"}, {0x178, "y"}, {0x17E, "z"}, {0x17F, "s"}};
        for (const auto& r : ranges)
            if (cp <= r.last) {
                const int n = static_cast<int>(std::strlen(r.base));
                for (int i = 0; i < n; ++i) out[i] = r.base[i];
                return n;
            }
    }
    return 0;
}

// Walks a UTF-8 string yielding folded bytes one at a time, without allocating.
class FoldCursor {
public:
    explicit FoldCursor(std::string_view s) : s_(s) {}
    // False at the end.
    bool next(char& c) {
        if (idx_ < len_) { c = buf_[idx_++]; return true; }
        if (pos_ >= s_.size()) return false;
        const auto b0 = static_cast<unsigned char>(s_[pos_]);
        if (b0 < 0x80) {
            ++pos_;
            c = (b0 >= 'A' && b0 <= 'Z') ? static_cast<char>(b0 + 32) : static_cast<char>(b0);
            return true;
        }
        std::size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
        if (pos_ + n > s_.size()) n = s_.size() - pos_;
        std::uint32_t cp = 0;
        if (n == 2) cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s_[pos_ + 1]) & 0x3Fu);
        char folded[2];
        const int m = n == 2 ? fold_code_point(cp, folded) : 0;
        if (m > 0) {
            for (int i = 0; i < m; ++i) buf_[i] = folded[i];
            len_ = m;
        } else {
            for (std::size_t i = 0; i < n; ++i) buf_[i] = s_[pos_ + i];
            len_ = static_cast<int>(n);
        }
        pos_ += n;
        idx_ = 1;
        c = buf_[0];
        return true;
    }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    char buf_[4] = {};
    int len_ = 0, idx_ = 0;
};

int compare_folded(std::string_view a, std::string_view b) {
    // ASCII folds byte for byte, so the common ASCII prefix is compared without the cursor
    // (sorting 100k titles); the cursors take over at the first non-ASCII byte, which is
    // a code point boundary in both strings.
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    for (; i < n; ++i) {
        auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if ((x | y) >= 0x80) break;
        if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
        if (x != y) return x < y ? -1 : 1;
    }
    if (i == n) return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
    FoldCursor ca(a.substr(i)), cb(b.substr(i));
    for (;;) {
        char x, y;
        const bool hx = ca.next(x), hy = cb.next(y);
        if (!hx || !hy) return hx ? 1 : hy ? -1 : 0;
        if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
}

bool looks_like_datetime(std::string_view s) {
    return s.size() >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':';
}

int datetime_millis(std::string_view s) {
    if (s.size() > 20 && s[19] == '.') {
        int ms = 0, digits = 0;
        for (std::size_t i = 20; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
            if (digits < 3) { ms = ms * 10 + (s[i] - '0'); ++digits; }
        for (; digits < 3; ++digits) ms *= 10;
        return ms;
    }
    return 0;
}

int compare_strings(std::string_view a, std::string_view b) {
    if (looks_like_datetime(a) && looks_like_datetime(b)) {
        const int c = a.substr(0, 19).compare(b.substr(0, 19));
        if (c != 0) return c < 0 ? -1 : 1;
        const int ma = datetime_millis(a), mb = datetime_millis(b);
        return ma < mb ? -1 : ma > mb ? 1 : 0;
    }
    return compare_folded(a, b);
}

const std::string* lookup_id(const Json& v) {
    if (!v.is_object()) return nullptr;
    auto it = v.find("id");
    return it != v.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

int rank(const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: return 0;
        case Json::value_t::boolean: return 1;
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return 2;
        case Json::value_t::string: return 3;
        case Json::value_t::object: return 4;
        default: return 5;
    }
}

int compare_raw(const std::string& a, const std::string& b) {
    const int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// Lowercase, accents stripped (é -> e, ß -> ss, œ -> oe): the same folding the
// comparisons above apply byte by byte, so eq and contains agree.
std::string fold_query_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    FoldCursor c(text);
    char ch;
    while (c.next(ch)) out.push_back(ch);
    return out;
}

}  // namespace

int compare_values(const Json* a, const Json* b) {
    if (a && a->is_null()) a = nullptr;
    if (b && b->is_null()) b = nullptr;
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    // A lookup compares with an id string or another lookup by id.
    const std::string* ida = lookup_id(*a);
    const std::string* idb = lookup_id(*b);
    if (ida && idb) return compare_raw(*ida, *idb);
    if (ida && b->is_string()) return compare_raw(*ida, b->get_ref<const std::string&>());
    if (idb && a->is_string()) return compare_raw(a->get_ref<const std::string&>(), *idb);
    const int ra = rank(*a), rb = rank(*b);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (ra) {
        case 1: return static_cast<int>(a->get<bool>()) - static_cast<int>(b->get<bool>());
        case 2:
            if (a->is_number_integer() && b->is_number_integer()) {
                const auto x = a->get<std::int64_t>(), y = b->get<std::int64_t>();
                return x < y ? -1 : x > y ? 1 : 0;
            } else {
                const double x = a->get<double>(), y = b->get<double>();
                return x < y ? -1 : x > y ? 1 : 0;
            }
        case 3: return compare_strings(a->get_ref<const std::string&>(), b->get_ref<const std::string&>());
        default: {
            // Objects without an id and arrays: by their canonical text, only to stay total.
            return compare_raw(a->dump(), b->dump());
        }
    }
}

std::string fold_for_compare(std::string_view text) { return fold_query_text(text); }
bool is_iso_datetime_text(std::string_view text) { return looks_like_datetime(text); }
int iso_datetime_millis(std::string_view text) { return datetime_millis(text); }

bool sort_before(const std::vector<Sort>& sort, const Record& a, const Record& b) {
    for (const auto& s : sort) {
        const int c = compare_values(a.get(s.attribute), b.get(s.attribute));
        if (c != 0) return s.descending ? c > 0 : c < 0;
    }
    return a.id < b.id;
}

// ---------------------------------------------------------------------------------
// Matching.

FilterMatcher::FilterMatcher(const Filter& filter) : root_(compile(filter)) {}

FilterMatcher::Node FilterMatcher::compile(const Filter& f) {
    Node n;
    n.any = f.kind == Filter::Kind::Or;
    for (const auto& c : f.conditions) {
        Compiled cc{c, {}};
        if ((c.op == Op::Contains || c.op == Op::BeginsWith) && c.value.is_string())
            cc.needle = fold_query_text(c.value.get_ref<const std::string&>());
        n.conditions.push_back(std::move(cc));
    }
    for (const auto& sub : f.filters) n.children.push_back(compile(sub));
    return n;
}

bool FilterMatcher::match_condition(const Compiled& cc, const Record& r) {
    const Condition& c = cc.condition;
    // "id" addresses the primary key (Record.id), e.g. views restricted to followed records.
    Json id_value;
    const Json* v;
    if (c.attribute == "id") {
        id_value = r.id;
        v = &id_value;
    } else {
        v = r.get(c.attribute);
    }
    switch (c.op) {
        case Op::Null: return v == nullptr;
        case Op::NotNull: return v != nullptr;
        case Op::Eq:
            if (c.value.is_null()) return v == nullptr;
            return v && compare_values(v, &c.value) == 0;
        case Op::Ne:
            if (c.value.is_null()) return v != nullptr;
            return !v || compare_values(v, &c.value) != 0;
        case Op::Lt: return v && !c.value.is_null() && compare_values(v, &c.value) < 0;
        case Op::Le: return v && !c.value.is_null() && compare_values(v, &c.value) <= 0;
        case Op::Gt: return v && !c.value.is_null() && compare_values(v, &c.value) > 0;
        case Op::Ge: return v && !c.value.is_null() && compare_values(v, &c.value) >= 0;
        case Op::In:
            if (!v) return false;
            if (!c.value.is_array()) return compare_values(v, &c.value) == 0;
            for (const auto& e : c.value)
                if (compare_values(v, &e) == 0) return true;
            return false;
        case Op::Contains:
        case Op::BeginsWith: {
            if (!v || !v->is_string() || !c.value.is_string()) return false;
            const std::string hay = fold_query_text(v->get_ref<const std::string&>());
            return c.op == Op::Contains ? hay.find(cc.needle) != std::string::npos
                                        : hay.compare(0, cc.needle.size(), cc.needle) == 0;
        }
    }
    return false;
}

bool FilterMatcher::match_node(const Node& n, const Record& r) {
    if (n.any) {
        if (n.conditions.empty() && n.children.empty()) return true;
        for (const auto& c : n.conditions)
            if (match_condition(c, r)) return true;
        for (const auto& ch : n.children)
            if (match_node(ch, r)) return true;
        return false;
    }
    for (const auto& c : n.conditions)
        if (!match_condition(c, r)) return false;
    for (const auto& ch : n.children)
        if (!match_node(ch, r)) return false;
    return true;
}

bool matches(const Filter& filter, const Record& record) { return FilterMatcher(filter)(record); }

bool matches(const Condition& condition, const Record& record) {
    Filter f;
    f.conditions.push_back(condition);
    return matches(f, record);
}

// ---------------------------------------------------------------------------------
// Placeholders.
namespace {

Json bind_value(const Json& v, const std::string& user_id, TimestampMs now) {
    if (v.is_array()) {
        Json out = Json::array();
        for (const auto& e : v) out.push_back(bind_value(e, user_id, now));
        return out;
    }
    if (!v.is_string()) return v;
    const std::string& s = v.get_ref<const std::string&>();
    if (s == "@me") return user_id;
    if (s == "@now") return format_utc(now);
    if (s.rfind("@today", 0) == 0) {
        std::int64_t days = now / 86400000;
        if (now % 86400000 < 0) --days;
        if (s.size() > 6) {
            const char sign = s[6];
            char* end = nullptr;
            const long n = std::strtol(s.c_str() + 7, &end, 10);
            if ((sign != '+' && sign != '-') || end == s.c_str() + 7 || *end != '\0') return v;
            days += sign == '+' ? n : -n;
        }
        return format_utc(days * 86400000);
    }
    return v;
}

void bind_filter(Filter& f, const std::string& user_id, TimestampMs now) {
    for (auto& c : f.conditions) c.value = bind_value(c.value, user_id, now);
    for (auto& sub : f.filters) bind_filter(sub, user_id, now);
}

}  // namespace

Query bind_query(const Query& query, const std::string& user_id, TimestampMs now) {
    Query q = query;
    bind_filter(q.filter, user_id, now);
    return q;
}

// ---------------------------------------------------------------------------------
// JSON. Readers check types so malformed input never throws; parse_query reports it.

void to_json(Json& j, const Condition& c) {
    j = Json{{"attribute", c.attribute}, {"op", to_string(c.op)}};
    if (!c.value.is_null()) j["value"] = c.value;
}
void from_json(const Json& j, Condition& c) {
    c = Condition{};
    if (!j.is_object()) return;
    if (auto it = j.find("attribute"); it != j.end() && it->is_string()) c.attribute = it->get<std::string>();
    if (auto it = j.find("op"); it != j.end() && it->is_string()) parse_op(it->get<std::string>(), c.op);
    if (auto it = j.find("value"); it != j.end()) c.value = *it;
}

void to_json(Json& j, const Filter& f) {
    j = Json{{"type", f.kind == Filter::Kind::Or ? "or" : "and"}, {"conditions", f.conditions}};
    if (!f.filters.empty()) j["filters"] = f.filters;
}
void from_json(const Json& j, Filter& f) {
    f = Filter{};
    if (!j.is_object()) return;
    if (auto it = j.find("type"); it != j.end() && it->is_string() && it->get<std::string>() == "or")
        f.kind = Filter::Kind::Or;
    if (auto it = j.find("conditions"); it != j.end() && it->is_array())
        for (const auto& c : *it) {
            Condition cond;
            from_json(c, cond);
            f.conditions.push_back(std::move(cond));
        }
    if (auto it = j.find("filters"); it != j.end() && it->is_array())
        for (const auto& sub : *it) {
            Filter nested;
            from_json(sub, nested);
            f.filters.push_back(std::move(nested));
        }
}

void to_json(Json& j, const Sort& s) { j = Json{{"attribute", s.attribute}, {"descending", s.descending}}; }
void from_json(const Json& j, Sort& s) {
    s = Sort{};
    if (!j.is_object()) return;
    if (auto it = j.find("attribute"); it != j.end() && it->is_string()) s.attribute = it->get<std::string>();
    if (auto it = j.find("descending"); it != j.end() && it->is_boolean()) s.descending = it->get<bool>();
}

void to_json(Json& j, const Query& q) {
    j = Json{{"entity", q.entity}, {"filter", q.filter}, {"sort", q.sort}, {"skip", q.skip}, {"top", q.top}};
}
void from_json(const Json& j, Query& q) {
    q = Query{};
    if (!j.is_object()) return;
    if (auto it = j.find("entity"); it != j.end() && it->is_string()) q.entity = it->get<std::string>();
    if (auto it = j.find("filter"); it != j.end()) from_json(*it, q.filter);
    if (auto it = j.find("sort"); it != j.end() && it->is_array())
        for (const auto& s : *it) {
            Sort sort;
            from_json(s, sort);
            q.sort.push_back(std::move(sort));
        }
    // Integers built in C++ (Json(50)) are signed, parsed text is unsigned: accept both.
    for (auto [key, out] : {std::pair<const char*, std::size_t*>{"skip", &q.skip}, {"top", &q.top}})
        if (auto it = j.find(key); it != j.end() && it->is_number_integer() && it->get<std::int64_t>() >= 0)
            *out = it->get<std::size_t>();
}

namespace {
std::string check_filter_json(const Json& f, int depth) {
    if (depth > 32) return "Filters are nested too deeply (more than 32 levels).";
    if (!f.is_object()) return "A filter is an object with \"type\", \"conditions\" and \"filters\".";
    if (auto it = f.find("type"); it != f.end() && !(it->is_string() && (*it == "and" || *it == "or")))
        return "A filter \"type\" is \"and\" or \"or\".";
    if (auto it = f.find("conditions"); it != f.end()) {
        if (!it->is_array()) return "Filter \"conditions\" must be an array.";
        for (const auto& c : *it) {
            if (!c.is_object()) return "A condition is an object with \"attribute\", \"op\" and \"value\".";
            auto a = c.find("attribute");
            if (a == c.end() || !a->is_string() || a->get<std::string>().empty())
                return "A condition needs an \"attribute\" name.";
            auto o = c.find("op");
            Op op;
            if (o == c.end() || !o->is_string() || !parse_op(o->get<std::string>(), op))
                return "Condition on " + a->get<std::string>() +
                       " has an unknown \"op\"; use eq, ne, lt, le, gt, ge, in, contains, begins_with, null or not_null.";
        }
    }
    if (auto it = f.find("filters"); it != f.end()) {
        if (!it->is_array()) return "Filter \"filters\" must be an array.";
        for (const auto& sub : *it)
            if (auto e = check_filter_json(sub, depth + 1); !e.empty()) return e;
    }
    return {};
}
}  // namespace

Result<Query> parse_query(const Json& json) {
    if (!json.is_object()) return make_error("invalid_query", "A query is a JSON object.");
    auto e = json.find("entity");
    if (e == json.end() || !e->is_string() || e->get<std::string>().empty())
        return make_error("invalid_query", "A query needs an \"entity\" (logical name such as \"incident\").", "entity");
    if (auto f = json.find("filter"); f != json.end())
        if (auto err = check_filter_json(*f, 0); !err.empty()) return make_error("invalid_query", err, "filter");
    if (auto s = json.find("sort"); s != json.end()) {
        if (!s->is_array()) return make_error("invalid_query", "\"sort\" must be an array.", "sort");
        for (const auto& x : *s)
            if (!x.is_object() || !x.contains("attribute") || !x["attribute"].is_string())
                return make_error("invalid_query", "Each sort entry needs an \"attribute\".", "sort");
    }
    for (const char* k : {"skip", "top"})
        if (auto it = json.find(k); it != json.end() && !(it->is_number_integer() && it->get<std::int64_t>() >= 0))
            return make_error("invalid_query", std::string("\"") + k + "\" must be a non-negative integer.", k);
    Query q;
    from_json(json, q);
    return q;
}

}  // namespace casehub
