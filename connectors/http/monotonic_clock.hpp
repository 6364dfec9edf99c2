#pragma once
// The steady clock the rate limiter paces requests by; injected so tests can move it.

#include <chrono>
#include <mutex>
#include <thread>

namespace kaution::httpclient {

using SteadyTime = std::chrono::steady_clock::time_point;

class MonotonicClock {
 public:
  virtual ~MonotonicClock() = default;
  virtual SteadyTime now() const = 0;
  // Returns no earlier than `t` (for a manual clock: once the clock reads at least `t`).
  virtual void sleep_until(SteadyTime t) = 0;
};

class SystemMonotonicClock final : public MonotonicClock {
 public:
  SteadyTime now() const override { return std::chrono::steady_clock::now(); }
  void sleep_until(SteadyTime t) override { std::this_thread::sleep_until(t); }

  static SystemMonotonicClock& instance();
};

// Stands still; sleep_until moves it forward to the wake-up time at once. Thread-safe.
class ManualMonotonicClock final : public MonotonicClock {
 public:
  explicit ManualMonotonicClock(SteadyTime start = SteadyTime{}) : m_now(start) {}
  SteadyTime now() const override;
  void sleep_until(SteadyTime t) override;
  void advance(std::chrono::steady_clock::duration d);

 private:
  mutable std::mutex m_mutex;
  SteadyTime m_now;
};

}  // namespace kaution::httpclient
