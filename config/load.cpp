#include "config/load.hpp"

#include <cstdlib>

#include "config/build.hpp"
#include "config/file_io.hpp"
#include "config/parse.hpp"
#include "config/walker.hpp"

namespace kaution {
namespace {

using config_detail::ErrorList;
using config_detail::Json;

constexpr std::size_t k_max_config_bytes = 16 * 1024 * 1024;

}  // namespace

SecretEnvironment SecretEnvironment::from_process() {
  SecretEnvironment env;
  env.getenv = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  if (const char* dir = std::getenv("CREDENTIALS_DIRECTORY"); dir != nullptr && *dir != '\0') {
    env.credentials_dir = dir;
  }
  return env;
}

ConfigLoad load_config_text(std::string_view text, std::string_view origin, bool file_is_private,
                            const SecretEnvironment& env) {
  ErrorList errors;
  const auto document = config_detail::parse_config_json(text, origin, errors);
  if (!document) return std::unexpected(errors.take());
  if (!document->is_object()) {
    errors.add("", std::string(origin) + ": expected a JSON object, got " +
                       config_detail::type_phrase(*document));
    return std::unexpected(errors.take());
  }
  const Json walked = config_detail::walk_object(*document, root_key_table(), "", errors);
  config_detail::BuildContext context{std::filesystem::path(origin).parent_path(), file_is_private,
                                      env, errors};
  Config config = config_detail::build_config(walked, context);
  config_detail::check_config(config, errors);
  if (!errors.empty()) return std::unexpected(errors.take());
  return config;
}

ConfigLoad load_config_file(const std::filesystem::path& path, const SecretEnvironment& env) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;
  const auto file = config_detail::read_regular_file(absolute, k_max_config_bytes);
  if (!file) return std::unexpected(std::vector{ConfigError{"", file.error()}});
  // "0600 or stricter": no permission beyond the owner's read and write.
  const bool is_private = (file->mode & 07177U) == 0;
  return load_config_text(file->text, absolute.lexically_normal().string(), is_private, env);
}

std::string format(const ConfigError& error) {
  if (error.pointer.empty()) return error.message;
  return error.pointer + ": " + error.message;
}

}  // namespace kaution
