#pragma once
// The subcommands of kautionctl, registered on a CLI11 app; each leaf gets an Action that runs
// once parsing is done. Option values live in shared state captured by the actions.

#include <CLI/CLI.hpp>

#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <vector>

#include "daemon/ctl/command.hpp"
#include "daemon/ctl/connection.hpp"

namespace kaution::ctl {

struct Action {
  NeededRole role = NeededRole::any;
  bool needs_api = true;  // false: runs without a client (statement parse)
  std::function<int(const Context& ctx)> run;
};

// Which leaf was chosen and the streams that commands without a client use.
class CommandSet {
 public:
  void add(CLI::App* leaf, Action action) { m_actions.emplace_back(leaf, std::move(action)); }
  // The action of the leaf given on the command line; nullptr when none.
  const Action* selected() const;

 private:
  std::vector<std::pair<CLI::App*, Action>> m_actions;
};

struct CommandStreams {
  std::istream& in;
  std::ostream* progress;  // the terminal for the import's bar, or nullptr
};

void add_deposit_commands(CLI::App& app, CommandSet& set, const CommandStreams& streams);
void add_booking_commands(CLI::App& app, CommandSet& set);
void add_operation_commands(CLI::App& app, CommandSet& set);
void add_statement_commands(CLI::App& app, CommandSet& set);

// An option that leaves `target` unset unless given; `target` must outlive the parse.
CLI::Option* add_optional(CLI::App* app, const std::string& name,
                          std::optional<std::string>& target, const std::string& help);

}  // namespace kaution::ctl
