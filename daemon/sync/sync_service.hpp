#pragma once
// SyncService: the daemon's handle on the sync runtime — the scheduler and, while the daemon
// runs, its worker thread. Connector headers stay out of it: the daemon holds it without
// seeing the bank side.

#include <functional>
#include <memory>
#include <string>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/failure.hpp"
#include "daemon/status_refresh.hpp"
#include "daemon/store_access.hpp"

namespace kaution {

class SyncScheduler;
class SyncWorker;

// Derives every deposit's status (daemon/status_refresh.hpp refresh_statuses).
using StatusRefresh = std::function<RefreshResult(Store&, Date, const StatusRules&)>;

class SyncService {
 public:
  // With the bank connectors built into this binary (none: logs it, and sends nothing).
  SyncService(StoreAccess& store, const Clock& clock, StatusRefresh refresh, const Config& config);
  ~SyncService();
  SyncService(const SyncService&) = delete;
  SyncService& operator=(const SyncService&) = delete;

  // A reloaded config: new accesses at once, new schedule and rules from the next run.
  void configure(const Config& config);
  // kautiond --once: one full cycle; 0 when it ran, 3 when an access was not reached at all.
  int run_once();
  // Starts / stops the worker thread (stop lets the step under way finish).
  void start();
  void stop();
  // After a deposit write or re-trigger: export now.
  void wake();
  bool has_connectors() const;
  // POST accesses/{name}/check (api::AccessChecker).
  Result<std::string> check_access(const std::string& name);

 private:
  std::unique_ptr<SyncScheduler> m_scheduler;
  std::unique_ptr<SyncWorker> m_worker;
};

}  // namespace kaution
