#include "daemon/ctl/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "daemon/ctl/cli_commands.hpp"
#include "daemon/ctl/command.hpp"

namespace kaution::ctl {
namespace {

struct GlobalFlags {
  ConnectionFlags connection;
  bool json = false;
  bool verbose = false;
};

// For commands that need no daemon: every request fails.
class NoClient final : public ApiClient {
 public:
  std::expected<ApiResponse, TransportError> send(const ApiRequest&) override {
    return std::unexpected(TransportError{"this command talks to no daemon"});
  }
};

void add_global_options(CLI::App& app, GlobalFlags& flags) {
  auto& c = flags.connection;
  add_optional(&app, "--socket", c.socket, "The daemon's Unix socket (/run/kautiond/api.sock)");
  add_optional(&app, "--url", c.url, "The daemon over TCP, e.g. http://127.0.0.1:8470");
  add_optional(&app, "--token", c.token, "API token (visible to other users: prefer a file)");
  add_optional(&app, "--token-file", c.token_file, "File holding the API token");
  add_optional(&app, "--config", c.config, "The daemon's config: socket and a token from it");
  add_optional(&app, "--token-name", c.token_name, "With --config: the token of this name");
  app.add_option("--timeout", c.timeout_seconds, "Seconds per request (600)")
      ->check(CLI::PositiveNumber);
  app.add_flag("--json", flags.json, "The daemon's JSON as it is, for scripts");
  app.add_flag("-v,--verbose", flags.verbose, "Show requests and answers (never the token)");
}

int run_action(const Action& action, const GlobalFlags& flags, const CliEnvironment& env) {
  if (!action.needs_api) {
    NoClient none;
    return action.run(Context{none, env.out, env.err, flags.json, false, nullptr});
  }
  auto options = resolve_connection(flags.connection, action.role, env.getenv);
  if (!options) {
    env.err << "kautionctl: " << options.error() << "\n";
    return k_exit_usage;
  }
  if (flags.verbose) options->verbose = &env.err;
  const bool has_token = options->token.has_value();
  Redactor redactor;
  if (has_token) redactor.add_secret(*options->token);
  auto client = env.make_client ? env.make_client(*options)
                                : std::make_unique<CurlApiClient>(std::move(*options));
  return action.run(Context{*client, env.out, env.err, flags.json, has_token, &redactor});
}

}  // namespace

const Action* CommandSet::selected() const {
  for (const auto& [leaf, action] : m_actions)
    if (leaf->parsed()) return &action;
  return nullptr;
}

CLI::Option* add_optional(CLI::App* app, const std::string& name,
                          std::optional<std::string>& target, const std::string& help) {
  return app->add_option_function<std::string>(
      name, [&target](const std::string& value) { target = value; }, help);
}

int run_cli(const std::vector<std::string>& args, const CliEnvironment& env) {
  CLI::App app{
      "kautionctl - operate kautiond (exit 0 ok, 1 refused by the daemon, 2 usage or "
      "connection error)"};
  app.name("kautionctl");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "kautionctl " + env.version);
  GlobalFlags flags;
  add_global_options(app, flags);
  CommandSet commands;
  add_operation_commands(app, commands);
  add_deposit_commands(app, commands, {env.in, env.err_is_terminal ? &env.err : nullptr});
  add_booking_commands(app, commands);
  add_statement_commands(app, commands);
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, env.out, env.err) == 0 ? k_exit_ok : k_exit_usage;
  }
  const Action* action = commands.selected();
  if (action == nullptr) {
    env.err << app.help();
    return k_exit_usage;
  }
  return run_action(*action, flags, env);
}

}  // namespace kaution::ctl
