#pragma once
// SyncWakeup: how the API (after a deposit write, a re-trigger or a successful check) asks the
// sync worker to run now instead of at its next scheduled time. Pokes coalesce: many pokes
// during a run cause one more run.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kaution {

class SyncWakeup {
 public:
  // From any thread.
  void poke();
  // Ends every wait for good.
  void stop();
  bool stopped() const;
  // Waits until poked, stopped or `timeout` passed; consumes the poke.
  void wait_for(std::chrono::milliseconds timeout);

 private:
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_poked = false;
  bool m_stopped = false;
};

}  // namespace kaution
