#pragma once
// Where kautionctl finds the daemon and its token. Endpoint: --url, else --socket, else the
// config's api.socket (--config), else /run/kautiond/api.sock. Token: --token, else
// --token-file, else $KAUTIONCTL_TOKEN, else from --config the token named by --token-name or
// the first one whose role the command needs. None: requests go without (health and ready
// need none; others get the daemon's 401).

#include <expected>
#include <functional>
#include <optional>
#include <string>

#include "daemon/ctl/api_client.hpp"

namespace kaution::ctl {

// The role a command needs, to pick a token from the config.
enum class NeededRole { none, any, ledger, support };

struct ConnectionFlags {
  std::optional<std::string> socket;
  std::optional<std::string> url;
  std::optional<std::string> token;
  std::optional<std::string> token_file;
  std::optional<std::string> config;
  std::optional<std::string> token_name;
  int timeout_seconds = 600;
};

using GetEnv = std::function<std::optional<std::string>(const std::string& name)>;

// The client options, or why they cannot be had (an unreadable token file, a config without a
// suitable token): exit 2. Messages never contain a token.
std::expected<ClientOptions, std::string> resolve_connection(const ConnectionFlags& flags,
                                                             NeededRole role, const GetEnv& getenv);

}  // namespace kaution::ctl
