#include "config/build.hpp"

#include "config/formats.hpp"

namespace kaution::config_detail {
namespace {

StoreConfig build_store(const ObjectReader& reader) {
  StoreConfig store;
  reader.read_path("path", store.path);
  return store;
}

TcpConfig build_tcp(const ObjectReader& reader) {
  TcpConfig tcp;
  reader.read("address", tcp.address);
  reader.read("port", tcp.port);
  reader.read_path("tls_cert", tcp.tls_cert);
  reader.read_path("tls_key", tcp.tls_key);
  reader.read("insecure_loopback", tcp.insecure_loopback);
  return tcp;
}

std::vector<ApiToken> build_tokens(const ObjectReader& api) {
  std::vector<ApiToken> tokens;
  const Json* list = api.find("tokens");
  if (list == nullptr) return tokens;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& entry = (*list)[i];
    ApiToken token;  // stays empty for a wrong entry, so that indices match the file
    if (!entry.is_object()) {
      tokens.push_back(std::move(token));
      continue;
    }
    const ObjectReader reader(entry, child_pointer(api.pointer_of("tokens"), i), api.context());
    reader.read("name", token.name);
    reader.read_enum("role", k_token_role_names, token.role);
    reader.read_secret("token", token.token);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

ApiConfig build_api(const ObjectReader& reader) {
  ApiConfig api;
  reader.read_path("socket", api.socket);
  std::string mode;
  reader.read("socket_mode", mode);
  if (auto parsed = parse_octal_mode(mode)) api.socket_mode = *parsed;
  reader.read("socket_group", api.socket_group);
  if (auto tcp = reader.child("tcp")) api.tcp = build_tcp(*tcp);
  api.tokens = build_tokens(reader);
  reader.read("max_body_bytes", api.max_body_bytes);
  return api;
}

RulesConfig build_rules(const ObjectReader& reader) {
  RulesConfig rules;
  reader.read("stale_after_days", rules.stale_after_days);
  reader.read("faulty_without_balance_after_days", rules.faulty_without_balance_after_days);
  reader.read_enum("bgb551", k_bgb551_mode_names, rules.bgb551);
  return rules;
}

ScheduleConfig build_schedule(const ObjectReader& reader) {
  ScheduleConfig schedule;
  reader.read("import_every_minutes", schedule.import_every_minutes);
  reader.read("interest_distributions_every_hours", schedule.interest_distributions_every_hours);
  return schedule;
}

RetryConfig build_retry(const ObjectReader& reader) {
  RetryConfig retry;
  reader.read("max_attempts", retry.max_attempts);
  reader.read("base_seconds", retry.base_seconds);
  reader.read("cap_seconds", retry.cap_seconds);
  return retry;
}

std::vector<AccessConfig> build_accesses(const ObjectReader& root) {
  std::vector<AccessConfig> accesses;
  const Json* list = root.find("accesses");
  if (list == nullptr) return accesses;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Json& entry = (*list)[i];
    if (!entry.is_object()) {
      accesses.emplace_back();  // stays empty for a wrong entry, so that indices match the file
      continue;
    }
    accesses.push_back(
        build_access(ObjectReader(entry, child_pointer("/accesses", i), root.context())));
  }
  return accesses;
}

LedgerConfig build_ledger(const ObjectReader& reader) {
  LedgerConfig ledger;
  if (auto webhook = reader.child("webhook")) {
    WebhookConfig config;
    webhook->read("url", config.url);
    webhook->read_secret("secret", config.secret);
    webhook->read("timeout_ms", config.timeout_ms);
    ledger.webhook = std::move(config);
  }
  return ledger;
}

LogConfig build_log(const ObjectReader& reader) {
  LogConfig log;
  reader.read_enum("level", k_log_level_names, log.level);
  reader.read_enum("format", k_log_format_names, log.format);
  reader.read("debug_archive", log.debug_archive);
  return log;
}

// Builds a section when it is present (absent: its value was wrong and is reported).
template <typename Section, typename Builder>
void build_section(const ObjectReader& root, std::string_view key, Builder builder, Section& out) {
  if (auto reader = root.child(key)) out = builder(*reader);
}

}  // namespace

Config build_config(const Json& document, BuildContext& ctx) {
  const ObjectReader root(document, "", ctx);
  Config config;
  build_section(root, "store", build_store, config.store);
  build_section(root, "api", build_api, config.api);
  build_section(root, "rules", build_rules, config.rules);
  build_section(root, "schedule", build_schedule, config.schedule);
  build_section(root, "retry", build_retry, config.retry);
  config.accesses = build_accesses(root);
  build_section(root, "ledger", build_ledger, config.ledger);
  build_section(root, "log", build_log, config.log);
  return config;
}

}  // namespace kaution::config_detail
