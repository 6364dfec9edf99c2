#include "connectors/http/monotonic_clock.hpp"

#include <algorithm>

namespace kaution::httpclient {

SystemMonotonicClock& SystemMonotonicClock::instance() {
  static SystemMonotonicClock clock;
  return clock;
}

SteadyTime ManualMonotonicClock::now() const {
  std::lock_guard lock(m_mutex);
  return m_now;
}

void ManualMonotonicClock::sleep_until(SteadyTime t) {
  std::lock_guard lock(m_mutex);
  m_now = std::max(m_now, t);
}

void ManualMonotonicClock::advance(std::chrono::steady_clock::duration d) {
  std::lock_guard lock(m_mutex);
  m_now += d;
}

}  // namespace kaution::httpclient
