// `kautionctl deposits …` and `logs ID` on the command line.

#include "daemon/ctl/cli_commands.hpp"
#include "daemon/ctl/deposit_import.hpp"
#include "daemon/ctl/deposits.hpp"

namespace kaution::ctl {
namespace {

using Id = std::shared_ptr<std::string>;

// A leaf taking one ID, running `fn(ctx, id)`.
void add_id_command(CLI::App* group, CommandSet& set, const std::string& name,
                    const std::string& help, NeededRole role,
                    int (*fn)(const Context&, const std::string&), const std::string& alias = {}) {
  auto id = std::make_shared<std::string>();
  auto* leaf = group->add_subcommand(name, help);
  if (!alias.empty()) leaf->alias(alias);
  leaf->add_option("ID", *id, "deposit_id")->required();
  set.add(leaf, {role, true, [id, fn](const Context& ctx) { return fn(ctx, *id); }});
}

void add_list(CLI::App* group, CommandSet& set) {
  auto filter = std::make_shared<DepositFilter>();
  auto* list = group->add_subcommand("list", "The deposit list with filters and sums");
  add_optional(list, "--status", filter->status, "Only this status (e.g. faulty)");
  add_optional(list, "--connector", filter->connector, "Only this connector (aak, km, dkb)");
  add_optional(list, "--access", filter->access, "Only this access");
  add_optional(list, "--q,--search", filter->q, "Search by tenant name or IBAN");
  add_optional(list, "--from", filter->from, "Only from this date on");
  add_optional(list, "--offset", filter->offset, "Skip this many rows");
  add_optional(list, "--limit", filter->limit, "At most this many rows");
  auto* active = list->add_flag("--active-only", filter->active_only, "Only active deposits");
  list->add_flag("--ended-only", filter->ended_only, "Only ended deposits")->excludes(active);
  set.add(list, {NeededRole::any, true,
                 [filter](const Context& ctx) { return deposits_list(ctx, *filter); }});
}

void add_put(CLI::App* group, CommandSet& set, std::istream& in) {
  auto file = std::make_shared<std::string>();
  auto* put = group->add_subcommand("put", "Create or replace one deposit from a JSON file");
  put->add_option("FILE", *file, "A deposit object as JSON; - for standard input")->required();
  set.add(put, {NeededRole::ledger, true,
                [file, &in](const Context& ctx) { return deposits_put(ctx, *file, in); }});
}

void add_ledger(CLI::App* group, CommandSet& set) {
  auto id = std::make_shared<std::string>();
  auto figures = std::make_shared<LedgerFigures>();
  auto* ledger = group->add_subcommand("ledger", "Send what the ledger has booked for a deposit");
  ledger->add_option("ID", *id, "deposit_id")->required();
  ledger->add_option("--paid", figures->paid, "Paid per ledger (1340.00 or 1.340,00)")->required();
  ledger->add_option("--balance", figures->balance, "Balance per ledger")->required();
  ledger->add_option("--as-of", figures->as_of, "Date of the figures (YYYY-MM-DD)")->required();
  set.add(ledger, {NeededRole::ledger, true, [id, figures](const Context& ctx) {
                     return deposits_ledger(ctx, *id, *figures);
                   }});
}

void add_import(CLI::App* group, CommandSet& set, std::ostream* progress) {
  auto options = std::make_shared<ImportOptions>();
  auto file = std::make_shared<std::string>();
  auto rejected = std::make_shared<std::optional<std::string>>();
  auto* import = group->add_subcommand("import", "Import deposits from .json, .ndjson or .csv");
  import->add_option("FILE", *file, "The file")->required();
  add_optional(import, "--rejected-out", *rejected, "Write the rejected rows with reasons here");
  import->add_option("--batch-size", options->batch_size, "Deposits per request (max 10000)")
      ->check(CLI::Range(std::size_t{1}, k_max_batch_deposits));
  set.add(import, {NeededRole::ledger, true, [=](const Context& ctx) {
                     options->file = *file;
                     if (*rejected) options->rejected_out = **rejected;
                     options->progress = ctx.json ? nullptr : progress;
                     return import_deposits(ctx, *options);
                   }});
}

}  // namespace

void add_deposit_commands(CLI::App& app, CommandSet& set, const CommandStreams& streams) {
  auto* group = app.add_subcommand("deposits", "Deposits: list, show, write, import");
  group->require_subcommand(1);
  add_list(group, set);
  add_id_command(group, set, "show", "One deposit: master data, status, balance", NeededRole::any,
                 deposits_show);
  add_id_command(group, set, "history", "Status changes and bank exchanges, newest first",
                 NeededRole::any, deposits_history, "logs");
  add_put(group, set, streams.in);
  add_id_command(group, set, "delete", "Delete a deposit (only with balance 0)", NeededRole::ledger,
                 deposits_delete);
  add_id_command(group, set, "close", "Close a deposit (only with balance 0)", NeededRole::support,
                 deposits_close);
  add_ledger(group, set);
  add_id_command(group, set, "export", "Re-trigger the export now", NeededRole::support,
                 deposits_export);
  add_import(group, set, streams.progress);
  add_id_command(&app, set, "logs", "Same as `deposits history ID`", NeededRole::any,
                 deposits_history);
}

}  // namespace kaution::ctl
