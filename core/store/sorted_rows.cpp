// Sorted orders of one row set: kept per sort, reversed in O(n), made in slices.
#include "core/store/sorted_rows.hpp"

#include <algorithm>

namespace casehub {
namespace {
constexpr std::size_t kKeptOrders = 32;  // 32 orders of 100k rows: 12.8 MB at most

std::vector<Sort> flipped(const std::vector<Sort>& sort) {
    std::vector<Sort> out = sort;
    for (auto& s : out) s.descending = !s.descending;
    return out;
}
}  // namespace

SortedRows::SortedRows(std::vector<const Record*> records, const std::optional<std::vector<Sort>>& given)
    : records_(std::move(records)) {
    if (!given) return;
    std::vector<std::uint32_t> identity(records_.size());
    for (std::size_t i = 0; i < identity.size(); ++i) identity[i] = static_cast<std::uint32_t>(i);
    orders_.emplace(spec_key(*given), std::move(identity));
}

std::string SortedRows::spec_key(const std::vector<Sort>& sort) {
    std::string k;
    for (const auto& s : sort) k += s.attribute + (s.descending ? "-" : "+") + ",";
    return k;
}

ColumnKeys& SortedRows::keys_of(const std::string& attribute) {
    auto& slot = columns_[attribute];
    if (!slot) slot = std::make_unique<ColumnKeys>(attribute);
    return *slot;
}

RowOrder SortedRows::row_order(const std::vector<Sort>& sort) {
    std::vector<RowOrder::Column> columns;
    for (const auto& s : sort) columns.push_back({&keys_of(s.attribute), s.descending});
    return RowOrder(records_, std::move(columns));
}

// The order of `sort` from the order of its flipped sort: reversed whole, then each run of
// equal sort values reversed back, because ties stay by ascending id in both directions.
std::vector<std::uint32_t> SortedRows::reversed(const std::vector<std::uint32_t>& order, const std::vector<Sort>& sort) {
    const RowOrder by = row_order(sort);
    std::vector<std::uint32_t> out(order.rbegin(), order.rend());
    std::size_t start = 0;
    for (std::size_t i = 1; i <= out.size(); ++i)
        if (i == out.size() || by.compare_columns(out[start], out[i]) != 0) {
            std::reverse(out.begin() + static_cast<std::ptrdiff_t>(start), out.begin() + static_cast<std::ptrdiff_t>(i));
            start = i;
        }
    return out;
}

void SortedRows::keep(const std::string& key, std::vector<std::uint32_t> order) {
    if (orders_.size() >= kKeptOrders) orders_.clear();
    orders_[key] = std::move(order);
}

const std::vector<std::uint32_t>* SortedRows::order(const std::vector<Sort>& sort, std::size_t budget) {
    const std::string key = spec_key(sort);
    if (auto it = orders_.find(key); it != orders_.end()) return &it->second;
    if (!job_ || job_->key != key) job_ = Job{key, sort, 0, std::nullopt};
    Job& job = *job_;
    std::size_t spent = 0;
    // Reversing a kept order is one O(n) pass, keys included: never spread over calls.
    const bool from_reverse = !sort.empty() && orders_.count(spec_key(flipped(sort))) > 0;
    if (from_reverse) budget = static_cast<std::size_t>(-1);
    // Keys first: each column's values read and folded once (a key costs about what a few
    // comparisons cost).
    while (job.column < sort.size()) {
        ColumnKeys& keys = keys_of(sort[job.column].attribute);
        if (!keys.complete(records_.size())) {
            if (spent >= budget) return nullptr;
            const std::size_t made_before = keys.size();
            keys.extend(records_, (budget - spent) / 4 + 1);
            spent += (keys.size() - made_before) * 4;
            if (!keys.complete(records_.size())) return nullptr;
        }
        ++job.column;
    }
    if (!job.sorting) {
        if (auto flip = orders_.find(spec_key(flipped(sort))); flip != orders_.end() && !sort.empty()) {
            std::vector<std::uint32_t> out = reversed(flip->second, sort);
            job_.reset();
            keep(key, std::move(out));
            return &orders_[key];
        }
        std::vector<std::uint32_t> items(records_.size());
        for (std::size_t i = 0; i < items.size(); ++i) items[i] = static_cast<std::uint32_t>(i);
        job.sorting.emplace(std::move(items));
    }
    if (spent >= budget && spent > 0) return nullptr;
    if (!job.sorting->run(row_order(sort), budget - std::min(budget, spent))) return nullptr;
    std::vector<std::uint32_t> out = job.sorting->take();
    job_.reset();
    keep(key, std::move(out));
    return &orders_[key];
}

}  // namespace casehub
