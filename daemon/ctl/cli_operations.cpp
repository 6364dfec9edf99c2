// `kautionctl status | health | ready | reload | metrics | exports | accesses | reconciliation`
// on the command line.

#include "daemon/ctl/cli_commands.hpp"
#include "daemon/ctl/operations.hpp"
#include "daemon/ctl/reconciliation.hpp"

namespace kaution::ctl {
namespace {

void add_simple(CLI::App& app, CommandSet& set, const std::string& name, const std::string& help,
                NeededRole role, int (*fn)(const Context&)) {
  set.add(app.add_subcommand(name, help), {role, true, fn});
}

void add_exports(CLI::App& app, CommandSet& set) {
  auto* group = app.add_subcommand("exports", "Exports to the banks");
  group->require_subcommand(1);
  auto selection = std::make_shared<RetriggerSelection>();
  auto* retrigger = group->add_subcommand("retrigger", "Re-trigger the exports of a selection");
  add_optional(retrigger, "--status", selection->status, "Deposits with this status (faulty)");
  add_optional(retrigger, "--connector", selection->connector, "Of this connector");
  add_optional(retrigger, "--access", selection->access, "Of this access");
  set.add(retrigger, {NeededRole::support, true, [selection](const Context& ctx) {
                        return retrigger_exports(ctx, *selection);
                      }});
}

void add_accesses(CLI::App& app, CommandSet& set) {
  auto* group = app.add_subcommand("accesses", "Bank accesses");
  group->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto* check = group->add_subcommand("check", "Check an access's credentials against its bank");
  check->add_option("NAME", *name, "The access's name")->required();
  set.add(check, {NeededRole::support, true,
                  [name](const Context& ctx) { return check_access(ctx, *name); }});
}

void add_reconciliation(CLI::App& app, CommandSet& set) {
  auto query = std::make_shared<ReconciliationQuery>();
  auto* rec = app.add_subcommand("reconciliation", "Bank figures against the ledger's");
  add_optional(rec, "--as-of", query->as_of, "As of this date (YYYY-MM-DD)");
  rec->add_flag("--all", query->all, "Every deposit, not only those that differ");
  auto* csv = rec->add_flag("--csv", query->csv, "CSV (';', header row) instead of a table");
  rec->add_flag("--bom", query->bom, "Start the CSV with a UTF-8 BOM")->needs(csv);
  set.add(rec, {NeededRole::any, true,
                [query](const Context& ctx) { return show_reconciliation(ctx, *query); }});
}

}  // namespace

void add_operation_commands(CLI::App& app, CommandSet& set) {
  add_simple(app, set, "status", "Counts per status, connector and access; last exchanges",
             NeededRole::any, show_status);
  add_simple(app, set, "health", "Is the daemon alive (GET /healthz)", NeededRole::none,
             show_health);
  add_simple(app, set, "ready", "Is the daemon ready (GET /readyz)", NeededRole::none, show_ready);
  add_simple(app, set, "reload", "Make the daemon re-read its config", NeededRole::support,
             reload_config);
  add_simple(app, set, "metrics", "Prometheus metrics (GET /metrics)", NeededRole::none,
             show_metrics);
  add_exports(app, set);
  add_accesses(app, set);
  add_reconciliation(app, set);
}

}  // namespace kaution::ctl
