#pragma once
// Secrets (specs/config.md): a reference to a systemd credential, a file or an environment
// variable, or a plain string when the config file is private. No message here ever contains a
// secret's value; they name the source only.

#include <expected>
#include <optional>
#include <string>

#include "config/build_context.hpp"
#include "config/config.hpp"

namespace kaution::config_detail {

// A walked secret value (a string, or an object with exactly one of credential, file, env):
// its reference, and its value unless ctx.env.resolve_secrets is false. Problems go to
// ctx.errors at `pointer`; nullopt then.
std::optional<SecretSetting> read_secret_setting(const Json& value, const std::string& pointer,
                                                 const BuildContext& ctx);

// The value `ref` points to. credential: the file `ref.name` in env.credentials_dir; file: the
// file `ref.name`, refused when group or others have any permission; env: the variable, neither
// unset nor empty. A trailing newline of a file or credential is dropped; an empty secret is an
// error.
std::expected<Secret, std::string> resolve_secret(const SecretRef& ref,
                                                  const SecretEnvironment& env);

}  // namespace kaution::config_detail
