// The orders of one row set (a view's records at one store version) by whatever sort the
// agent picks: each order made once and kept, so returning to a sort is free; the reverse
// of a kept order made in one O(n) pass; a new order made in slices of bounded work so a
// grid can spread a 100k-row sort over frames. Every order equals a full sort_before sort
// (ties by id, then entity). Pure; holds pointers into a Store (rebuild on Store::version()).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/store/query.hpp"
#include "core/base/record.hpp"
#include "core/store/sort_keys.hpp"
#include "core/store/stepwise_sort.hpp"

namespace casehub {

class SortedRows {
public:
    // `records` in the order of `given` (e.g. run_view's rows in the view's sort), which is
    // kept as that sort's order; no `given` = in no known order.
    explicit SortedRows(std::vector<const Record*> records, const std::optional<std::vector<Sort>>& given = std::nullopt);

    const std::vector<const Record*>& records() const { return records_; }

    // The rows in the order of `sort`, as indexes into records(), or nullptr while that order
    // is still being made: each call does about `budget` comparisons more of it. A call
    // with another sort sets the unfinished one aside (its keys made so far are kept).
    const std::vector<std::uint32_t>* order(const std::vector<Sort>& sort, std::size_t budget);

    // `sort`'s order when it is already made, else nullptr; never starts making it.
    const std::vector<std::uint32_t>* kept_order(const std::vector<Sort>& sort) const {
        const auto it = orders_.find(spec_key(sort));
        return it == orders_.end() ? nullptr : &it->second;
    }
    bool has_order(const std::vector<Sort>& sort) const { return kept_order(sort) != nullptr; }

    static std::string spec_key(const std::vector<Sort>& sort);  // "title+,createdon-,"

private:
    struct Job {
        std::string key;
        std::vector<Sort> sort;
        std::size_t column = 0;               // next column whose keys are being made
        std::optional<StepwiseSort> sorting;  // after the keys, unless derived by reversing
    };
    ColumnKeys& keys_of(const std::string& attribute);
    RowOrder row_order(const std::vector<Sort>& sort);
    std::vector<std::uint32_t> reversed(const std::vector<std::uint32_t>& order, const std::vector<Sort>& sort);
    void keep(const std::string& key, std::vector<std::uint32_t> order);

    std::vector<const Record*> records_;
    std::map<std::string, std::unique_ptr<ColumnKeys>> columns_;  // by attribute
    std::map<std::string, std::vector<std::uint32_t>> orders_;    // by spec_key
    std::optional<Job> job_;
};

}  // namespace casehub
