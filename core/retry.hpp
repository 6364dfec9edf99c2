#pragma once
// Retry policy for transient failures: exponential backoff with full jitter
// (delay = random(0, min(cap, base·2^(n-1))) before attempt n+1), a bank's Retry-After taking
// precedence, and a maximum number of attempts after which the work is faulty.

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

#include "core/clock.hpp"

namespace kaution {

struct RetryPolicy {
  int max_attempts = 12;
  std::chrono::seconds base{30};
  std::chrono::seconds cap{21600};
};

// Source of jitter; seeded in tests so that delays are reproducible.
class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // A uniformly distributed integer in [0, upper].
  virtual std::int64_t uniform(std::int64_t upper) = 0;
};

class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
  std::int64_t uniform(std::int64_t upper) override {
    return std::uniform_int_distribution<std::int64_t>(0, upper)(m_engine);
  }

 private:
  std::mt19937_64 m_engine;
};

// `failed_attempts` counts the attempts made so far, all failed (≥ 1). Returns when to try
// again, or nullopt when the budget is spent (failed_attempts ≥ max_attempts).
std::optional<TimePoint> next_attempt_at(const RetryPolicy& policy, int failed_attempts,
                                         TimePoint now,
                                         std::optional<std::chrono::seconds> retry_after,
                                         RandomSource& random);

// The upper bound of the jitter window before attempt `failed_attempts + 1`.
std::chrono::seconds backoff_ceiling(const RetryPolicy& policy, int failed_attempts);

// An HTTP Retry-After value: delta-seconds ("120") or an IMF-fixdate HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT"), relative to `now`; a date in the past is 0 s.
// Anything else is nullopt (the caller falls back to its own backoff).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now);

}  // namespace kaution
