#pragma once
// What the API's handlers share: the store (behind the daemon's mutex), the injected clock, the
// settings taken from the config (replaced on reload) and the hooks into the rest of the daemon.
// Thread-safe: handlers run on many connection threads at once.

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/failure.hpp"
#include "daemon/store_access.hpp"
#include "mapping/status.hpp"
#include "mapping/validate.hpp"

namespace kaution::api {

// What the handlers need of the config; one immutable snapshot per load of the config.
struct ApiSettings {
  ValidationContext validation;  // the accesses and rules.bgb551
  StatusRules status_rules;
};

ApiSettings settings_from_config(const Config& config);

// The outcome of checking an access's credentials against its bank (the message is fit for an
// operator: no secret). An error Failure is a check that ran and failed (credentials refused,
// bank unreachable); it is answered 200 with the failure, not as an API error.
using AccessChecker = std::function<Result<std::string>(const std::string& access)>;

struct ReloadOutcome {
  bool ok = false;
  std::string detail;  // why not, or a summary of the new config
};

// Hooks filled by the daemon before the server starts; never changed after. Empty hooks make
// their endpoints answer 501.
struct ApiHooks {
  AccessChecker check_access;             // POST /api/v1/accesses/{name}/check
  std::function<ReloadOutcome()> reload;  // POST /api/v1/reload (as SIGHUP)
  // After a write queued work for the banks — exports, or a manual assignment to pass on:
  // wakes the sync runtime, so that it is sent at once rather than at the next schedule.
  std::function<void()> exports_queued;
};

class ApiContext {
 public:
  ApiContext(StoreAccess& store, const Clock& clock, ApiSettings settings, ApiHooks hooks);

  StoreAccess& store() { return m_store; }
  const Clock& clock() const { return m_clock; }
  Date today() const { return kaution::today(m_clock); }
  const ApiHooks& hooks() const { return m_hooks; }

  // The settings in force; a request keeps its snapshot even if a reload replaces them.
  std::shared_ptr<const ApiSettings> settings() const;
  void replace_settings(ApiSettings settings);
  // Tells the sync runtime that exports were queued (no-op without the hook).
  void notify_exports_queued() const;
  // Tells the sync runtime that a manual assignment waits to be passed to the bank (the same
  // hook: the runtime sends exports and assignments in one step).
  void notify_assignment_queued() const { notify_exports_queued(); }

 private:
  StoreAccess& m_store;
  const Clock& m_clock;
  ApiHooks m_hooks;
  mutable std::mutex m_mutex;
  std::shared_ptr<const ApiSettings> m_settings;
};

}  // namespace kaution::api
