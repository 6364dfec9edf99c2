#pragma once
// Signals as events: SIGTERM/SIGINT (stop) and SIGHUP (reload) are blocked in every thread and
// taken synchronously by the main loop, so no work is interrupted half-way by a handler.

#include <chrono>

namespace kaution {

enum class SignalEvent { none, stop, reload };

class SignalWaiter {
 public:
  // Blocks the signals for the calling thread and every thread started after it:
  // construct it first thing in main().
  SignalWaiter();
  ~SignalWaiter();
  SignalWaiter(const SignalWaiter&) = delete;
  SignalWaiter& operator=(const SignalWaiter&) = delete;

  // Waits up to `timeout` for a signal; `none` when the time ran out.
  SignalEvent wait(std::chrono::milliseconds timeout) const;
};

}  // namespace kaution
