#pragma once
// SyncHarness: the sync runtime as kautiond runs it — a temporary SqliteStore behind
// StoreAccess, a ManualClock, a SyncScheduler configured with the driver's access and the
// daemon's status derivation — plus the ledger's side (deposits stored as the API stores
// them) and read-outs for the scenarios.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "daemon/store_access.hpp"
#include "daemon/sync/scheduler.hpp"
#include "tests/daemon/sync/bank_driver.hpp"
#include "tests/queue/store_fixture.hpp"

namespace kaution::test {

class SyncHarness {
 public:
  explicit SyncHarness(std::unique_ptr<BankDriver> bank);

  BankDriver& bank() { return *m_bank; }
  ManualClock& clock() { return m_clock; }
  SqliteStore& store() { return *m_store; }
  StoreAccess& store_access() { return m_access; }
  SyncScheduler& sync() { return m_sync; }
  // Edit, then reconfigure().
  Config& config() { return m_config; }
  void reconfigure() { m_sync.configure(m_config); }
  const std::string& access_name() const { return m_config.accesses.front().name; }

  Date today() const { return kaution::today(m_clock); }
  // Moves the daemon's clock and the bank's (BankDriver::advance) together.
  void advance(std::chrono::seconds by) {
    m_clock.advance(by);
    m_bank->advance(by);
  }
  void advance_days(int days) { advance(std::chrono::days{days}); }

  // Stores the deposit as the API does (upsert, derived status) and returns its id.
  std::string put(const nlohmann::json& deposit);
  // One full cycle (kautiond --once).
  CycleReport cycle() { return m_sync.run_full_cycle(); }
  DepositStatus status(const std::string& id);
  StoredDeposit stored(const std::string& id);

 private:
  std::unique_ptr<BankDriver> m_bank;
  TempFile m_file;
  ManualClock m_clock;
  std::unique_ptr<SqliteStore> m_store;
  StoreAccess m_access;
  Config m_config;
  SyncScheduler m_sync;
};

}  // namespace kaution::test
