// Every key given: each lands in its member of the typed Config; each wrong type is reported at
// its pointer, alone.

#include <gtest/gtest.h>

#include <set>

#include "config/json_pointer.hpp"
#include "config/key_table.hpp"
#include "config_test_support.hpp"
#include "full_config.hpp"

namespace kaution::config_test {
namespace {

using config_detail::Json;

TEST(ConfigFull, EveryKeyReachesTheTypedConfig) {
  const auto result = load(k_full_config, unresolved_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  const Config& c = *result;
  EXPECT_EQ(c.store.path, "/srv/kaution/store.db");
  EXPECT_EQ(c.api.socket, "/run/k/api.sock");
  EXPECT_EQ(c.api.socket_mode, 0600U);
  EXPECT_EQ(c.api.socket_group, "kaution");
  ASSERT_TRUE(c.api.tcp.has_value());
  EXPECT_EQ(c.api.tcp->address, "127.0.0.2");
  EXPECT_EQ(c.api.tcp->port, 8471);
  EXPECT_EQ(c.api.tcp->tls_cert, "/etc/k/api.crt");
  EXPECT_EQ(c.api.tcp->tls_key, "/etc/k/api.key");
  EXPECT_FALSE(c.api.tcp->insecure_loopback);
  ASSERT_EQ(c.api.tokens.size(), 3U);
  EXPECT_EQ(c.api.tokens[1].name, "ops");
  EXPECT_EQ(c.api.tokens[1].role, TokenRole::operator_);
  EXPECT_EQ(c.api.tokens[1].token.ref, (SecretRef{SecretKind::credential, "api-token-ops"}));
  EXPECT_EQ(c.api.tokens[2].role, TokenRole::support);
  EXPECT_EQ(c.api.tokens[2].token.ref, (SecretRef{SecretKind::file, "/etc/k/help.token"}));
  EXPECT_FALSE(c.api.tokens[2].token.value.is_resolved());
  EXPECT_EQ(c.api.max_body_bytes, 2048);
  EXPECT_EQ(c.rules.stale_after_days, 7);
  EXPECT_EQ(c.rules.faulty_without_balance_after_days, 30);
  EXPECT_EQ(c.rules.bgb551, Bgb551Mode::error);
  EXPECT_EQ(c.schedule.import_every_minutes, 5);
  EXPECT_EQ(c.schedule.interest_distributions_every_hours, 12);
  EXPECT_EQ(c.retry.max_attempts, 3);
  EXPECT_EQ(c.retry.base_seconds, 10);
  EXPECT_EQ(c.retry.cap_seconds, 600);
  EXPECT_EQ(c.ledger.webhook->url, "https://erp.example/hook");
  EXPECT_EQ(c.ledger.webhook->secret.ref, (SecretRef{SecretKind::env, "HOOK"}));
  EXPECT_EQ(c.ledger.webhook->timeout_ms, 5000);
  EXPECT_EQ(c.log.level, LogLevel::warn);
  EXPECT_EQ(c.log.format, LogFormat::json);
  EXPECT_TRUE(c.log.debug_archive);
}

TEST(ConfigFull, EveryAccessKeyReachesTheTypedConfig) {
  const auto result = load(k_full_config, unresolved_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  ASSERT_EQ(result->accesses.size(), 3U);
  const AccessConfig& aak = result->accesses[0];
  EXPECT_EQ(aak.name, "aak-1");
  EXPECT_FALSE(aak.active);
  EXPECT_EQ(aak.base_url, "https://aak.example/api");
  EXPECT_EQ(aak.username, "client-id");
  EXPECT_EQ(aak.password->ref, (SecretRef{SecretKind::env, "AAK_SECRET"}));
  EXPECT_FALSE(aak.tls.verify);
  EXPECT_EQ(aak.tls.ca_file, "/etc/k/ca.pem");
  EXPECT_EQ(aak.tls.client_cert, "/etc/k/c.pem");
  EXPECT_EQ(aak.tls.client_key, "/etc/k/c.key");
  EXPECT_EQ(aak.tls.pinned_public_key, "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
  EXPECT_EQ(aak.timeouts.connect_ms, 1000);
  EXPECT_EQ(aak.timeouts.total_ms, 2000);
  EXPECT_EQ(aak.timeouts.low_speed_limit_bytes, 100);
  EXPECT_EQ(aak.timeouts.low_speed_time_s, 5);
  EXPECT_EQ(aak.limits.max_in_flight, 2);
  EXPECT_EQ(aak.limits.requests_per_second, 3);
  const AccessConfig& km = result->accesses[1];
  EXPECT_EQ(km.connector, ConnectorKind::km);
  ASSERT_TRUE(km.km.has_value());
  ASSERT_EQ(km.km->trust_accounts.size(), 1U);
  EXPECT_EQ(km.km->trust_accounts[0].iban.str(), "DE89370400440532013000");
  EXPECT_EQ(km.km->trust_accounts[0].interest_rate, "0.250");
  EXPECT_EQ(km.km->trust_accounts[0].valid_from.to_string(), "2026-01-01");
  const AccessConfig& dkb = result->accesses[2];
  EXPECT_EQ(dkb.connector, ConnectorKind::dkb);
  ASSERT_TRUE(dkb.dkb.has_value());
  ASSERT_EQ(dkb.dkb->collective_ibans.size(), 1U);
  EXPECT_EQ(dkb.dkb->collective_ibans[0].str(), "DE45120300001234567890");
  EXPECT_EQ(dkb.dkb->portal_url, "https://portal.dkb.example");
}

// Every value in `value` with its pointer, containers included, the root excluded.
void collect_pointers(const Json& value, const std::string& pointer,
                      std::vector<std::string>& out) {
  if (!pointer.empty()) out.push_back(pointer);
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      collect_pointers(item.value(), config_detail::child_pointer(pointer, item.key()), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      collect_pointers(value[i], config_detail::child_pointer(pointer, i), out);
    }
  }
}

// A value of another JSON type than `value`.
Json wrong_type_for(const Json& value) {
  if (value.is_string() || value.is_object() || value.is_array()) return 42;
  return "text";
}

TEST(ConfigFull, EveryWrongTypeIsReportedAloneAtItsPointer) {
  const Json full = Json::parse(k_full_config);
  std::vector<std::string> pointers;
  collect_pointers(full, "", pointers);
  ASSERT_GT(pointers.size(), 60U);
  for (const std::string& pointer : pointers) {
    Json broken = full;
    const Json::json_pointer json_pointer(pointer);
    broken[json_pointer] = wrong_type_for(full[json_pointer]);
    const auto errors = errors_of(load(broken.dump(), unresolved_environment()));
    ASSERT_EQ(errors.size(), 1U) << pointer << ": " << testing::PrintToString(errors);
    EXPECT_TRUE(errors[0].starts_with(pointer + ": expected ")) << errors[0];
    EXPECT_NE(errors[0].find(", got a"), std::string::npos) << errors[0];
  }
}

// Every key of the tables as a pointer pattern, array entries as "*" (secrets as one value).
void collect_patterns(const KeyTable& table, const std::string& prefix,
                      std::set<std::string>& out) {
  for (const KeySpec& spec : table.keys) {
    const std::string pattern = prefix + "/" + std::string(spec.name);
    out.insert(pattern);
    if (spec.type == ValueType::object) collect_patterns(*spec.table, pattern, out);
    if (spec.type == ValueType::object_array) collect_patterns(*spec.table, pattern + "/*", out);
  }
}

std::string pattern_of(const std::string& pointer) {
  std::string pattern;
  std::size_t start = 1;
  while (start <= pointer.size()) {
    const auto end = std::min(pointer.find('/', start), pointer.size());
    const std::string token = pointer.substr(start, end - start);
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    pattern += "/" + (index ? std::string("*") : token);
    start = end + 1;
  }
  return pattern;
}

TEST(ConfigFull, TheFullConfigCoversEveryKeyOfTheTables) {
  std::set<std::string> table_patterns;
  collect_patterns(root_key_table(), "", table_patterns);
  std::vector<std::string> pointers;
  collect_pointers(Json::parse(k_full_config), "", pointers);
  std::set<std::string> given;
  for (const std::string& pointer : pointers)
    given.insert(pattern_of(pointer));
  for (const std::string& pattern : table_patterns) {
    EXPECT_TRUE(given.contains(pattern)) << pattern << " is missing from k_full_config";
  }
}

}  // namespace
}  // namespace kaution::config_test
