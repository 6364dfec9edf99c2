#pragma once
// Loading the config file: parse (JSON with comments), check against the key tables, resolve
// relative paths and secrets. Every problem is reported at once, each with its JSON Pointer.

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace kaution {

// One problem with the config. `pointer` is the JSON Pointer of the culprit
// ("/retry/max_attempts"), or "" for the file as a whole. The message never contains a secret's
// value.
struct ConfigError {
  std::string pointer;
  std::string message;
  bool operator==(const ConfigError&) const = default;
};

// "pointer: message", or just the message when the pointer is "".
std::string format(const ConfigError& error);

// Where secrets come from; injectable so that tests need no real environment.
struct SecretEnvironment {
  // The value of an environment variable, nullopt when unset. An empty function: nothing is set.
  std::function<std::optional<std::string>(const std::string& name)> getenv;
  // $CREDENTIALS_DIRECTORY (systemd LoadCredential=), nullopt when unset.
  std::optional<std::filesystem::path> credentials_dir;
  // False: check secret references only, read no secret (Secret::is_resolved() stays false).
  bool resolve_secrets = true;

  // The process environment: ::getenv and $CREDENTIALS_DIRECTORY.
  static SecretEnvironment from_process();
};

using ConfigLoad = std::expected<Config, std::vector<ConfigError>>;

// Reads and checks the file. Plain string secrets are accepted only when the file's mode is 0600
// or stricter; relative paths are taken relative to the file's directory.
ConfigLoad load_config_file(const std::filesystem::path& path, const SecretEnvironment& env);

// Checks `text`; `origin` names it in syntax errors and its parent directory anchors relative
// paths (a bare name leaves them relative). `file_is_private`: the text came from a file of mode
// 0600 or stricter, so plain string secrets are allowed.
ConfigLoad load_config_text(std::string_view text, std::string_view origin, bool file_is_private,
                            const SecretEnvironment& env);

// One line for logs and --check-config:
// "config ok: 3 accesses (aak 1, km 1, dkb 1), 3 tokens, store /var/lib/kautiond/kautiond.db".
std::string summarize(const Config& config);

}  // namespace kaution
