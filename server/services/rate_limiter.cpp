// Token buckets, refilled lazily on each take().
#include "server/services/rate_limiter.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace casehub::server {

RateLimiter::RateLimiter(RateLimit limit, std::function<TimestampMs()> clock)
    : limit_(limit), clock_(std::move(clock)) {
    if (!clock_)
        clock_ = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                .count();
        };
}

int RateLimiter::take(const std::string& key) {
    const TimestampMs now = clock_();
    std::lock_guard lock(mutex_);
    auto refill = [&](Bucket& b) {
        b.tokens = std::min(limit_.burst, b.tokens + static_cast<double>(now - b.at) / 1000.0 * limit_.per_second);
        b.at = now;
    };
    if (buckets_.size() >= max_keys && !buckets_.count(key)) {
        for (auto it = buckets_.begin(); it != buckets_.end();) {
            refill(it->second);
            it = it->second.tokens >= limit_.burst ? buckets_.erase(it) : std::next(it);
        }
    }
    auto [it, inserted] = buckets_.try_emplace(key, Bucket{limit_.burst, now});
    Bucket& b = it->second;
    if (!inserted) refill(b);
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / limit_.per_second)));
}

}  // namespace casehub::server
