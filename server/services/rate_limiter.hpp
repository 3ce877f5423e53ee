// RateLimiter: one token bucket per key (a user id, a client address). A key may make
// `burst` requests at once and `per_second` more each second after that. Used by the
// push and inbound routes (429 + Retry-After beyond). Thread-safe; memory is bounded:
// beyond max_keys, buckets that are full again are dropped first.
#pragma once
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/base/time.hpp"

namespace casehub::server {

struct RateLimit {
    double per_second = 20;  // sustained requests per second per key
    double burst = 100;      // requests a key may make at once
};

class RateLimiter {
public:
    // `clock` gives the time (empty = steady system clock; tests pass their own).
    explicit RateLimiter(RateLimit limit, std::function<TimestampMs()> clock = {});

    // 0 when a request under `key` may go now (it takes one token); otherwise the whole
    // seconds (at least 1) until one is available, for Retry-After and the message.
    int take(const std::string& key);

private:
    struct Bucket {
        double tokens = 0;
        TimestampMs at = 0;
    };
    static constexpr std::size_t max_keys = 100'000;

    RateLimit limit_;
    std::function<TimestampMs()> clock_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace casehub::server
