// Every key's default, as the typed Config sees it, and the tables' defaults themselves.

#include <gtest/gtest.h>

#include "config/key_table.hpp"
#include "config/walker.hpp"
#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

Config load_ok(const std::string& text) {
  auto result = load(text);
  EXPECT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  return result.value_or(Config{});
}

TEST(ConfigDefaults, TopLevelSectionsTakeTheirDefaults) {
  const Config config = load_ok(config_with(""));
  EXPECT_EQ(config.store.path, "/var/lib/kautiond/kautiond.db");
  EXPECT_EQ(config.api.socket, "/run/kautiond/api.sock");
  EXPECT_EQ(config.api.socket_mode, 0660U);
  EXPECT_EQ(config.api.socket_group, std::nullopt);
  EXPECT_FALSE(config.api.tcp.has_value());
  EXPECT_EQ(config.api.max_body_bytes, 10485760);
  EXPECT_EQ(config.rules.stale_after_days, 21);
  EXPECT_EQ(config.rules.faulty_without_balance_after_days, 21);
  EXPECT_EQ(config.rules.bgb551, Bgb551Mode::warn);
  EXPECT_EQ(config.schedule.import_every_minutes, 15);
  EXPECT_EQ(config.schedule.interest_distributions_every_hours, 24);
  EXPECT_EQ(config.retry.max_attempts, 12);
  EXPECT_EQ(config.retry.base_seconds, 30);
  EXPECT_EQ(config.retry.cap_seconds, 21600);
  EXPECT_TRUE(config.accesses.empty());
  EXPECT_FALSE(config.ledger.webhook.has_value());
  EXPECT_EQ(config.log.level, LogLevel::info);
  EXPECT_EQ(config.log.format, LogFormat::text);
}

TEST(ConfigDefaults, TokenKeepsItsReference) {
  const Config config = load_ok(config_with(""));
  ASSERT_EQ(config.api.tokens.size(), 1U);
  EXPECT_EQ(config.api.tokens[0].name, "erp");
  EXPECT_EQ(config.api.tokens[0].role, TokenRole::ledger);
  EXPECT_EQ(config.api.tokens[0].token.ref, (SecretRef{SecretKind::env, "T1"}));
  EXPECT_EQ(config.api.tokens[0].token.value.reveal(), "token-one");
}

TEST(ConfigDefaults, AccessKeysTakeTheirDefaults) {
  const Config config = load_ok(config_with_access(""));
  ASSERT_EQ(config.accesses.size(), 1U);
  const AccessConfig& access = config.accesses[0];
  EXPECT_EQ(access.name, "a");
  EXPECT_EQ(access.connector, ConnectorKind::aak);
  EXPECT_TRUE(access.active);
  EXPECT_EQ(access.base_url, "https://bank.example");
  EXPECT_EQ(access.username, std::nullopt);
  EXPECT_FALSE(access.password.has_value());
  EXPECT_TRUE(access.tls.verify);
  EXPECT_EQ(access.tls.ca_file, std::nullopt);
  EXPECT_EQ(access.tls.client_cert, std::nullopt);
  EXPECT_EQ(access.tls.client_key, std::nullopt);
  EXPECT_EQ(access.tls.pinned_public_key, std::nullopt);
  EXPECT_EQ(access.timeouts.connect_ms, 10000);
  EXPECT_EQ(access.timeouts.total_ms, 60000);
  EXPECT_EQ(access.timeouts.low_speed_limit_bytes, 1);
  EXPECT_EQ(access.timeouts.low_speed_time_s, 30);
  EXPECT_EQ(access.limits.max_in_flight, 4);
  EXPECT_EQ(access.limits.requests_per_second, 10);
  EXPECT_FALSE(access.km.has_value());
  EXPECT_FALSE(access.dkb.has_value());
}

