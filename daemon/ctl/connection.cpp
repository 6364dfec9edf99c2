#include "daemon/ctl/connection.hpp"

#include <fstream>
#include <sstream>

#include "config/load.hpp"
#include "config/secrets.hpp"
#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

std::expected<std::string, std::string> read_token_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected("cannot read the token file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto token = trim(text.str());
  if (token.empty()) return std::unexpected("the token file " + path + " is empty");
  return token;
}

bool suits(TokenRole held, NeededRole needed) {
  switch (needed) {
    case NeededRole::ledger:
      return held == TokenRole::ledger;
    case NeededRole::support:
      return held == TokenRole::support;
    default:
      return true;  // reading is granted to every role
  }
}

std::expected<const ApiToken*, std::string> pick_token(const Config& config,
                                                       const ConnectionFlags& flags,
                                                       NeededRole role) {
  for (const auto& token : config.api.tokens) {
    if (flags.token_name ? token.name == *flags.token_name : suits(token.role, role)) return &token;
  }
  if (flags.token_name)
    return std::unexpected("no token named \"" + *flags.token_name + "\" in " + *flags.config);
  return std::unexpected(std::string("no token with the role this command needs (") +
                         (role == NeededRole::ledger ? "ledger" : "support") + ") in " +
                         *flags.config + "; choose one with --token-name");
}

std::string describe_errors(const std::vector<ConfigError>& errors) {
  std::string text;
  for (const auto& e : errors)
    text += "\n  " + format(e);
  return text;
}

// The token's value: read from its source (credential, file, env) without resolving any other
// secret of the config; an inline token needs the whole file resolved.
std::expected<std::string, std::string> token_value(const ApiToken& token, const std::string& path,
                                                    const SecretEnvironment& env) {
  if (token.token.ref.kind != SecretKind::inline_) {
    auto secret = config_detail::resolve_secret(token.token.ref, env);
    if (!secret) return std::unexpected("token \"" + token.name + "\": " + secret.error());
    return secret->reveal();
  }
  auto full = load_config_file(path, env);
  if (!full) return std::unexpected(path + ":" + describe_errors(full.error()));
  for (const auto& t : full->api.tokens)
    if (t.name == token.name) return t.token.value.reveal();
  return std::unexpected("token \"" + token.name + "\" not found in " + path);
}

struct FromConfig {
  std::filesystem::path socket;
  std::optional<std::string> token;
};

std::expected<FromConfig, std::string> from_config(const ConnectionFlags& flags, NeededRole role,
                                                   bool want_token) {
  SecretEnvironment env = SecretEnvironment::from_process();
  env.resolve_secrets = false;
  auto config = load_config_file(*flags.config, env);
  if (!config) return std::unexpected(*flags.config + ":" + describe_errors(config.error()));
  FromConfig result{config->api.socket, std::nullopt};
  if (!want_token || role == NeededRole::none) return result;
  auto token = pick_token(*config, flags, role);
  if (!token) return std::unexpected(token.error());
  env.resolve_secrets = true;
  auto value = token_value(**token, *flags.config, env);
  if (!value) return std::unexpected(value.error());
  result.token = std::move(*value);
  return result;
}

}  // namespace

std::expected<ClientOptions, std::string> resolve_connection(const ConnectionFlags& flags,
                                                             NeededRole role,
                                                             const GetEnv& getenv) {
  ClientOptions options;
  options.total_timeout = std::chrono::seconds{flags.timeout_seconds};
  if (flags.token) {
    options.token = *flags.token;
  } else if (flags.token_file) {
    auto token = read_token_file(*flags.token_file);
    if (!token) return std::unexpected(token.error());
    options.token = std::move(*token);
  } else if (auto env = getenv ? getenv("KAUTIONCTL_TOKEN") : std::nullopt; env && !env->empty()) {
    options.token = *env;
  }
  std::optional<std::filesystem::path> config_socket;
  if (flags.config) {
    auto config = from_config(flags, role, !options.token.has_value());
    if (!config) return std::unexpected(config.error());
    config_socket = config->socket;
    if (!options.token) options.token = config->token;
  }
  if (flags.url)
    options.endpoint.url = *flags.url;
  else
    options.endpoint.socket = flags.socket ? std::filesystem::path(*flags.socket)
                                           : config_socket.value_or(k_default_socket);
  return options;
}

}  // namespace kaution::ctl
