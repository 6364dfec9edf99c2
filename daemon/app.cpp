#include "daemon/app.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include "daemon/status_refresh.hpp"

namespace kaution {
namespace {

using namespace std::chrono_literals;

StatusRules rules_of(const Config& config) {
  return {config.rules.stale_after_days, config.rules.faulty_without_balance_after_days};
}

// How long the loop may sleep: the cycle interval, or half the systemd watchdog period.
std::chrono::milliseconds loop_tick(const Config& config) {
  std::chrono::milliseconds tick = std::chrono::minutes{config.schedule.import_every_minutes};
  std::uint64_t watchdog_usec = 0;
  if (sd_watchdog_enabled(0, &watchdog_usec) > 0)
    tick = std::min(tick, std::chrono::milliseconds{watchdog_usec / 2000});
  return std::max(tick, std::chrono::milliseconds{100});
}

}  // namespace

Daemon::Daemon(std::filesystem::path config_path, Config config, const Clock& clock)
    : m_config_path(std::move(config_path)),
      m_config(std::move(config)),
      m_clock(clock),
      m_store(std::make_unique<SqliteStore>(m_config.store.path, clock)) {
  spdlog::info("STORE_OPENED path={} schema={}", m_config.store.path.string(),
               SqliteStore::schema_version());
}

void Daemon::run_cycle() {
  const RefreshResult refreshed = refresh_statuses(*m_store, today(m_clock), rules_of(m_config));
  spdlog::info("CYCLE_DONE deposits={} status_changes={}", refreshed.deposits, refreshed.changed);
}

bool Daemon::reload() {
  sd_notify(0, "RELOADING=1");
  auto loaded = load_config_file(m_config_path, SecretEnvironment::from_process());
  if (!loaded) {
    for (const ConfigError& e : loaded.error())
      spdlog::error("RELOAD_REJECTED {}", format(e));
    spdlog::error("RELOAD_REJECTED keeping the previous config");
    sd_notify(0, "READY=1");
    return false;
  }
  m_config = std::move(*loaded);
  spdlog::info("RELOADED {}", summarize(m_config));
  sd_notify(0, "READY=1");
  return true;
}

int Daemon::run(const SignalWaiter& signals) {
  sd_notify(0, "READY=1");
  spdlog::info("READY {}", summarize(m_config));
  auto next_cycle = std::chrono::steady_clock::now();
  for (;;) {
    if (std::chrono::steady_clock::now() >= next_cycle) {
      run_cycle();
      next_cycle = std::chrono::steady_clock::now() +
                   std::chrono::minutes{m_config.schedule.import_every_minutes};
    }
    sd_notify(0, "WATCHDOG=1");
    const auto until_cycle = std::chrono::duration_cast<std::chrono::milliseconds>(
        next_cycle - std::chrono::steady_clock::now());
    const auto wait = std::clamp(until_cycle, 0ms, loop_tick(m_config));
    switch (signals.wait(wait)) {
      case SignalEvent::stop:
        sd_notify(0, "STOPPING=1");
        spdlog::info("STOPPING on signal");
        return 0;
      case SignalEvent::reload:
        reload();
        break;
      case SignalEvent::none:
        break;
    }
  }
}

}  // namespace kaution