TEST(ConfigDefaults, OptionalBlocksTakeTheirDefaultsWhenGiven) {
  const Config config = load_ok(R"({
    "api": {"tokens": [{"name": "erp", "role": "ledger", "token": {"env": "T1"}}],
            "tcp": {"insecure_loopback": true}},
    "ledger": {"webhook": {"url": "https://erp.example/hook", "secret": {"env": "T2"}}},
    "accesses": [{"name": "d", "connector": "dkb", "base_url": "https://dkb.example",
                  "dkb": {"collective_ibans": ["DE45120300001234567890"]}}]})");
  ASSERT_TRUE(config.api.tcp.has_value());
  EXPECT_EQ(config.api.tcp->address, "127.0.0.1");
  EXPECT_EQ(config.api.tcp->port, 8470);
  EXPECT_EQ(config.api.tcp->tls_cert, std::nullopt);
  EXPECT_EQ(config.api.tcp->tls_key, std::nullopt);
  ASSERT_TRUE(config.ledger.webhook.has_value());
  EXPECT_EQ(config.ledger.webhook->timeout_ms, 10000);
  ASSERT_TRUE(config.accesses.at(0).dkb.has_value());
  EXPECT_EQ(config.accesses[0].dkb->portal_url, std::nullopt);
}

TEST(ConfigDefaults, StructDefaultsMatchTheTables) {
  // The struct's member initializers and the tables' defaults must agree: a Config loaded from
  // the smallest file equals a default-constructed one, section by section.
  const Config loaded = load_ok(config_with(""));
  const Config defaults;
  EXPECT_EQ(loaded.store.path, defaults.store.path);
  EXPECT_EQ(loaded.api.socket, defaults.api.socket);
  EXPECT_EQ(loaded.api.socket_mode, defaults.api.socket_mode);
  EXPECT_EQ(loaded.api.max_body_bytes, defaults.api.max_body_bytes);
  EXPECT_EQ(loaded.rules.stale_after_days, defaults.rules.stale_after_days);
  EXPECT_EQ(loaded.rules.faulty_without_balance_after_days,
            defaults.rules.faulty_without_balance_after_days);
  EXPECT_EQ(loaded.rules.bgb551, defaults.rules.bgb551);
  EXPECT_EQ(loaded.schedule.import_every_minutes, defaults.schedule.import_every_minutes);
  EXPECT_EQ(loaded.schedule.interest_distributions_every_hours,
            defaults.schedule.interest_distributions_every_hours);
  EXPECT_EQ(loaded.retry.max_attempts, defaults.retry.max_attempts);
  EXPECT_EQ(loaded.retry.base_seconds, defaults.retry.base_seconds);
  EXPECT_EQ(loaded.retry.cap_seconds, defaults.retry.cap_seconds);
  EXPECT_EQ(loaded.log.level, defaults.log.level);
  EXPECT_EQ(loaded.log.format, defaults.log.format);
  const AccessConfig access = load_ok(config_with_access("")).accesses.at(0);
  const AccessConfig access_defaults;
  EXPECT_EQ(access.active, access_defaults.active);
  EXPECT_EQ(access.tls.verify, access_defaults.tls.verify);
  EXPECT_EQ(access.timeouts.connect_ms, access_defaults.timeouts.connect_ms);
  EXPECT_EQ(access.timeouts.total_ms, access_defaults.timeouts.total_ms);
  EXPECT_EQ(access.timeouts.low_speed_limit_bytes, access_defaults.timeouts.low_speed_limit_bytes);
  EXPECT_EQ(access.timeouts.low_speed_time_s, access_defaults.timeouts.low_speed_time_s);
  EXPECT_EQ(access.limits.max_in_flight, access_defaults.limits.max_in_flight);
  EXPECT_EQ(access.limits.requests_per_second, access_defaults.limits.requests_per_second);
  EXPECT_EQ(TcpConfig{}.port, 8470);
  EXPECT_EQ(WebhookConfig{}.timeout_ms, 10000);
}

// Each table's defaults, written out explicitly, pass that table's own checks.
void expect_defaults_valid(const KeyTable& table) {
  config_detail::Json object = config_detail::Json::object();
  for (const KeySpec& spec : table.keys) {
    if (spec.default_json != k_required) {
      object[std::string(spec.name)] = config_detail::Json::parse(spec.default_json);
    }
    if (spec.table != nullptr) expect_defaults_valid(*spec.table);
  }
  config_detail::ErrorList errors;
  config_detail::walk_object(object, table, std::string(table.pointer), errors);
  for (const ConfigError& error : errors.errors()) {
    EXPECT_EQ(error.message, "required") << format(error);  // only the keys without a default
  }
}

TEST(ConfigDefaults, EveryTableDefaultPassesItsOwnCheck) {
  expect_defaults_valid(root_key_table());
}

}  // namespace
}  // namespace kaution::config_test
