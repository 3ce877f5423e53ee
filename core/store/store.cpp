// Store implementation: records per entity in id order, plus hash indexes on
// statecode and on the lookup attributes the schema declares (owner, queue, customer,
// regarding ...). Queries start from the smallest index bucket their top-level "and"
// allows, else scan; then filter, sort on precomputed keys, and page.
#include "core/store/store.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/store/query.hpp"
#include "core/schema/schema.hpp"

namespace casehub {

namespace {

// Which attributes of an entity are indexed: statecode and every lookup the schema
// declares, except the audit lookups (createdby/modifiedby), which nobody filters on
// often enough to pay for the memory at a million cases.
const std::vector<std::string>& indexed_attributes(const std::string& entity) {
    static const std::map<std::string, std::vector<std::string>> by_entity = [] {
        std::map<std::string, std::vector<std::string>> m;
        for (const auto& e : casehub_schema().entities) {
            auto& list = m[e.name];
            for (const auto& a : e.attributes) {
                if (a.name == "createdby" || a.name == "modifiedby") continue;
                if (is_lookup_type(a.type) || a.type == AttributeType::StateCode) list.push_back(a.name);
            }
        }
        return m;
    }();
    static const std::vector<std::string> none;
    auto it = by_entity.find(entity);
    return it == by_entity.end() ? none : it->second;
}

// The index key of a stored value: a lookup's id, or "#<n>" for an integer. False when
// the value cannot be indexed (the attribute's index then stops being trusted).
bool index_key(const Json& v, std::string& key) {
    if (v.is_object()) {
        auto it = v.find("id");
        if (it == v.end() || !it->is_string()) return false;
        key = it->get<std::string>();
        return true;
    }
    if (v.is_number_integer()) {
        key = "#" + std::to_string(v.get<std::int64_t>());
        return true;
    }
    return false;
}

// The keys a condition value can equal (compare_values semantics), or false when it
// may equal values the index does not hold.
bool condition_keys(const Json& value, bool lookup_index, std::vector<std::string>& keys) {
    if (value.is_null()) return false;  // eq null means "no value": not in any bucket
    if (lookup_index) {
        if (value.is_string()) { keys.push_back(value.get<std::string>()); return true; }
        if (value.is_object()) {
            auto it = value.find("id");
            if (it != value.end() && it->is_string()) { keys.push_back(it->get<std::string>()); return true; }
            return false;  // an object without id compares by text; scan instead
        }
        return true;  // numbers/bools never equal a lookup: no keys
    }
    if (value.is_number_integer()) { keys.push_back("#" + std::to_string(value.get<std::int64_t>())); return true; }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        const auto n = static_cast<std::int64_t>(d);
        if (static_cast<double>(n) == d) keys.push_back("#" + std::to_string(n));
        return true;
    }
    return !value.is_object();  // strings/bools never equal an integer; a lookup object might not: scan
}

}  // namespace

namespace {

// One counter for every store of the process, so no two stores (or two states of one
// store) share a version. Atomic: the server applies on several threads.
std::uint64_t next_store_version() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

}  // namespace

struct Store::Impl {
    struct AttributeIndex {
        std::unordered_map<std::string, std::unordered_set<const Record*>> buckets;
        std::size_t unindexed = 0;  // records holding a value the index cannot represent
        bool lookup = true;         // false for statecode (integer keys)
    };
    struct Table {
        std::map<std::string, Record> records;  // by id
        std::unordered_map<std::string, AttributeIndex> indexes;
    };
    std::map<std::string, Table> tables;
    std::size_t total = 0;
    std::uint64_t version = next_store_version();

    void index(Table& t, const Record& r, bool add) {
        for (const auto& name : indexed_attributes(r.entity)) {
            const Json* v = r.get(name);
            if (!v) continue;
            auto& idx = t.indexes[name];
            idx.lookup = name != "statecode";
            std::string key;
            if (index_key(*v, key)) {
                if (add) {
                    idx.buckets[key].insert(&r);
                } else if (auto b = idx.buckets.find(key); b != idx.buckets.end()) {
                    b->second.erase(&r);
                    if (b->second.empty()) idx.buckets.erase(b);
                }
            } else if (add) {
                ++idx.unindexed;
            } else {
                --idx.unindexed;
            }
        }
    }

    void upsert(Record record) {
        version = next_store_version();
        Table& t = tables[record.entity];
        auto it = t.records.find(record.id);
        if (it != t.records.end()) {
            index(t, it->second, false);
            it->second = std::move(record);
        } else {
            const std::string id = record.id;
            it = t.records.emplace(id, std::move(record)).first;
            ++total;
        }
        index(t, it->second, true);
    }

