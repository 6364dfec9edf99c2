// The key tables: the one place that says which keys the config file has (specs/config.md).
// Tables are defined leaves first, because a KeySpec points to the table of its value.

#include <array>

#include "config/config.hpp"
#include "config/key_table.hpp"

namespace kaution {
namespace {

using enum ValueType;

constexpr auto k_secret_keys = std::to_array<KeySpec>({
    {.name = "credential",
     .type = string,
     .default_json = "null",
     .format = StringFormat::credential_name,
     .description = "File name in systemd's `$CREDENTIALS_DIRECTORY` (`LoadCredential=`)."},
    {.name = "file",
     .type = path,
     .default_json = "null",
     .description = "File holding the secret; refused if group- or world-accessible. A trailing "
                    "newline is dropped."},
    {.name = "env",
     .type = string,
     .default_json = "null",
     .format = StringFormat::env_name,
     .description = "Environment variable holding the secret; unset or empty is an error."},
});
constexpr KeyTable k_secret_table{
    .pointer = "secret",
    .description =
        "A secret is an object with exactly one of these keys. A plain string is "
        "accepted only when the config file is mode 0600 or stricter.",
    .keys = k_secret_keys,
    .exactly_one = true};

constexpr auto k_store_keys = std::to_array<KeySpec>({
    {.name = "path",
     .type = path,
     .default_json = R"("/var/lib/kautiond/kautiond.db")",
     .description = "The SQLite database."},
});
constexpr KeyTable k_store_table{
    .pointer = "/store", .description = "The store.", .keys = k_store_keys};

constexpr auto k_tcp_keys = std::to_array<KeySpec>({
    {.name = "address",
     .type = string,
     .default_json = R"("127.0.0.1")",
     .format = StringFormat::ip_address,
     .description = "Address to listen on."},
    {.name = "port",
     .type = integer,
     .default_json = "8470",
     .min = 1,
     .max = 65535,
     .description = "Port to listen on."},
    {.name = "tls_cert",
     .type = path,
     .default_json = "null",
     .description = "Server certificate (PEM); with `tls_key`."},
    {.name = "tls_key",
     .type = path,
     .default_json = "null",
     .description = "Server private key (PEM); with `tls_cert`."},
    {.name = "insecure_loopback",
     .type = boolean,
     .default_json = "false",
     .description = "Allow plain HTTP; only on a loopback address and only without TLS files."},
});
constexpr KeyTable k_tcp_table{.pointer = "/api/tcp",
                               .description =
                                   "Optional TCP listener: TLS, or plain HTTP on "
                                   "loopback with `insecure_loopback`.",
                               .keys = k_tcp_keys};

constexpr auto k_token_keys = std::to_array<KeySpec>({
    {.name = "name",
     .type = string,
     .format = StringFormat::name,
     .description = "Who uses the token; unique, shown in the history."},
    {.name = "role",
     .type = enumeration,
     .choices = k_token_role_names,
     .description = "`ledger` (deposit writes, booking feed), `support` (re-trigger, assign, "
                    "close) or `operator` (read-only)."},
    {.name = "token",
     .type = secret,
     .table = &k_secret_table,
     .description = "The bearer token; distinct from every other token."},
});
constexpr KeyTable k_token_table{
    .pointer = "/api/tokens/*", .description = "An API token.", .keys = k_token_keys};

constexpr auto k_api_keys = std::to_array<KeySpec>({
    {.name = "socket",
     .type = path,
     .default_json = R"("/run/kautiond/api.sock")",
     .description = "Unix socket, the default listener."},
    {.name = "socket_mode",
     .type = string,
     .default_json = R"("0660")",
     .format = StringFormat::octal_mode,
     .description = "File mode of the socket, an octal string."},
    {.name = "socket_group",
     .type = string,
     .default_json = "null",
     .description = "Group of the socket; null keeps the daemon's group."},
    {.name = "tcp",
     .type = object,
     .default_json = "null",
     .table = &k_tcp_table,
     .description = "Optional TCP listener."},
    {.name = "tokens",
     .type = object_array,
     .min = 1,
     .table = &k_token_table,
     .description = "The API tokens, at least one."},
    {.name = "max_body_bytes",
     .type = integer,
     .default_json = "10485760",
     .min = 1,
     .max = 1073741824,
     .description = "Larger request bodies get 413."},
});
constexpr KeyTable k_api_table{
    .pointer = "/api", .description = "The HTTP API.", .keys = k_api_keys};

constexpr auto k_rules_keys = std::to_array<KeySpec>({
    {.name = "stale_after_days",
     .type = integer,
     .default_json = "21",
     .min = 1,
     .max = 3660,
     .description = "A balance older than this makes a deposit `stale`."},
    {.name = "faulty_without_balance_after_days",
     .type = integer,
     .default_json = "21",
     .min = 1,
     .max = 3660,
     .description = "No balance this long after `valid_from` makes a deposit `faulty`."},
    {.name = "bgb551",
     .type = enumeration,
     .default_json = R"("warn")",
     .choices = k_bgb551_mode_names,
     .description = "A deposit above the § 551 BGB limit is a warning or an error."},
});
constexpr KeyTable k_rules_table{
    .pointer = "/rules", .description = "Status rules.", .keys = k_rules_keys};

constexpr auto k_schedule_keys = std::to_array<KeySpec>({
    {.name = "import_every_minutes",
     .type = integer,
     .default_json = "15",
     .min = 1,
     .max = 1440,
     .description = "How often each access imports."},
    {.name = "interest_distributions_every_hours",
     .type = integer,
     .default_json = "24",
     .min = 1,
     .max = 8784,
     .description = "How often interest distributions are fetched."},
});
constexpr KeyTable k_schedule_table{
    .pointer = "/schedule", .description = "Periodic work.", .keys = k_schedule_keys};

constexpr auto k_retry_keys = std::to_array<KeySpec>({
    {.name = "max_attempts",
     .type = integer,
     .default_json = "12",
     .min = 1,
     .max = 1000,
     .description = "Attempts before a deposit becomes `faulty`."},
    {.name = "base_seconds",
     .type = integer,
     .default_json = "30",
     .min = 1,
     .max = 86400,
     .description = "Backoff base: wait random(0, min(cap, base·2^n))."},
    {.name = "cap_seconds",
     .type = integer,
     .default_json = "21600",
     .min = 1,
     .max = 604800,
     .description = "Backoff cap; at least `base_seconds`."},
});
constexpr KeyTable k_retry_table{
    .pointer = "/retry", .description = "Retries of transient failures.", .keys = k_retry_keys};

constexpr auto k_tls_keys = std::to_array<KeySpec>({
    {.name = "verify",
     .type = boolean,
     .default_json = "true",
     .description = "Verify the bank's certificate; false logs a warning at every start."},
    {.name = "ca_file",
     .type = path,
     .default_json = "null",
     .description = "CA bundle (PEM) instead of the system store, e.g. the sandbox's CA."},
    {.name = "client_cert",
     .type = path,
     .default_json = "null",
     .description = "Client certificate for mutual TLS; with `client_key`."},
    {.name = "client_key",
     .type = path,
     .default_json = "null",
     .description = "Client private key for mutual TLS; with `client_cert`."},
    {.name = "pinned_public_key",
     .type = string,
     .default_json = "null",
     .format = StringFormat::public_key_pin,
     .description = "Pinned public key hashes, curl's `sha256//<base64>[;sha256//…]`."},
});
constexpr KeyTable k_tls_table{
    .pointer = "/accesses/*/tls", .description = "TLS to the bank.", .keys = k_tls_keys};

constexpr auto k_timeouts_keys = std::to_array<KeySpec>({
    {.name = "connect_ms",
     .type = integer,
     .default_json = "10000",
     .min = 1,
     .max = 600000,
     .description = "Connect timeout per request; at most `total_ms`."},
    {.name = "total_ms",
     .type = integer,
     .default_json = "60000",
     .min = 1,
     .max = 3600000,
     .description = "Total timeout per request."},
    {.name = "low_speed_limit_bytes",
     .type = integer,
     .default_json = "1",
     .max = 1073741824,
     .description = "Abort a transfer slower than this many bytes per second …"},
    {.name = "low_speed_time_s",
     .type = integer,
     .default_json = "30",
     .max = 3600,
     .description = "… for this many seconds; 0 in either switches the check off."},
});
constexpr KeyTable k_timeouts_table{.pointer = "/accesses/*/timeouts",
                                    .description = "Timeouts per request.",
                                    .keys = k_timeouts_keys};

constexpr auto k_limits_keys = std::to_array<KeySpec>({
    {.name = "max_in_flight",
     .type = integer,
     .default_json = "4",
     .min = 1,
     .max = 64,
     .description = "Requests in flight at most."},
    {.name = "requests_per_second",
     .type = integer,
     .default_json = "10",
     .min = 1,
     .max = 10000,
     .description = "Requests per second at most."},
});
constexpr KeyTable k_limits_table{.pointer = "/accesses/*/limits",
                                  .description = "Concurrency and rate per access.",
                                  .keys = k_limits_keys};

constexpr auto k_trust_account_keys = std::to_array<KeySpec>({
    {.name = "iban",
     .type = string,
     .format = StringFormat::iban,
     .description = "The trust account [Treuhandkonto]."},
    {.name = "interest_rate",
     .type = string,
     .format = StringFormat::interest_rate,
     .description = "Interest rate in percent per year, three decimals as KM takes it: "
                    "`\"0.250\"`."},
    {.name = "valid_from",
     .type = string,
     .format = StringFormat::date,
     .description = "First day the rate applies."},
});
constexpr KeyTable k_trust_account_table{.pointer = "/accesses/*/km/trust_accounts/*",
                                         .description = "A KM trust account and its rate.",
                                         .keys = k_trust_account_keys};

constexpr auto k_km_keys = std::to_array<KeySpec>({
    {.name = "trust_accounts",
     .type = object_array,
     .min = 1,
     .table = &k_trust_account_table,
     .description = "Trust accounts with their interest rates."},
});
constexpr KeyTable k_km_table{
    .pointer = "/accesses/*/km", .description = "Only on a `km` access.", .keys = k_km_keys};

constexpr auto k_dkb_keys = std::to_array<KeySpec>({
    {.name = "collective_ibans",
     .type = string_array,
     .min = 1,
     .format = StringFormat::iban,
     .description = "The collective trust accounts, each once."},
    {.name = "portal_url",
     .type = string,
     .default_json = "null",
     .format = StringFormat::http_url,
     .description = "DKB's portal, shown beside unassigned bookings."},
});
constexpr KeyTable k_dkb_table{
    .pointer = "/accesses/*/dkb", .description = "Only on a `dkb` access.", .keys = k_dkb_keys};

constexpr auto k_access_keys = std::to_array<KeySpec>({
    {.name = "name",
     .type = string,
     .format = StringFormat::name,
     .description = "Unique name of the access."},
    {.name = "connector",
     .type = enumeration,
     .choices = k_connector_kind_names,
     .description = "The bank interface (specs/connectors.md)."},
    {.name = "active",
     .type = boolean,
     .default_json = "true",
     .description = "Inactive accesses are kept but not used."},
    {.name = "base_url",
     .type = string,
     .format = StringFormat::http_url,
     .description = "The bank's base URL."},
    {.name = "username",
     .type = string,
     .default_json = "null",
     .description = "aak: OAuth client id; km: client user name; dkb: client id."},
    {.name = "password",
     .type = secret,
     .default_json = "null",
     .table = &k_secret_table,
     .description = "aak, dkb: OAuth client secret; km: web-service password."},
    {.name = "tls",
     .type = object,
     .default_json = "{}",
     .table = &k_tls_table,
     .description = "TLS settings."},
    {.name = "timeouts",
     .type = object,
     .default_json = "{}",
     .table = &k_timeouts_table,
     .description = "Timeouts."},
    {.name = "limits",
     .type = object,
     .default_json = "{}",
     .table = &k_limits_table,
     .description = "Concurrency and rate limits."},
    {.name = "km",
     .type = object,
     .default_json = "null",
     .table = &k_km_table,
     .description = "KM settings; only on a `km` access."},
    {.name = "dkb",
     .type = object,
     .default_json = "null",
     .table = &k_dkb_table,
     .description = "DKB settings; only on a `dkb` access."},
});
constexpr KeyTable k_access_table{.pointer = "/accesses/*",
                                  .description = "A bank access [Kautionszugang].",
                                  .keys = k_access_keys};

constexpr auto k_webhook_keys = std::to_array<KeySpec>({
    {.name = "url",
     .type = string,
     .format = StringFormat::http_url,
     .description = "Where each new booking is POSTed."},
    {.name = "secret",
     .type = secret,
     .table = &k_secret_table,
     .description = "HMAC key of `X-Signature: sha256=…`."},
    {.name = "timeout_ms",
     .type = integer,
     .default_json = "10000",
     .min = 1,
     .max = 600000,
     .description = "Timeout per POST."},
});
constexpr KeyTable k_webhook_table{.pointer = "/ledger/webhook",
                                   .description = "Optional push of new bookings to the ledger.",
                                   .keys = k_webhook_keys};

constexpr auto k_ledger_keys = std::to_array<KeySpec>({
    {.name = "webhook",
     .type = object,
     .default_json = "null",
     .table = &k_webhook_table,
     .description = "Optional webhook; the pull feed stays the source of truth."},
});
constexpr KeyTable k_ledger_table{
    .pointer = "/ledger", .description = "The core ledger.", .keys = k_ledger_keys};

constexpr auto k_log_keys = std::to_array<KeySpec>({
    {.name = "level",
     .type = enumeration,
     .default_json = R"("info")",
     .choices = k_log_level_names,
     .description = "Least severe level logged."},
    {.name = "format",
     .type = enumeration,
     .default_json = R"("text")",
     .choices = k_log_format_names,
     .description = "Log line format."},
    {.name = "debug_archive",
     .type = boolean,
     .default_json = "false",
     .description = "Debug archive: personal data (names, IBANs) unmasked in the log; secrets "
                    "stay redacted."},
});
constexpr KeyTable k_log_table{.pointer = "/log", .description = "Logging.", .keys = k_log_keys};

constexpr auto k_root_keys = std::to_array<KeySpec>({
    {.name = "store",
     .type = object,
     .default_json = "{}",
     .table = &k_store_table,
     .description = "The store."},
    {.name = "api",
     .type = object,
     .default_json = "{}",
     .table = &k_api_table,
     .description = "The HTTP API; `tokens` must be given."},
    {.name = "rules",
     .type = object,
     .default_json = "{}",
     .table = &k_rules_table,
     .description = "Status rules."},
    {.name = "schedule",
     .type = object,
     .default_json = "{}",
     .table = &k_schedule_table,
     .description = "Periodic work."},
    {.name = "retry",
     .type = object,
     .default_json = "{}",
     .table = &k_retry_table,
     .description = "Retries."},
    {.name = "accesses",
     .type = object_array,
     .default_json = "[]",
     .table = &k_access_table,
     .description = "The bank accesses."},
    {.name = "ledger",
     .type = object,
     .default_json = "{}",
     .table = &k_ledger_table,
     .description = "The core ledger."},
    {.name = "log",
     .type = object,
     .default_json = "{}",
     .table = &k_log_table,
     .description = "Logging."},
});
constexpr KeyTable k_root_table{
    .pointer = "", .description = "The config file (specs/config.md).", .keys = k_root_keys};

}  // namespace

const KeyTable& root_key_table() {
  return k_root_table;
}

const KeySpec* find_key(const KeyTable& table, std::string_view name) {
  for (const KeySpec& spec : table.keys) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace kaution
