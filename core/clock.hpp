#pragma once
// The injected clock: every rule that says "today" asks a Clock, so tests can move time.

#include <chrono>
#include <string>

#include "core/date.hpp"

namespace kaution {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that stands still until moved; for tests and the sandbox.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : m_now(start) {}
  TimePoint now() const override { return m_now; }
  void set(TimePoint t) { m_now = t; }
  void advance(std::chrono::system_clock::duration d) { m_now += d; }

 private:
  TimePoint m_now;
};

// Offset of Europe/Berlin from UTC at `t`: CET (+1 h), or CEST (+2 h) from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU rule in force since 1996).
std::chrono::seconds berlin_utc_offset(TimePoint t);
// The calendar date in Europe/Berlin at `t`.
Date berlin_date(TimePoint t);
inline Date today(const Clock& clock) {
  return berlin_date(clock.now());
}

// A UTC time as RFC 3339 with seconds: "2026-11-23T11:32:30Z".
std::string to_rfc3339(TimePoint t);
// Midnight UTC at the start of `d`, plus `hours`: a convenient test instant.
TimePoint utc_time(Date d, int hours = 12);

}  // namespace kaution
