// A merge sort of row indexes that can stop after a budget of work and resume later, so a
// UI can sort 100k rows across several frames. Given a strict total order the result is
// the one std::sort gives (there is only one sorted order); tests check it for any budget.
// Header-only: the comparator is inlined into the merge loop.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace casehub {

class StepwiseSort {
public:
    explicit StepwiseSort(std::vector<std::uint32_t> items) : a_(std::move(items)), b_(a_.size()) {
        done_ = a_.size() <= 1;
    }

    // Sorts on for about `budget` comparisons (at least one run or merge step); true once
    // sorted. `less` must be the same order on every call.
    template <class Less>
    bool run(const Less& less, std::size_t budget) {
        const std::size_t n = a_.size();
        std::size_t spent = 0;
        while (!done_ && (spent < budget || spent == 0)) {
            if (run_start_ < n) {
                // Short runs sorted in place first; their cost counted as n log n.
                const std::size_t end = std::min(n, run_start_ + kRun);
                std::sort(a_.begin() + static_cast<std::ptrdiff_t>(run_start_), a_.begin() + static_cast<std::ptrdiff_t>(end),
                          less);
                spent += (end - run_start_) * 4;
                run_start_ = end;
                continue;
            }
            if (width_ >= n) {
                done_ = true;
                break;
            }
            if (!merging_) {
                if (lo_ >= n) {  // pass finished: merged runs are twice as wide
                    a_.swap(b_);
                    width_ *= 2;
                    lo_ = 0;
                    continue;
                }
                mid_ = std::min(n, lo_ + width_);
                hi_ = std::min(n, lo_ + 2 * width_);
                i_ = lo_;
                j_ = mid_;
                k_ = lo_;
                merging_ = true;
            }
            // Stable merge of [lo, mid) and [mid, hi) into b_, resumable at any element.
            while (i_ < mid_ && j_ < hi_ && spent < budget) {
                b_[k_++] = less(a_[j_], a_[i_]) ? a_[j_++] : a_[i_++];
                ++spent;
            }
            if (i_ == mid_ || j_ == hi_) {
                std::copy(a_.begin() + static_cast<std::ptrdiff_t>(i_), a_.begin() + static_cast<std::ptrdiff_t>(mid_),
                          b_.begin() + static_cast<std::ptrdiff_t>(k_));
                k_ += mid_ - i_;
                std::copy(a_.begin() + static_cast<std::ptrdiff_t>(j_), a_.begin() + static_cast<std::ptrdiff_t>(hi_),
                          b_.begin() + static_cast<std::ptrdiff_t>(k_));
                spent += (hi_ - lo_) / 16 + 1;
                merging_ = false;
                lo_ = hi_;
            }
        }
        return done_;
    }

    bool done() const { return done_; }
    // The sorted indexes (once done()).
    std::vector<std::uint32_t> take() { return std::move(a_); }

private:
    static constexpr std::size_t kRun = 32;
    std::vector<std::uint32_t> a_, b_;  // merge passes read a_ and write b_, then swap
    std::size_t run_start_ = 0;
    std::size_t width_ = kRun;
    std::size_t lo_ = 0, mid_ = 0, hi_ = 0, i_ = 0, j_ = 0, k_ = 0;
    bool merging_ = false;
    bool done_ = false;
};

}  // namespace casehub
