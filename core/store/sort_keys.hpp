// Sort keys prepared once for many records, so a grid re-sorts 100k rows by comparing
// integers and folded bytes instead of walking JSON values and folding text on every
// comparison. Same total order as compare_values / sort_before (query.hpp); the tests
// check that against them on random records. Pure; holds pointers into a Store, so keys
// are valid only while the store is unchanged (key caches on Store::version()).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/store/query.hpp"
#include "core/base/record.hpp"

namespace casehub {

// One attribute of a list of records, as keys. Built in slices (extend) so that a grid can
// spread the work of 100k rows over frames.
class ColumnKeys {
public:
    explicit ColumnKeys(std::string attribute) : attribute_(std::move(attribute)) {}

    // Makes keys for up to `budget` more of `records` (the same list on every call); true
    // when every record has its key.
    bool extend(const std::vector<const Record*>& records, std::size_t budget);
    bool complete(std::size_t record_count) const { return keys_.size() == record_count; }
    std::size_t size() const { return keys_.size(); }  // records with a key so far

    // compare_values(records[a]->get(attribute), records[b]->get(attribute)); both built.
    int compare(std::uint32_t a, std::uint32_t b) const;

    const std::string& attribute() const { return attribute_; }

private:
    enum class Kind : std::uint8_t { Missing, Boolean, Integer, Float, Text, DateTime, Lookup, Other };
    struct Key {
        Kind kind = Kind::Missing;
        std::uint32_t text_begin = 0, text_size = 0;  // folded text, or the raw id of a lookup, in text_
        std::int64_t integer = 0;                     // boolean, integer, or datetime milliseconds
        double number = 0.0;                          // any number, as compare_values reads it
        const Json* value = nullptr;                  // the value itself, for the rare mixed cases
    };
    static int rank(Kind k);
    std::string attribute_;
    std::vector<Key> keys_;
    std::string text_;
};

// Orders rows (indexes into the records the keys were built from) as sort_before does:
// by each column, descending where asked, then by id, then by entity (run_view's order for
// views over several entities). A strict total order, so any correct sort gives one result.
class RowOrder {
public:
    struct Column {
        const ColumnKeys* keys;
        bool descending;
    };
    RowOrder(const std::vector<const Record*>& records, std::vector<Column> columns)
        : records_(&records), columns_(std::move(columns)) {}

    // <0, 0, >0 on the sort columns only (0 = the same sort values).
    int compare_columns(std::uint32_t a, std::uint32_t b) const {
        for (const Column& c : columns_)
            if (const int r = c.keys->compare(a, b); r != 0) return c.descending ? -r : r;
        return 0;
    }
    bool operator()(std::uint32_t a, std::uint32_t b) const {
        if (const int c = compare_columns(a, b); c != 0) return c < 0;
        const Record& ra = *(*records_)[a];
        const Record& rb = *(*records_)[b];
        if (const int c = ra.id.compare(rb.id); c != 0) return c < 0;
        return ra.entity < rb.entity;
    }

private:
    const std::vector<const Record*>* records_;
    std::vector<Column> columns_;
};

}  // namespace casehub
