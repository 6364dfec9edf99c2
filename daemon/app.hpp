#pragma once
// Daemon: the running kautiond — config, store and the main loop. The loop takes signals
// synchronously (daemon/signals.hpp): SIGTERM/SIGINT stop it cleanly, SIGHUP reloads the config.

#include <atomic>
#include <filesystem>
#include <memory>

#include "config/load.hpp"
#include "core/clock.hpp"
#include "daemon/api/reload_requests.hpp"
#include "daemon/signals.hpp"
#include "daemon/store_access.hpp"
#include "queue/sqlite_store.hpp"

namespace kaution {

namespace api {
class ApiServer;
}
class SyncService;

class Daemon {
 public:
  // Opens the store named by the config; throws StoreError when it cannot.
  Daemon(std::filesystem::path config_path, Config config, const Clock& clock);
  ~Daemon();

  // One full sync cycle (kautiond --once): export what waits, import every access, derive
  // statuses, close what ended. Returns the exit code: 0, or 3 when an access could not be
  // reached at all.
  int run_cycle();
  // Starts the API server and the sync worker, waits for a stop signal, then stops both
  // gracefully; returns the exit code (0 after a clean stop).
  int run(const SignalWaiter& signals);
  // Re-reads and checks the config file; on any error keeps the old config and logs why.
  bool reload();

  Store& store() { return *m_store; }
  // The store for other threads: API handlers and the sync runtime take its mutex.
  StoreAccess& store_access() { return m_store_access; }
  const Config& config() const { return m_config; }

 private:
  std::filesystem::path m_config_path;
  Config m_config;
  const Clock& m_clock;
  std::unique_ptr<SqliteStore> m_store;
  StoreAccess m_store_access{*m_store};
  std::unique_ptr<SyncService> m_sync;  // the banks: exports, imports, access checks

  api::ReloadRequests m_reload_requests;  // POST /api/v1/reload, carried out by run()
  std::atomic<bool> m_ready{false};       // for GET /readyz
  std::unique_ptr<api::ApiServer> m_api;  // while run() runs

  void start_api();
  void stop_api();
};

}  // namespace kaution
