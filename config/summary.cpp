// summarize() and the names of the config's enumerations.

#include <array>

#include "config/load.hpp"

namespace kaution {
namespace {

template <typename E, std::size_t N>
std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
  const auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : std::string_view("?");
}

std::string counted(std::size_t count, std::string_view singular, std::string_view plural) {
  return std::to_string(count) + ' ' + std::string(count == 1 ? singular : plural);
}

}  // namespace

std::string_view to_string(TokenRole value) {
  return name_of(value, k_token_role_names);
}
std::string_view to_string(Bgb551Mode value) {
  return name_of(value, k_bgb551_mode_names);
}
std::string_view to_string(ConnectorKind value) {
  return name_of(value, k_connector_kind_names);
}
std::string_view to_string(LogLevel value) {
  return name_of(value, k_log_level_names);
}
std::string_view to_string(LogFormat value) {
  return name_of(value, k_log_format_names);
}
std::string_view to_string(SecretKind value) {
  return name_of(value, k_secret_kind_names);
}

std::string summarize(const Config& config) {
  std::array<std::size_t, k_connector_kind_names.size()> per_connector{};
  for (const AccessConfig& access : config.accesses) {
    ++per_connector.at(static_cast<std::size_t>(access.connector));
  }
  std::string connectors;
  for (std::size_t i = 0; i < per_connector.size(); ++i) {
    if (i > 0) connectors += ", ";
    connectors += std::string(k_connector_kind_names[i]) + ' ' + std::to_string(per_connector[i]);
  }
  return "config ok: " + counted(config.accesses.size(), "access", "accesses") + " (" + connectors +
         "), " + counted(config.api.tokens.size(), "token", "tokens") + ", store " +
         config.store.path.string();
}

}  // namespace kaution
