#include "daemon/app.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include "daemon/api/api_server.hpp"
#include "daemon/status_refresh.hpp"
#include "daemon/sync/sync_service.hpp"

namespace kaution {
namespace {

using namespace std::chrono_literals;

constexpr auto k_api_stop_grace = 10s;
constexpr auto k_api_reload_timeout = 30s;

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
  m_sync = std::make_unique<SyncService>(m_store_access, clock, &refresh_statuses, m_config);
}

Daemon::~Daemon() = default;

void Daemon::start_api() {
  api::ApiHooks hooks;
  hooks.reload = [this] { return m_reload_requests.request(k_api_reload_timeout); };
  if (m_sync->has_connectors())
    hooks.check_access = [this](const std::string& name) { return m_sync->check_access(name); };
  hooks.exports_queued = [this] { m_sync->wake(); };
  m_api =
      std::make_unique<api::ApiServer>(m_config, m_store_access, m_clock, std::move(hooks), [this] {
        return http::Readiness{m_ready.load(), "kautiond is starting or stopping"};
      });
}

void Daemon::stop_api() {
  m_ready = false;
  if (m_api) m_api->stop(k_api_stop_grace);
}

int Daemon::run_cycle() {
  return m_sync->run_once();
}

bool Daemon::reload() {
  sd_notify(0, "RELOADING=1");
  m_reload_requests.started();
  auto loaded = load_config_file(m_config_path, SecretEnvironment::from_process());
  if (!loaded) {
    std::string detail;
    for (const ConfigError& e : loaded.error()) {
      spdlog::error("RELOAD_REJECTED {}", format(e));
      detail += (detail.empty() ? "" : "; ") + format(e);
    }
    spdlog::error("RELOAD_REJECTED keeping the previous config");
    m_reload_requests.finished({false, detail});
    sd_notify(0, "READY=1");
    return false;
  }
  if (m_api) {
    try {
      m_api->apply(*loaded);
    } catch (const std::exception& e) {
      spdlog::error("RELOAD_REJECTED {}; keeping the previous config", e.what());
      m_reload_requests.finished({false, e.what()});
      sd_notify(0, "READY=1");
      return false;
    }
  }
  m_config = std::move(*loaded);
  m_sync->configure(m_config);
  spdlog::info("RELOADED {}", summarize(m_config));
  m_reload_requests.finished({true, summarize(m_config)});
  sd_notify(0, "READY=1");
  return true;
}

int Daemon::run(const SignalWaiter& signals) {
  // A crash between an import's commit and the derivation after it leaves statuses behind
  // their facts: they follow the facts again before anything is served.
  const StatusRules rules{m_config.rules.stale_after_days,
                          m_config.rules.faulty_without_balance_after_days};
  const RefreshResult derived =
      m_store_access.with([&](Store& s) { return refresh_statuses(s, today(m_clock), rules); });
  if (derived.changed > 0) spdlog::info("STATUSES_DERIVED changed={}", derived.changed);
  start_api();
  m_sync->start();
  m_ready = true;
  sd_notify(0, "READY=1");
  spdlog::info("READY {}", summarize(m_config));
  for (;;) {
    sd_notify(0, "WATCHDOG=1");
    switch (signals.wait(loop_tick(m_config))) {
      case SignalEvent::stop:
        sd_notify(0, "STOPPING=1");
        spdlog::info("STOPPING on signal");
        stop_api();
        m_sync->stop();  // lets the step under way finish
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
