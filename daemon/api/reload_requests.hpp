#pragma once
// Reloads asked for over the API, carried out by the daemon's main loop, which owns the config:
// request() wakes the loop with SIGHUP (blocked in every thread and taken by the loop, see
// daemon/signals.hpp) and waits until a reload that started after the request has finished —
// so the API and SIGHUP run the same reload function on the same thread.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "daemon/api/context.hpp"

namespace kaution::api {

class ReloadRequests {
 public:
  // From an API thread. Not ok with "timed out" when no reload finished within `timeout`.
  ReloadOutcome request(std::chrono::milliseconds timeout);
  // From the main loop, around each reload.
  void started();
  void finished(ReloadOutcome outcome);

 private:
  std::mutex m_mutex;
  std::condition_variable m_done;
  std::uint64_t m_started = 0;
  std::uint64_t m_finished = 0;
  ReloadOutcome m_last;
};

}  // namespace kaution::api
