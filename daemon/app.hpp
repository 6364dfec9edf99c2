#pragma once
// Daemon: the running kautiond — config, store and the main loop. The loop takes signals
// synchronously (daemon/signals.hpp): SIGTERM/SIGINT stop it cleanly, SIGHUP reloads the config.

#include <filesystem>
#include <memory>

#include "config/load.hpp"
#include "core/clock.hpp"
#include "daemon/signals.hpp"
#include "queue/sqlite_store.hpp"

namespace kaution {

class Daemon {
 public:
  // Opens the store named by the config; throws StoreError when it cannot.
  Daemon(std::filesystem::path config_path, Config config, const Clock& clock);

  // One pass of the work that is due now; at this stage: derive every deposit's status.
  void run_cycle();
  // Runs cycles until a stop signal; returns the exit code (0 after a clean stop).
  int run(const SignalWaiter& signals);
  // Re-reads and checks the config file; on any error keeps the old config and logs why.
  bool reload();

  Store& store() { return *m_store; }
  const Config& config() const { return m_config; }

 private:
  std::filesystem::path m_config_path;
  Config m_config;
  const Clock& m_clock;
  std::unique_ptr<SqliteStore> m_store;
};

}  // namespace kaution
