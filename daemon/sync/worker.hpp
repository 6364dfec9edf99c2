#pragma once
// SyncWorker: the thread that runs the scheduler — a run of what is due, then a wait until the
// next work falls due or someone pokes the wake-up. Stopping (destruction) lets the step under
// way finish; every step is atomic in the store, so the next start continues from there.

#include <thread>

#include "daemon/sync/scheduler.hpp"

namespace kaution {

class SyncWorker {
 public:
  // Starts the thread; `scheduler` must outlive the worker.
  explicit SyncWorker(SyncScheduler& scheduler);
  // Asks the scheduler to stop and joins the thread.
  ~SyncWorker();
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

 private:
  void loop();

  SyncScheduler& m_scheduler;
  std::thread m_thread;
};

}  // namespace kaution
