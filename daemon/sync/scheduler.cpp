#include "daemon/sync/scheduler.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <utility>

#include "daemon/sync/directory.hpp"

namespace kaution {
namespace {

std::unique_ptr<RandomSource> system_seeded() {
  std::random_device device;
  return std::make_unique<SeededRandom>((std::uint64_t{device()} << 32) | device());
}

}  // namespace

SyncSettings sync_settings(const Config& config) {
  SyncSettings s;
  s.rules = {config.rules.stale_after_days, config.rules.faulty_without_balance_after_days};
  s.retry = {config.retry.max_attempts, std::chrono::seconds{config.retry.base_seconds},
             std::chrono::seconds{config.retry.cap_seconds}};
  s.import_every = std::chrono::minutes{config.schedule.import_every_minutes};
  s.interest_every = std::chrono::hours{config.schedule.interest_distributions_every_hours};
  return s;
}

SyncScheduler::SyncScheduler(StoreAccess& store, const Clock& clock, ConnectorFactory factory,
                             StatusRefresh refresh, std::unique_ptr<RandomSource> random)
    : m_store(store),
      m_clock(clock),
      m_factory(std::move(factory)),
      m_refresh(std::move(refresh)),
      m_random(random ? std::move(random) : system_seeded()),
      m_exchanges(clock),
      m_exporter({store, clock, m_stopping, &m_exchanges, &m_touched}, *m_random),
      m_assignments({store, clock, m_stopping, &m_exchanges, &m_touched}),
      m_importer({store, clock, m_stopping, &m_exchanges, &m_touched}),
      m_interest({store, clock, m_stopping, &m_exchanges, &m_touched}),
      m_rates({store, clock, m_stopping, &m_exchanges, &m_touched}),
      m_closer({store, clock, m_stopping, &m_exchanges, &m_touched}) {
  if (!m_factory) spdlog::warn("SYNC_NO_CONNECTORS no bank connectors are built: nothing is sent");
}

SyncScheduler::~SyncScheduler() = default;

std::shared_ptr<SyncAccess> SyncScheduler::make_access(const AccessConfig& config) {
  std::unique_ptr<Connector> connector;
  if (m_factory && config.active) {
    try {
      connector = m_factory(config, ConnectorEnv{&m_clock, nullptr, m_exchanges.observer()});
    } catch (const std::exception& e) {
      spdlog::error("ACCESS_UNAVAILABLE access={} error=\"{}\"", config.name, e.what());
    }
  }
  return std::make_shared<SyncAccess>(config, std::move(connector));
}

void SyncScheduler::configure(const Config& config) {
  AccessList accesses;
  std::set<std::string, std::less<>> unchecked;
  for (const AccessConfig& a : config.accesses) {
    accesses.push_back(make_access(a));
    if (accesses.back()->active() && accesses.back()->has_connector()) unchecked.insert(a.name);
  }
  {
    std::lock_guard lock(m_accesses_mutex);
    m_accesses = std::move(accesses);
    m_unchecked = std::move(unchecked);
    m_next_settings = sync_settings(config);
  }
  m_wakeup.poke();
}

AccessList SyncScheduler::begin_cycle() {
  std::lock_guard lock(m_accesses_mutex);
  m_settings = m_next_settings;
  return m_accesses;
}

void SyncScheduler::request_stop() {
  m_stopping = true;
  m_wakeup.stop();
}

bool SyncScheduler::usable(const SyncAccess& access) {
  if (!access.active() || !access.has_connector()) return false;
  return !m_store.with([&](Store& s) { return s.access_state(access.name()).credentials_refused; });
}

bool SyncScheduler::may_call(const SyncAccess& access) {
  return usable(access) && m_clock.now() >= m_schedule[access.name()].not_before;
}

void SyncScheduler::pause(const SyncAccess& access,
                          std::optional<std::chrono::seconds> retry_after) {
  Schedule& s = m_schedule[access.name()];
  ++s.failed_runs;
  const std::chrono::seconds wait =
      retry_after ? *retry_after
                  : std::chrono::seconds{m_random->uniform(
                        backoff_ceiling(m_settings.retry, s.failed_runs).count())};
  s.not_before = std::max(s.not_before, m_clock.now() + wait);
  spdlog::info("ACCESS_PAUSED access={} until={} retry_after={}", access.name(),
               to_rfc3339(s.not_before), retry_after ? "bank" : "backoff");
}

void SyncScheduler::after_exports(const SyncAccess& access, const ExportSummary& summary) {
  if (summary.stopped)
    pause(access, summary.retry_after);
  else if (summary.accepted + summary.rejected > 0)
    m_schedule[access.name()].failed_runs = 0;
}

Result<std::string> SyncScheduler::check(SyncAccess& access, CycleTally* tally) {
  Result<void> checked = access.call([](Connector& c) { return c.check(); });
  if (tally) tally->record(access.name(), checked);
  if (checked) {
    const bool was_refused = m_store.with([&](Store& s) {
      const bool refused = s.access_state(access.name()).credentials_refused;
      if (refused) s.clear_credentials_refused(access.name());
      return refused;
    });
    if (was_refused) m_credentials_changed = true;
    spdlog::info("ACCESS_CHECKED access={} result=ok{}", access.name(),
                 was_refused ? " resumed=true" : "");
    return was_refused ? "credentials accepted; the access resumes" : "credentials accepted";
  }
  const Failure& f = checked.error();
  if (f.failure_class == FailureClass::credentials) {
    m_store.with([&](Store& s) { s.mark_credentials_refused(access.name(), f.message); });
    m_credentials_changed = true;
    spdlog::error("CREDENTIALS_REFUSED access={} message=\"{}\"", access.name(), f.message);
  } else
    spdlog::warn("ACCESS_CHECK_FAILED access={} class={} message=\"{}\"", access.name(),
                 to_string(f.failure_class), f.message);
  return std::unexpected(std::move(checked.error()));
}

Result<std::string> SyncScheduler::check_access(const std::string& name) {
  std::shared_ptr<SyncAccess> access;
  {
    std::lock_guard lock(m_accesses_mutex);
    for (const auto& a : m_accesses)
      if (a->name() == name) access = a;
  }
  if (!access || !access->has_connector()) {
    return std::unexpected(Failure{
        FailureClass::rejected,
        access ? "no connector for this access (inactive, or not in this build)" : "no such access",
        {},
        {}});
  }
  Result<std::string> result = check(*access, nullptr);
  if (result) m_wakeup.poke();
  return result;
}

void SyncScheduler::run_checks(const AccessList& accesses, CycleTally& tally) {
  for (const auto& access : accesses) {
    bool due = false;
    {
      std::lock_guard lock(m_accesses_mutex);
      due = m_unchecked.erase(access->name()) > 0;
    }
    if (due && access->active() && access->has_connector() && !m_stopping) check(*access, &tally);
  }
}

ImportStart SyncScheduler::start_import(SyncAccess& access) {
  auto directory = std::make_shared<const DepositDirectory>(
      build_directory(m_store.with([&](Store& s) { return s.directory(access.name()); })));
  return m_importer.start(access, std::move(directory));
}

SyncScheduler::AccessRun SyncScheduler::sync_access(SyncAccess& access, ImportStart start,
                                                    bool with_interest, CycleTally& tally,
                                                    CycleReport& report) {
  const std::shared_ptr<const DepositDirectory> directory_kept = start.directory;
  const DepositDirectory& directory = *directory_kept;
  const ImportSummary imported = m_importer.run(access, std::move(start), tally);
  ++report.imports;
  report.bookings_added += imported.added;
  if (imported.retry_after) pause(access, imported.retry_after);
  // A bank that has not answered once this cycle gets no more calls in it: none into an
  // outage, and no success a connector gives without calling (dkb's interest is in its
  // bookings) is taken for the bank's answer (kautiond --once exit 3).
  if (tally.unreachable(access.name())) return {imported.complete, false};
  if (may_call(access) && !m_stopping) report.rates_announced += m_rates.run(access, tally);
  const bool interest = with_interest && may_call(access) && !m_stopping;
  if (interest) report.interest_added += m_interest.run(access, directory, tally);
  return {imported.complete, interest};
}

std::int64_t SyncScheduler::refresh() {
  if (!m_refresh) return 0;
  const Date day = today(m_clock);
  const bool everything = m_touched.everything || m_credentials_changed.exchange(false) ||
                          !m_refreshed_on || *m_refreshed_on != day;
  const TouchedDeposits touched = std::exchange(m_touched, {});
  if (everything) {
    m_refreshed_on = day;
    return m_store.with([&](Store& s) { return m_refresh(s, day, m_settings.rules); }).changed;
  }
  if (touched.empty()) return 0;
  return m_store
      .with([&](Store& s) {
        std::vector<std::string> ids(touched.ids.begin(), touched.ids.end());
        if (touched.imported)
          for (std::string& id : s.deposits_in_status(DepositStatus::stale))
            if (!touched.ids.contains(id)) ids.push_back(std::move(id));
        return refresh_statuses_of(s, ids, day, m_settings.rules);
      })
      .changed;
}

std::int64_t SyncScheduler::count_booking_differences() {
  std::int64_t count = 0;
  m_store.with([&](Store& s) {
    s.for_each_facts([&](std::string_view, const DepositFacts& facts) {
      if (!facts.closed && derive_flags(facts).booking_difference) ++count;
    });
  });
  return count;
}

CycleReport SyncScheduler::run_cycle(bool full) {
  std::lock_guard cycle(m_cycle_mutex);
  const AccessList accesses = begin_cycle();
  CycleTally tally;
  CycleReport report;
  // After a start (or a crash) the statuses first follow the stored facts (the first
  // derivation covers every deposit).
  if (!m_refreshed_on) report.status_changes += refresh();
  run_checks(accesses, tally);
  for (const auto& access : accesses) {
    if (m_stopping) break;
    if (may_call(*access)) {
      const ExportSummary exported = m_exporter.run(*access, m_settings.retry, tally);
      after_exports(*access, exported);
      report.exports += exported;
    }
    if (may_call(*access)) report.assignments_sent += m_assignments.run(*access, tally);
    m_exchanges.flush(m_store);
  }
  std::vector<SyncAccess*> imported;  // completely: their balances are current
  const auto import_due = [&](const SyncAccess& access) {
    return !m_stopping && may_call(access) &&
           (full || m_clock.now() >= m_schedule[access.name()].next_import);
  };
  AccessList to_import;
  for (const auto& access : accesses)
    if (import_due(*access)) to_import.push_back(access);
  const auto imports_started = std::chrono::steady_clock::now();
  const std::int64_t bookings_before = report.bookings_added;
  std::optional<ImportStart> next;
  if (!to_import.empty()) next = start_import(*to_import.front());
  for (std::size_t i = 0; i < to_import.size(); ++i) {
    SyncAccess& access = *to_import[i];
    std::optional<ImportStart> current = std::exchange(next, std::nullopt);
    // The next access's first page is requested while this one's pages are stored.
    if (i + 1 < to_import.size() && import_due(*to_import[i + 1]))
      next = start_import(*to_import[i + 1]);
    // Not asked for: it was no longer due (stopping, paused); asked for: the page is dropped.
    if (!current || m_stopping || !may_call(access)) continue;
    Schedule& due = m_schedule[access.name()];
    const TimePoint now = m_clock.now();
    const bool with_interest = full || now >= due.next_interest;
    const AccessRun run = sync_access(access, std::move(*current), with_interest, tally, report);
    due.next_import = now + m_settings.import_every;
    if (run.interest) due.next_interest = now + m_settings.interest_every;
    if (run.complete) imported.push_back(&access);
    m_exchanges.flush(m_store);
  }
  if (!to_import.empty())
    spdlog::info(
        "IMPORTS_DONE accesses={} new_bookings={} seconds={:.3f}", to_import.size(),
        report.bookings_added - bookings_before,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - imports_started).count());
  report.status_changes += refresh();
  for (SyncAccess* access : imported)
    if (!m_stopping && may_call(*access))
      report.closed += m_closer.run(*access, m_settings.rules, tally);
  m_exchanges.flush(m_store);
  if (report.closed > 0) report.status_changes += refresh();
  if (full) report.booking_differences = count_booking_differences();
  report.unreachable = tally.unreachable_accesses();
  return report;
}

