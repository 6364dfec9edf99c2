#pragma once
// Config: the typed content of the config file (specs/config.md). Every member starts at the
// default the key table (key_tables.cpp) declares; load.hpp fills it from a file.

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/iban.hpp"

namespace kaution {

// Enumerators named after C++ keywords carry a trailing underscore; to_string gives the config
// spelling. Each k_*_names array is indexed by the enumerator and is the key table's choices.
enum class TokenRole { ledger, support, operator_ };
enum class Bgb551Mode { warn, error };
enum class ConnectorKind { aak, km, dkb };
enum class LogLevel { trace, debug, info, warn, error };
enum class LogFormat { text, json };
enum class SecretKind { credential, file, env, inline_ };

inline constexpr std::array<std::string_view, 3> k_token_role_names{"ledger", "support",
                                                                    "operator"};
inline constexpr std::array<std::string_view, 2> k_bgb551_mode_names{"warn", "error"};
inline constexpr std::array<std::string_view, 3> k_connector_kind_names{"aak", "km", "dkb"};
inline constexpr std::array<std::string_view, 5> k_log_level_names{"trace", "debug", "info", "warn",
                                                                   "error"};
inline constexpr std::array<std::string_view, 2> k_log_format_names{"text", "json"};
inline constexpr std::array<std::string_view, 4> k_secret_kind_names{"credential", "file", "env",
                                                                     "inline"};

std::string_view to_string(TokenRole value);
std::string_view to_string(Bgb551Mode value);
std::string_view to_string(ConnectorKind value);
std::string_view to_string(LogLevel value);
std::string_view to_string(LogFormat value);
std::string_view to_string(SecretKind value);

// Where a secret comes from: a systemd credential name, a file path (made absolute against the
// config file's directory), an environment variable name, or inline (name empty: the value
// itself is never kept here).
struct SecretRef {
  SecretKind kind = SecretKind::inline_;
  std::string name;
  bool operator==(const SecretRef&) const = default;
};

// A secret's value. Deliberately not printable: no operator<<, no to_string, no formatter;
// reveal() is the one way to the value, to be called where it is sent and nowhere else.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : m_value(std::move(value)), m_resolved(true) {}
  const std::string& reveal() const { return m_value; }
  // False when loaded with SecretEnvironment::resolve_secrets = false.
  bool is_resolved() const { return m_resolved; }

 private:
  std::string m_value;
  bool m_resolved = false;
};

struct SecretSetting {
  SecretRef ref;
  Secret value;
};

struct StoreConfig {
  std::filesystem::path path = "/var/lib/kautiond/kautiond.db";
};

// A TCP listener: with tls_cert and tls_key, or without TLS only on a loopback address with
// insecure_loopback set.
struct TcpConfig {
  std::string address = "127.0.0.1";
  int port = 8470;
  std::optional<std::filesystem::path> tls_cert;
  std::optional<std::filesystem::path> tls_key;
  bool insecure_loopback = false;
};

struct ApiToken {
  std::string name;
  TokenRole role = TokenRole::operator_;
  SecretSetting token;
};

struct ApiConfig {
  std::filesystem::path socket = "/run/kautiond/api.sock";
  unsigned socket_mode = 0660;  // parsed from the octal string "0660"
  std::optional<std::string> socket_group;
  std::optional<TcpConfig> tcp;
  std::vector<ApiToken> tokens;  // at least one
  std::int64_t max_body_bytes = 10485760;
};

struct RulesConfig {
  int stale_after_days = 21;
  int faulty_without_balance_after_days = 21;
  Bgb551Mode bgb551 = Bgb551Mode::warn;
};

struct ScheduleConfig {
  int import_every_minutes = 15;
  int interest_distributions_every_hours = 24;
};

struct RetryConfig {
  int max_attempts = 12;
  int base_seconds = 30;
  int cap_seconds = 21600;
};

struct TlsConfig {
  bool verify = true;
  std::optional<std::filesystem::path> ca_file;
  std::optional<std::filesystem::path> client_cert;
  std::optional<std::filesystem::path> client_key;
  std::optional<std::string> pinned_public_key;  // curl's "sha256//<base64>[;sha256//…]"
};

// Per request: connect and total timeouts; abort when slower than low_speed_limit_bytes per
// second for low_speed_time_s seconds (curl's low-speed limit).
struct TimeoutsConfig {
  int connect_ms = 10000;
  int total_ms = 60000;
  int low_speed_limit_bytes = 1;
  int low_speed_time_s = 30;
};

struct LimitsConfig {
  int max_in_flight = 4;
  int requests_per_second = 10;
};

struct TrustAccount {
  Iban iban;
  std::string interest_rate;  // percent per year, validated, three decimals: "0.250"
  Date valid_from;
};

struct KmConfig {
  std::vector<TrustAccount> trust_accounts;
};

struct DkbConfig {
  std::vector<Iban> collective_ibans;
  std::optional<std::string> portal_url;
};

struct AccessConfig {
  std::string name;  // unique, [a-z0-9-]
  ConnectorKind connector = ConnectorKind::aak;
  bool active = true;
  std::string base_url;
  std::optional<std::string> username;
  std::optional<SecretSetting> password;
  TlsConfig tls;
  TimeoutsConfig timeouts;
  LimitsConfig limits;
  std::optional<KmConfig> km;    // only on km accesses
  std::optional<DkbConfig> dkb;  // only on dkb accesses
};

struct WebhookConfig {
  std::string url;
  SecretSetting secret;
  int timeout_ms = 10000;
};

struct LedgerConfig {
  std::optional<WebhookConfig> webhook;
};

struct LogConfig {
  LogLevel level = LogLevel::info;
  LogFormat format = LogFormat::text;
  bool debug_archive = false;  // personal data unmasked in logs (secrets never)
};

struct Config {
  StoreConfig store;
  ApiConfig api;
  RulesConfig rules;
  ScheduleConfig schedule;
  RetryConfig retry;
  std::vector<AccessConfig> accesses;
  LedgerConfig ledger;
  LogConfig log;
};

}  // namespace kaution
