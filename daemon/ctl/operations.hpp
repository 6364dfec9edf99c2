#pragma once
// `kautionctl status | health | ready | reload | metrics | exports retrigger | accesses check`.

#include <optional>
#include <string>

#include "daemon/ctl/command.hpp"

namespace kaution::ctl {

// GET /api/v1/status: counts per status per connector and access, last export/import.
int show_status(const Context& ctx);
// GET /healthz and GET /readyz (no token needed): the daemon's word; 503 → exit 1.
int show_health(const Context& ctx);
int show_ready(const Context& ctx);
// POST /api/v1/reload: the daemon re-reads its config (as on SIGHUP). Not in ledger-api.md
// yet; the path is this client's assumption.
int reload_config(const Context& ctx);
// GET /metrics: Prometheus text, printed as it is.
int show_metrics(const Context& ctx);

struct RetriggerSelection {
  std::optional<std::string> status, connector, access;
};
// POST /api/v1/exports:retrigger with the given members only.
int retrigger_exports(const Context& ctx, const RetriggerSelection& selection);
// POST /api/v1/accesses/{name}/check.
int check_access(const Context& ctx, const std::string& name);

}  // namespace kaution::ctl
