#pragma once
// RateLimiter: at most R request starts in any one-second window (a sliding window over the
// last R start times). Stricter than a token bucket of capacity R, which lets 2R through
// across a window edge; still allows a burst of R after a quiet second. Thread-safe; callers
// are served in the order they ask.

#include <deque>
#include <mutex>

#include "connectors/http/monotonic_clock.hpp"

namespace kaution::httpclient {

class RateLimiter {
 public:
  // `per_second` ≤ 0: unlimited.
  RateLimiter(int per_second, MonotonicClock& clock);

  // Reserves the earliest permitted start time (≥ now) without waiting.
  SteadyTime reserve();
  // Reserves a start time and sleeps until it.
  void acquire();

 private:
  int m_per_second;
  MonotonicClock& m_clock;
  std::mutex m_mutex;
  std::deque<SteadyTime> m_starts;  // the last m_per_second reserved start times, ascending
};

}  // namespace kaution::httpclient