    // The attribute's index when it is exact for this entity, else nullptr (scan).
    static const AttributeIndex* usable_index(const std::string& entity, const Table& t,
                                              const std::string& attribute) {
        auto it = t.indexes.find(attribute);
        if (it != t.indexes.end()) return it->second.unindexed == 0 ? &it->second : nullptr;
        // No index entry at all: either nobody holds a value (an empty index is exact) or
        // the attribute is not indexed.
        const auto& names = indexed_attributes(entity);
        return std::find(names.begin(), names.end(), attribute) != names.end() ? &empty_index() : nullptr;
    }

    static const AttributeIndex& empty_index() {
        static const AttributeIndex e;
        return e;
    }
};

Store::Store() : impl_(std::make_unique<Impl>()) {}
Store::~Store() = default;
Store::Store(const Store& other) : impl_(std::make_unique<Impl>()) {
    // Indexes hold pointers into the records, so a copy re-inserts rather than copying them.
    for (const auto& [entity, table] : other.impl_->tables)
        for (const auto& [id, r] : table.records) impl_->upsert(r);
}
Store& Store::operator=(const Store& other) {
    if (this != &other) {
        Store copy(other);
        *this = std::move(copy);
    }
    return *this;
}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const Record* Store::find(const std::string& entity, const std::string& id) const {
    auto t = impl_->tables.find(entity);
    if (t == impl_->tables.end()) return nullptr;
    auto r = t->second.records.find(id);
    return r == t->second.records.end() ? nullptr : &r->second;
}

void Store::upsert(Record record) { impl_->upsert(std::move(record)); }

bool Store::erase(const std::string& entity, const std::string& id) {
    auto t = impl_->tables.find(entity);
    if (t == impl_->tables.end()) return false;
    auto r = t->second.records.find(id);
    if (r == t->second.records.end()) return false;
    impl_->index(t->second, r->second, false);
    t->second.records.erase(r);
    --impl_->total;
    impl_->version = next_store_version();
    return true;
}

std::size_t Store::count(const std::string& entity) const {
    auto t = impl_->tables.find(entity);
    return t == impl_->tables.end() ? 0 : t->second.records.size();
}

std::size_t Store::size() const { return impl_->total; }

std::uint64_t Store::version() const { return impl_->version; }

void Store::for_each(const std::string& entity, const std::function<void(const Record&)>& visit) const {
    auto t = impl_->tables.find(entity);
    if (t == impl_->tables.end()) return;
    for (const auto& [id, r] : t->second.records) visit(r);
}

void Store::for_each_record(const std::function<void(const Record&)>& visit) const {
    for (const auto& [entity, table] : impl_->tables)
        for (const auto& [id, r] : table.records) visit(r);
}

std::vector<const Record*> Store::referencing(const std::string& entity, const std::string& attribute,
                                              const std::string& target_id) const {
    std::vector<const Record*> out;
    auto t = impl_->tables.find(entity);
    if (t == impl_->tables.end()) return out;
    if (const auto* idx = Impl::usable_index(entity, t->second, attribute); idx && idx->lookup) {
        if (auto b = idx->buckets.find(target_id); b != idx->buckets.end())
            out.assign(b->second.begin(), b->second.end());
        std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
        return out;
    }
    for (const auto& [id, r] : t->second.records) {
        const Json* v = r.get(attribute);
        if (!v || !v->is_object()) continue;
        auto it = v->find("id");
        if (it != v->end() && it->is_string() && it->get_ref<const std::string&>() == target_id) out.push_back(&r);
    }
    return out;
}

