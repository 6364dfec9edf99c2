#pragma once
// SyncScheduler: drives the banks. Per configured access a connector (from the factory); one
// cycle runs
//   1. a check of every access not checked since it was configured (start, reload);
//   2. the exports due now (Exporter) and the manual assignments to pass on
//      (AssignmentSender);
//   3. per access whose import is due (every schedule.import_every_minutes; all of them in a
//      full cycle): the import (Importer), rate announcements (km), and, when due
//      (schedule.interest_distributions_every_hours), the interest distributions;
//   4. status derivation; then the closing of `ending` deposits of the accesses whose import
//      just completed (so that "no balance" is the bank's current word) and, when any closed,
//      derivation again.
// An inactive access gets no call; one whose credentials were refused none until a check
// succeeds; one whose call failed transiently none until its pause ends (the bank's
// Retry-After, else a backoff with full jitter). Restart-safe: all state that matters is in the
// store; the schedule starts with an import of every access. Threads: run_due()/run_full_cycle()
// from one thread (the worker, or main for --once); configure(), check_access(), wake() and
// request_stop() from any.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/retry.hpp"
#include "daemon/status_refresh.hpp"
#include "daemon/store_access.hpp"
#include "daemon/sync/assignment_sender.hpp"
#include "daemon/sync/closer.hpp"
#include "daemon/sync/connector_factory.hpp"
#include "daemon/sync/exchange_buffer.hpp"
#include "daemon/sync/exporter.hpp"
#include "daemon/sync/importer.hpp"
#include "daemon/sync/interest_import.hpp"
#include "daemon/sync/rate_announcer.hpp"
#include "daemon/sync/sync_service.hpp"
#include "daemon/sync/wakeup.hpp"

namespace kaution {

struct SyncSettings {
  StatusRules rules;
  RetryPolicy retry;
  std::chrono::minutes import_every{15};
  std::chrono::hours interest_every{24};
};

SyncSettings sync_settings(const Config& config);

struct CycleReport {
  ExportSummary exports;
  std::int64_t imports = 0;  // accesses whose import ran
  std::int64_t bookings_added = 0;
  std::int64_t interest_added = 0;
  std::int64_t rates_announced = 0;
  std::int64_t assignments_sent = 0;
  std::int64_t closed = 0;
  std::int64_t status_changes = 0;
  std::int64_t booking_differences = 0;  // full cycle only: bookings ≠ bank balance
  std::vector<std::string> unreachable;  // accesses with calls and not one answer
};

// kautiond --once: 0 when the cycle ran (even with faulty deposits), 3 when an access could
// not be reached at all.
inline constexpr int k_exit_unreachable = 3;
inline int once_exit_code(const CycleReport& report) {
  return report.unreachable.empty() ? 0 : k_exit_unreachable;
}

class SyncScheduler {
 public:
  // `refresh` is called after every run; `random` (default: seeded from the system) jitters
  // the retries. The store and clock must outlive the scheduler.
  SyncScheduler(StoreAccess& store, const Clock& clock, ConnectorFactory factory,
                StatusRefresh refresh, std::unique_ptr<RandomSource> random = nullptr);
  ~SyncScheduler();
  SyncScheduler(const SyncScheduler&) = delete;
  SyncScheduler& operator=(const SyncScheduler&) = delete;

  // Builds the accesses of `config` (a connector each) at once; its schedule, retry and status
  // rules apply from the next cycle, whose first step checks every access anew. A run under
  // way finishes with the accesses it started with.
  void configure(const Config& config);

  // The work due now; returns when the next work falls due.
  TimePoint run_due();
  // Everything once, whatever the schedule (kautiond --once).
  CycleReport run_full_cycle();

  // POST accesses/{name}/check (api::AccessChecker): calls the bank's check. Success (a
  // message for the operator) lifts a credentials refusal and wakes the worker, so that what
  // waited is exported at once; a refusal pauses the access. An unknown access or one without
  // connector is a `rejected` failure.
  Result<std::string> check_access(const std::string& name);
  // False when the build has no bank connectors (the factory is empty).
  bool has_connectors() const { return static_cast<bool>(m_factory); }

  // Asks the worker to run now (after a deposit write or a re-trigger).
  void wake() { m_wakeup.poke(); }
  SyncWakeup& wakeup() { return m_wakeup; }
  const Clock& clock() const { return m_clock; }
  // The run under way stops after its current step; waits end.
  void request_stop();
  bool stopping() const { return m_stopping; }

 private:
  struct Schedule {
    TimePoint next_import = TimePoint::min();
    TimePoint next_interest = TimePoint::min();
    TimePoint not_before = TimePoint::min();  // no call before (Retry-After, backoff)
    int failed_runs = 0;                      // export runs in a row stopped by a failed call
  };

  CycleReport run_cycle(bool full);
  std::shared_ptr<SyncAccess> make_access(const AccessConfig& config);
  // The accesses and settings for a cycle.
  AccessList begin_cycle();
  bool usable(const SyncAccess& access);
  // usable() and not paused after a failed call.
  bool may_call(const SyncAccess& access);
  // After a failed call: no call on the access until `retry_after` (the bank's word) or, without
  // it, a backoff with full jitter growing with the failed runs in a row (connectors.md: the
  // retries are per access).
  void pause(const SyncAccess& access, std::optional<std::chrono::seconds> retry_after);
  void after_exports(const SyncAccess& access, const ExportSummary& summary);
  void run_checks(const AccessList& accesses, CycleTally& tally);
  Result<std::string> check(SyncAccess& access, CycleTally* tally);
  struct AccessRun {
    bool complete = false;  // the import completed
    bool interest = false;  // the interest distributions were asked for
  };
  // Reads the access's directory and cursor and requests its first page (Importer::start).
  ImportStart start_import(SyncAccess& access);
  // Import (from `start`), rates, interest.
  AccessRun sync_access(SyncAccess& access, ImportStart start, bool with_interest,
                        CycleTally& tally, CycleReport& report);
  // Derives the statuses the last steps may have changed (TouchedDeposits), or every status
  // on the first run, on a new day and after a credentials change.
  std::int64_t refresh();
  std::int64_t count_booking_differences();
  TimePoint next_due(const AccessList& accesses);
  // After a run: the store's caches and the heap's free memory go back to the system, so that
  // an idle daemon stays small.
  void release_memory();

  StoreAccess& m_store;
  const Clock& m_clock;
  ConnectorFactory m_factory;
  StatusRefresh m_refresh;
  std::unique_ptr<RandomSource> m_random;
  std::atomic<bool> m_stopping{false};
  SyncWakeup m_wakeup;
  ExchangeBuffer m_exchanges;  // before the accesses: their connectors report to it
  Exporter m_exporter;
  AssignmentSender m_assignments;
  Importer m_importer;
  InterestImport m_interest;
  RateAnnouncer m_rates;
  Closer m_closer;

  std::mutex m_cycle_mutex;  // one cycle at a time
  SyncSettings m_settings;   // read and written by the cycle only
  // The day every status was last derived; then only what runs touch, until the day changes.
  std::optional<Date> m_refreshed_on;
  TouchedDeposits m_touched;
  std::atomic<bool> m_credentials_changed{false};  // by check_access, from any thread
  std::map<std::string, Schedule, std::less<>> m_schedule;

  std::mutex m_accesses_mutex;  // guards the three below
  AccessList m_accesses;
  std::set<std::string, std::less<>> m_unchecked;
  SyncSettings m_next_settings;
};

}  // namespace kaution