TimePoint SyncScheduler::next_due(const AccessList& accesses) {
  const TimePoint now = m_clock.now();
  TimePoint next = now + std::chrono::hours{1};
  for (const auto& access : accesses) {
    if (!usable(*access)) continue;
    const Schedule& due = m_schedule[access->name()];
    TimePoint access_next = due.next_import;
    const auto exports = m_store.with([&](Store& s) { return s.next_export_at(access->name()); });
    // Rows due now again (Retry-After: 0) wait a second rather than spin.
    if (exports)
      access_next = std::min(access_next, std::max(*exports, now + std::chrono::seconds{1}));
    next = std::min(next, std::max(access_next, due.not_before));
  }
  std::lock_guard lock(m_accesses_mutex);
  if (!m_unchecked.empty()) next = now;
  return next;
}

TimePoint SyncScheduler::run_due() {
  const CycleReport report = run_cycle(false);
  if (report.imports > 0 || report.exports.accepted + report.exports.rejected +
                                    report.exports.retried + report.exports.exhausted >
                                0)
    spdlog::info(
        "SYNC_RUN exported={} rejected={} retried={} exhausted={} imports={} new_bookings={} "
        "closed={} status_changes={}",
        report.exports.accepted, report.exports.rejected, report.exports.retried,
        report.exports.exhausted, report.imports, report.bookings_added, report.closed,
        report.status_changes);
  TimePoint next;
  {
    std::lock_guard cycle(m_cycle_mutex);
    next = next_due(begin_cycle());
  }
  release_memory();  // last: next_due reads the store too
  return next;
}

void SyncScheduler::release_memory() {
  m_store.with([](Store& s) { s.release_memory(); });
  malloc_trim(0);  // glibc keeps freed heap (an import's pages) unless asked
}

CycleReport SyncScheduler::run_full_cycle() {
  CycleReport report = run_cycle(true);
  spdlog::info(
      "CYCLE_DONE exported={} rejected={} retried={} exhausted={} imports={} new_bookings={} "
      "interest={} rates={} assignments={} closed={} status_changes={} booking_differences={} "
      "unreachable={}",
      report.exports.accepted, report.exports.rejected, report.exports.retried,
      report.exports.exhausted, report.imports, report.bookings_added, report.interest_added,
      report.rates_announced, report.assignments_sent, report.closed, report.status_changes,
      report.booking_differences, report.unreachable.size());
  for (const std::string& name : report.unreachable)
    spdlog::error("ACCESS_UNREACHABLE access={} (every call of the cycle failed)", name);
  return report;
}

}  // namespace kaution