QueryResult Store::query(const Query& q) const {
    QueryResult result;
    auto t = impl_->tables.find(q.entity);
    if (t == impl_->tables.end()) return result;
    const Impl::Table& table = t->second;

    // Candidates: the smallest set of index buckets a top-level "and" condition allows.
    std::vector<const Record*> candidates;
    bool from_index = false;
    if (q.filter.kind == Filter::Kind::And) {
        std::size_t best = table.records.size() + 1;
        std::vector<const std::unordered_set<const Record*>*> best_buckets;
        std::vector<const Record*> by_id;  // "id eq/in": the records themselves
        bool use_ids = false;
        for (const auto& c : q.filter.conditions) {
            if (c.attribute != "id" || (c.op != Op::Eq && c.op != Op::In)) continue;
            std::vector<const Record*> found;
            bool exact = true;
            auto add = [&](const Json& v) {
                if (!v.is_string()) { exact = exact && (v.is_number() || v.is_boolean()); return; }
                // Equality on strings folds case and accents; only [0-9a-f-] folds to itself.
                for (char ch : v.get_ref<const std::string&>())
                    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || ch == '-')) exact = false;
                auto r = table.records.find(v.get<std::string>());
                if (r != table.records.end()) found.push_back(&r->second);
            };
            if (c.op == Op::In && c.value.is_array())
                for (const auto& v : c.value) add(v);
            else
                add(c.value);
            if (!exact) continue;
            std::sort(found.begin(), found.end());
            found.erase(std::unique(found.begin(), found.end()), found.end());
            if (!use_ids || found.size() < by_id.size()) {
                by_id = std::move(found);
                use_ids = true;
            }
        }
        for (const auto& c : q.filter.conditions) {
            if (c.op != Op::Eq && c.op != Op::In) continue;
            const auto* idx = Impl::usable_index(q.entity, table, c.attribute);
            if (!idx) continue;
            std::vector<std::string> keys;
            bool ok = true;
            if (c.op == Op::In && c.value.is_array()) {
                for (const auto& v : c.value)
                    if (!condition_keys(v, idx->lookup, keys)) { ok = false; break; }
            } else {
                ok = condition_keys(c.value, idx->lookup, keys);
            }
            if (!ok) continue;
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
            std::vector<const std::unordered_set<const Record*>*> buckets;
            std::size_t n = 0;
            for (const auto& k : keys)
                if (auto b = idx->buckets.find(k); b != idx->buckets.end()) {
                    buckets.push_back(&b->second);
                    n += b->second.size();
                }
            if (n < best) {
                best = n;
                best_buckets = std::move(buckets);
                from_index = true;
            }
        }
        if (use_ids && by_id.size() <= best) {
            candidates = std::move(by_id);
            from_index = true;
        } else if (from_index) {
            candidates.reserve(best);
            for (const auto* b : best_buckets) candidates.insert(candidates.end(), b->begin(), b->end());
        }
    }

    std::vector<const Record*> matched;
    const FilterMatcher match(q.filter);
    if (from_index) {
        matched.reserve(candidates.size());
        for (const Record* r : candidates)
            if (match(*r)) matched.push_back(r);
    } else {
        for (const auto& [id, r] : table.records)
            if (match(r)) matched.push_back(&r);
    }
    result.total = matched.size();

    const std::size_t begin = std::min(q.skip, matched.size());
    const std::size_t end = q.top ? std::min(matched.size(), begin + q.top) : matched.size();
    if (begin >= end) return result;

    // Sort keys looked up once per row, not once per comparison.
    const std::size_t k = q.sort.size();
    std::vector<const Json*> keys(matched.size() * k);
    for (std::size_t i = 0; i < matched.size(); ++i)
        for (std::size_t s = 0; s < k; ++s) keys[i * k + s] = matched[i]->get(q.sort[s].attribute);
    std::vector<std::uint32_t> order(matched.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    auto before = [&](std::uint32_t a, std::uint32_t b) {
        for (std::size_t s = 0; s < k; ++s) {
            const int c = compare_values(keys[a * k + s], keys[b * k + s]);
            if (c != 0) return q.sort[s].descending ? c > 0 : c < 0;
        }
        return matched[a]->id < matched[b]->id;
    };
    if (end < order.size())
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(end), order.end(), before);
    else
        std::sort(order.begin(), order.end(), before);
    result.rows.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) result.rows.push_back(matched[order[i]]);
    return result;
}

Json Store::dump() const {
    Json out = Json::object();
    for (const auto& [entity, table] : impl_->tables) {
        if (table.records.empty()) continue;
        Json& e = out[entity];
        e = Json::object();
        for (const auto& [id, r] : table.records) e[id] = r.attributes;
    }
    return out;
}

bool Store::operator==(const Store& other) const {
    if (impl_->total != other.impl_->total) return false;
    for (const auto& [entity, table] : impl_->tables) {
        if (table.records.empty()) continue;
        auto o = other.impl_->tables.find(entity);
        if (o == other.impl_->tables.end() || o->second.records != table.records) return false;
    }
    return true;
}

Result<Store> load_store(const Json& dump) {
    if (!dump.is_object())
        return make_error("invalid_dump", "A store dump is an object {entity: {id: attributes}}.");
    Store store;
    for (const auto& [entity, records] : dump.items()) {
        if (!records.is_object())
            return make_error("invalid_dump", "Records of " + entity + " must be an object keyed by id.", entity);
        for (const auto& [id, attributes] : records.items()) {
            if (!attributes.is_object())
                return make_error("invalid_dump", "Attributes of " + entity + " " + id + " must be an object.", entity);
            store.upsert(Record{entity, id, attributes});
        }
    }
    return store;
}

}  // namespace casehub
