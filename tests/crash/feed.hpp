#pragma once
// Crash harness: a ledger following the booking feed (GET /api/v1/bookings?after=) on its own
// thread while kautiond is killed and restarted, keeping its `after` across the restarts as a
// ledger would. What it saw shows whether the feed ever skipped a booking.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "tests/crash/calls.hpp"

namespace kaution::crash {

class FeedConsumer {
 public:
  explicit FeedConsumer(Target api);
  ~FeedConsumer();
  FeedConsumer(const FeedConsumer&) = delete;
  FeedConsumer& operator=(const FeedConsumer&) = delete;

  // Waits until it has read up to `seq`; false after `timeout`.
  bool catch_up(std::int64_t seq, std::chrono::milliseconds timeout);
  // Stops the thread; the booking_ids seen.
  std::set<std::string> stop();

 private:
  void loop();
  bool poll();

  Target m_api;
  std::atomic<bool> m_stop{false};
  std::atomic<std::int64_t> m_after{0};
  std::mutex m_mutex;
  std::set<std::string> m_seen;
  std::thread m_thread;
};

}  // namespace kaution::crash
