#include "connectors/http/rate_limiter.hpp"

#include <algorithm>
#include <chrono>

namespace kaution::httpclient {

RateLimiter::RateLimiter(int per_second, MonotonicClock& clock)
    : m_per_second(per_second), m_clock(clock) {}

SteadyTime RateLimiter::reserve() {
  std::lock_guard lock(m_mutex);
  SteadyTime start = m_clock.now();
  if (m_per_second <= 0) return start;
  if (m_starts.size() >= static_cast<std::size_t>(m_per_second)) {
    start = std::max(start, m_starts.front() + std::chrono::seconds{1});
    m_starts.pop_front();
  }
  // Starts stay ascending: `start` ≥ every earlier reservation.
  if (!m_starts.empty()) start = std::max(start, m_starts.back());
  m_starts.push_back(start);
  return start;
}

void RateLimiter::acquire() {
  const SteadyTime start = reserve();
  if (start > m_clock.now()) m_clock.sleep_until(start);
}

}  // namespace kaution::httpclient
