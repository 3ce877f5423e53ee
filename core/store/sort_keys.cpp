// Sort keys: each value classified once (missing, boolean, number, text, datetime, lookup)
// with its folded text, so comparing two keys mirrors compare_values step by step without
// touching JSON. Objects without an id and arrays fall back to compare_values itself.
#include "core/store/sort_keys.hpp"

#include <algorithm>
#include <cstring>

namespace casehub {

bool ColumnKeys::extend(const std::vector<const Record*>& records, std::size_t budget) {
    keys_.reserve(records.size());
    const std::size_t end = std::min(records.size(), keys_.size() + std::max<std::size_t>(budget, 1));
    for (std::size_t i = keys_.size(); i < end; ++i) {
        Key k;
        const Json* v = records[i]->get(attribute_);
        k.value = v;
        if (!v) {
            k.kind = Kind::Missing;
        } else if (v->is_boolean()) {
            k.kind = Kind::Boolean;
            k.integer = v->get<bool>() ? 1 : 0;
        } else if (v->is_number()) {
            k.kind = v->is_number_integer() ? Kind::Integer : Kind::Float;
            if (v->is_number_integer()) k.integer = v->get<std::int64_t>();
            k.number = v->get<double>();
        } else if (v->is_string()) {
            const std::string& s = v->get_ref<const std::string&>();
            const std::string folded = fold_for_compare(s);
            k.text_begin = static_cast<std::uint32_t>(text_.size());
            k.text_size = static_cast<std::uint32_t>(folded.size());
            text_ += folded;
            if (is_iso_datetime_text(s)) {
                k.kind = Kind::DateTime;
                k.integer = iso_datetime_millis(s);
            } else {
                k.kind = Kind::Text;
            }
        } else if (auto id = v->is_object() ? v->find("id") : v->end(); v->is_object() && id != v->end() &&
                                                                        id->is_string()) {
            const std::string& s = id->get_ref<const std::string&>();
            k.kind = Kind::Lookup;
            k.text_begin = static_cast<std::uint32_t>(text_.size());
            k.text_size = static_cast<std::uint32_t>(s.size());
            text_ += s;
        } else {
            k.kind = Kind::Other;
        }
        keys_.push_back(k);
    }
    return keys_.size() == records.size();
}

int ColumnKeys::rank(Kind k) {
    switch (k) {
        case Kind::Missing: return 0;
        case Kind::Boolean: return 1;
        case Kind::Integer:
        case Kind::Float: return 2;
        case Kind::Text:
        case Kind::DateTime: return 3;
        case Kind::Lookup:
        case Kind::Other: return 4;
    }
    return 5;
}

int ColumnKeys::compare(std::uint32_t a, std::uint32_t b) const {
    const Key& x = keys_[a];
    const Key& y = keys_[b];
    if (x.kind == Kind::Missing || y.kind == Kind::Missing)
        return x.kind != Kind::Missing ? 1 : y.kind != Kind::Missing ? -1 : 0;
    // A lookup against a string compares raw ids; objects without an id order by their
    // text: rare enough to take compare_values' own path.
    const bool x_text = x.kind == Kind::Text || x.kind == Kind::DateTime;
    const bool y_text = y.kind == Kind::Text || y.kind == Kind::DateTime;
    if (x.kind == Kind::Other || y.kind == Kind::Other || (x.kind == Kind::Lookup && y_text) ||
        (y.kind == Kind::Lookup && x_text))
        return compare_values(x.value, y.value);
    const int rx = rank(x.kind), ry = rank(y.kind);
    if (rx != ry) return rx < ry ? -1 : 1;
    if (x.kind == Kind::Boolean) return static_cast<int>(x.integer - y.integer);
    if (rx == 2) {
        if (x.kind == Kind::Integer && y.kind == Kind::Integer) return x.integer < y.integer ? -1 : x.integer > y.integer ? 1 : 0;
        return x.number < y.number ? -1 : x.number > y.number ? 1 : 0;
    }
    if (x.kind == Kind::DateTime && y.kind == Kind::DateTime) {
        const int c = std::memcmp(x.value->get_ref<const std::string&>().data(),
                                  y.value->get_ref<const std::string&>().data(), 19);
        if (c != 0) return c < 0 ? -1 : 1;
        return x.integer < y.integer ? -1 : x.integer > y.integer ? 1 : 0;
    }
    // Folded text, or two lookup ids: bytes compared unsigned, a prefix first.
    const std::size_t n = std::min(x.text_size, y.text_size);
    const int c = n ? std::memcmp(text_.data() + x.text_begin, text_.data() + y.text_begin, n) : 0;
    if (c != 0) return c < 0 ? -1 : 1;
    return x.text_size < y.text_size ? -1 : x.text_size > y.text_size ? 1 : 0;
}

}  // namespace casehub
