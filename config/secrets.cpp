#include "config/secrets.hpp"

#include "config/file_io.hpp"

namespace kaution::config_detail {
namespace {

constexpr std::size_t k_max_secret_bytes = 64 * 1024;

// The content of a secret file, without one trailing newline ("\n" or "\r\n").
std::expected<std::string, std::string> read_secret_file(const std::filesystem::path& path,
                                                         bool must_be_private) {
  auto file = read_regular_file(path, k_max_secret_bytes);
  if (!file) return std::unexpected(std::move(file.error()));
  if (must_be_private && (file->mode & 077U) != 0) {
    return std::unexpected(path.string() + " has mode " + octal_mode_string(file->mode) +
                           ", open to group or others; it must be 0600 or stricter");
  }
  std::string& text = file->text;
  if (text.ends_with('\n')) {
    text.pop_back();
    if (text.ends_with('\r')) text.pop_back();
  }
  if (text.empty()) return std::unexpected(path.string() + " is empty");
  return std::move(text);
}

std::expected<Secret, std::string> resolve_credential(const std::string& name,
                                                      const SecretEnvironment& env) {
  if (!env.credentials_dir || env.credentials_dir->empty()) {
    return std::unexpected("credential \"" + name +
                           "\": $CREDENTIALS_DIRECTORY is not set (systemd LoadCredential=)");
  }
  auto content = read_secret_file(*env.credentials_dir / name, false);
  if (!content) return std::unexpected("credential \"" + name + "\": " + content.error());
  return Secret(std::move(*content));
}

std::expected<Secret, std::string> resolve_file(const std::string& path) {
  auto content = read_secret_file(path, true);
  if (!content) return std::unexpected("secret file: " + content.error());
  return Secret(std::move(*content));
}

std::expected<Secret, std::string> resolve_env(const std::string& name,
                                               const SecretEnvironment& env) {
  std::optional<std::string> value;
  if (env.getenv) value = env.getenv(name);
  if (!value) return std::unexpected("environment variable " + name + " is not set");
  if (value->empty()) return std::unexpected("environment variable " + name + " is empty");
  return Secret(std::move(*value));
}

// The reference of a walked secret object; nullopt when its one key was wrong (reported).
std::optional<SecretRef> reference(const Json& object, const BuildContext& ctx) {
  for (SecretKind kind : {SecretKind::credential, SecretKind::file, SecretKind::env}) {
    const auto it = object.find(std::string(to_string(kind)));
    if (it == object.end() || !it->is_string()) continue;
    std::string name = it->get<std::string>();
    if (kind == SecretKind::file) name = ctx.resolve(name).string();
    return SecretRef{kind, std::move(name)};
  }
  return std::nullopt;
}

std::optional<SecretSetting> plain_string(const Json& value, const std::string& pointer,
                                          const BuildContext& ctx) {
  if (!ctx.file_is_private) {
    ctx.errors.add(pointer,
                   "a plain string secret needs the config file to be mode 0600 or stricter; use "
                   "{\"credential\": …}, {\"file\": …} or {\"env\": …}");
    return std::nullopt;
  }
  SecretSetting setting;
  if (ctx.env.resolve_secrets) setting.value = Secret(value.get<std::string>());
  return setting;
}

}  // namespace

std::optional<SecretSetting> read_secret_setting(const Json& value, const std::string& pointer,
                                                 const BuildContext& ctx) {
  if (value.is_string()) return plain_string(value, pointer, ctx);
  if (!value.is_object()) return std::nullopt;
  auto ref = reference(value, ctx);
  if (!ref) return std::nullopt;
  SecretSetting setting{*ref, Secret()};
  if (!ctx.env.resolve_secrets) return setting;
  auto resolved = resolve_secret(*ref, ctx.env);
  if (!resolved) {
    ctx.errors.add(pointer, std::move(resolved.error()));
    return std::nullopt;
  }
  setting.value = std::move(*resolved);
  return setting;
}

std::expected<Secret, std::string> resolve_secret(const SecretRef& ref,
                                                  const SecretEnvironment& env) {
  switch (ref.kind) {
    case SecretKind::credential:
      return resolve_credential(ref.name, env);
    case SecretKind::file:
      return resolve_file(ref.name);
    case SecretKind::env:
      return resolve_env(ref.name, env);
    case SecretKind::inline_:
      break;
  }
  return std::unexpected("an inline secret has no source to resolve");
}

}  // namespace kaution::config_detail
