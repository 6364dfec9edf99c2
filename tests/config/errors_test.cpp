// Structural errors (unknown keys, required keys, ranges, choices) and the checks across keys,
// each at its JSON Pointer; all of them at once.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::UnorderedElementsAre;

TEST(ConfigErrors, UnknownKeyListsTheAllowedOnes) {
  EXPECT_THAT(errors_of(load(config_with_access(R"("timeout_ms": 5000)"))),
              ElementsAre("/accesses/0/timeout_ms: unknown key (allowed: name, connector, active, "
                          "base_url, username, password, tls, timeouts, limits, km, dkb)"));
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"max_attempt": 3})"))),
              ElementsAre("/retry/max_attempt: unknown key (allowed: max_attempts, base_seconds, "
                          "cap_seconds)"));
  EXPECT_THAT(errors_of(load(config_with(R"("colour": "blue")"))),
              ElementsAre("/colour: unknown key (allowed: store, api, rules, schedule, retry, "
                          "accesses, ledger, log)"));
}

TEST(ConfigErrors, UnknownKeyIsEscapedInThePointer) {
  EXPECT_THAT(errors_of(load(config_with(R"("a/b~c": 1)"))),
              ElementsAre(testing::StartsWith("/a~1b~0c: unknown key")));
}

TEST(ConfigErrors, AllErrorsAtOnce) {
  const auto errors = errors_of(load(config_with(R"(
    "retry": {"max_attempts": "12"},
    "accesses": [{"connector": "aak", "base_url": "https://bank.example"},
                 {"name": "b", "connector": "km", "base_url": "https://km.example",
                  "timeout_ms": {"connect": 1}}])")));
  EXPECT_THAT(errors, UnorderedElementsAre(
                          "/retry/max_attempts: expected an integer, got a string",
                          "/accesses/0/name: required",
                          "/accesses/1/timeout_ms: unknown key (allowed: name, connector, active, "
                          "base_url, username, password, tls, timeouts, limits, km, dkb)"));
}

TEST(ConfigErrors, RequiredKeys) {
  EXPECT_THAT(errors_of(load("{}")), ElementsAre("/api/tokens: required"));
  EXPECT_THAT(errors_of(load(config_with(R"("accesses": [{}])"))),
              ElementsAre("/accesses/0/name: required", "/accesses/0/connector: required",
                          "/accesses/0/base_url: required"));
  EXPECT_THAT(errors_of(load(config_with(R"("ledger": {"webhook": {}})"))),
              ElementsAre("/ledger/webhook/url: required", "/ledger/webhook/secret: required"));
}

TEST(ConfigErrors, AtLeastOneToken) {
  EXPECT_THAT(errors_of(load(R"({"api": {"tokens": []}})")),
              ElementsAre("/api/tokens: expected at least 1 entry, got 0"));
}

TEST(ConfigErrors, IntegerRanges) {
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"max_attempts": 0})"))),
              ElementsAre("/retry/max_attempts: must be between 1 and 1000, got 0"));
  EXPECT_THAT(errors_of(load(R"({"api": {"tokens": )" + std::string(k_tokens_json) +
                             R"(, "tcp": {"port": 70000, "insecure_loopback": true}}})")),
              ElementsAre("/api/tcp/port: must be between 1 and 65535, got 70000"));
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"max_attempts": 1.5})"))),
              ElementsAre("/retry/max_attempts: expected an integer, got a floating-point number"));
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"max_attempts": 18446744073709551615})"))),
              ElementsAre(HasSubstr("/retry/max_attempts: must be between 1 and 1000")));
}

TEST(ConfigErrors, Choices) {
  EXPECT_THAT(errors_of(load(config_with(R"("log": {"level": "verbose"})"))),
              ElementsAre("/log/level: expected one of \"trace\", \"debug\", \"info\", \"warn\", "
                          "\"error\", got \"verbose\""));
  EXPECT_THAT(errors_of(load(config_with_access("").replace(config_with_access("").find("\"aak\""),
                                                            5, "\"sparkasse\""))),
              ElementsAre("/accesses/0/connector: expected one of \"aak\", \"km\", \"dkb\", got "
                          "\"sparkasse\""));
  EXPECT_THAT(
      errors_of(
          load(R"({"api": {"tokens": [{"name": "x", "role": "admin", "token": {"env": "T1"}}]}})")),
      ElementsAre("/api/tokens/0/role: expected one of \"ledger\", \"support\", \"operator\", got "
                  "\"admin\""));
}

TEST(ConfigErrors, NullOnlyWhereTheDefaultIsNull) {
  EXPECT_TRUE(load(config_with_access(R"("username": null, "km": null)")).has_value());
  EXPECT_THAT(errors_of(load(config_with(R"("rules": {"stale_after_days": null})"))),
              ElementsAre("/rules/stale_after_days: expected an integer, got null"));
}

TEST(ConfigErrors, AccessNamePatternAndUniqueness) {
  EXPECT_THAT(errors_of(load(config_with(R"("accesses": [
      {"name": "AAK main", "connector": "aak", "base_url": "https://a.example"}])"))),
              ElementsAre("/accesses/0/name: expected a name of 1 to 63 characters a-z, 0-9 and "
                          "-, got \"AAK main\""));
  EXPECT_THAT(errors_of(load(config_with(R"("accesses": [
      {"name": "x", "connector": "aak", "base_url": "https://a.example"},
      {"name": "y", "connector": "aak", "base_url": "https://a.example"},
      {"name": "x", "connector": "km", "base_url": "https://k.example"}])"))),
              ElementsAre("/accesses/2/name: duplicate access name \"x\" (also /accesses/0/name)"));
}

TEST(ConfigErrors, TokenNamesAndValuesAreUnique) {
  const std::string text = R"({"api": {"tokens": [
      {"name": "a", "role": "ledger", "token": {"env": "T1"}},
      {"name": "a", "role": "support", "token": {"env": "T2"}},
      {"name": "c", "role": "operator", "token": {"env": "T1"}},
      {"name": "d", "role": "operator", "token": {"env": "T4"}}]}})";
  auto env = fake_environment({{"T1", "one"}, {"T2", "two"}, {"T4", "two"}});
  EXPECT_THAT(
      errors_of(load(text, env)),
      ElementsAre("/api/tokens/1/name: duplicate token name \"a\" (also /api/tokens/0/name)",
                  "/api/tokens/2/token: the same token as /api/tokens/0/token; each token "
                  "must differ",
                  "/api/tokens/3/token: the same token as /api/tokens/1/token; each token "
                  "must differ"));
}

TEST(ConfigErrors, KmAndDkbBlocksOnlyOnTheirConnector) {
  EXPECT_THAT(
      errors_of(load(config_with_access(
          R"("km": {"trust_accounts": [{"iban": "DE89370400440532013000",
             "interest_rate": "0.250", "valid_from": "2026-01-01"}]},
             "dkb": {"collective_ibans": ["DE45120300001234567890"]})"))),
      ElementsAre("/accesses/0/km: only allowed on a km access; this access's connector is aak",
                  "/accesses/0/dkb: only allowed on a dkb access; this access's connector is aak"));
}

TEST(ConfigErrors, IbansDatesAndRates) {
  const auto errors = errors_of(load(config_with(R"("accesses": [
    {"name": "k", "connector": "km", "base_url": "https://k.example",
     "km": {"trust_accounts": [
       {"iban": "DE89370400440532013001", "interest_rate": "0,25", "valid_from": "2026-02-30"},
       {"iban": "DE89370400440532013000", "interest_rate": "100.500", "valid_from": "2026-1-1"}]}},
    {"name": "d", "connector": "dkb", "base_url": "https://d.example",
     "dkb": {"collective_ibans": ["XX00", "DE45120300001234567890", "DE45 1203 0000 1234 5678 90"],
             "portal_url": "ftp://dkb.example"}}])")));
  EXPECT_THAT(
      errors,
      ElementsAre(
          "/accesses/0/km/trust_accounts/0/iban: invalid IBAN \"DE89370400440532013001\": check "
          "digits do not match",
          "/accesses/0/km/trust_accounts/0/interest_rate: expected an interest rate in percent "
          "with three decimals such as \"0.250\", got \"0,25\"",
          HasSubstr("/accesses/0/km/trust_accounts/0/valid_from: "),
          "/accesses/0/km/trust_accounts/1/interest_rate: interest rate \"100.500\" is above 100 "
          "percent",
          HasSubstr("/accesses/0/km/trust_accounts/1/valid_from: invalid date \"2026-1-1\""),
          HasSubstr("/accesses/1/dkb/collective_ibans/0: invalid IBAN \"XX00\""),
          "/accesses/1/dkb/portal_url: expected a URL starting with http:// or https://"));
}

TEST(ConfigErrors, RepeatedIbans) {
  EXPECT_THAT(
      errors_of(load(config_with(R"("accesses": [
        {"name": "d", "connector": "dkb", "base_url": "https://d.example",
         "dkb": {"collective_ibans": ["DE45120300001234567890", "de45 1203 0000 1234 5678 90"]}}])"))),
      ElementsAre("/accesses/0/dkb/collective_ibans/1: repeats /accesses/0/dkb/collective_ibans/0 "
                  "(same IBAN)"));
}

TEST(ConfigErrors, UrlsNeverEchoed) {
  EXPECT_THAT(errors_of(load(config_with_access("").replace(
                  config_with_access("").find("https://bank.example"), 20,
                  "https://user:hunter2@bank.example"))),
              ElementsAre("/accesses/0/base_url: a URL must not contain user information; use "
                          "username and password"));
}

TEST(ConfigErrors, SocketMode) {
  auto with_mode = [](std::string_view mode) {
    return R"({"api": {"tokens": )" + std::string(k_tokens_json) + R"(, "socket_mode": )" +
           std::string(mode) + "}}";
  };
  EXPECT_EQ(load(with_mode(R"("0640")"))->api.socket_mode, 0640U);
  EXPECT_EQ(load(with_mode(R"("600")"))->api.socket_mode, 0600U);
  EXPECT_THAT(errors_of(load(with_mode(R"("0999")"))),
              ElementsAre("/api/socket_mode: expected an octal file mode such as \"0660\", got "
                          "\"0999\""));
  EXPECT_THAT(errors_of(load(with_mode(R"("4755")"))), ElementsAre(HasSubstr("octal file mode")));
  EXPECT_THAT(errors_of(load(with_mode("660"))),
              ElementsAre("/api/socket_mode: expected a string, got an integer"));
}

std::string with_tcp(std::string_view tcp) {
  return R"({"api": {"tokens": )" + std::string(k_tokens_json) + R"(, "tcp": )" + std::string(tcp) +
         "}}";
}

TEST(ConfigErrors, TcpNeedsTlsOrInsecureLoopback) {
  EXPECT_THAT(errors_of(load(with_tcp(R"({"address": "127.0.0.1", "port": 8470})"))),
              ElementsAre("/api/tcp: a TCP listener needs tls_cert and tls_key, or "
                          "insecure_loopback on a loopback address"));
  EXPECT_THAT(errors_of(load(with_tcp(R"({"address": "10.0.0.5", "insecure_loopback": true})"))),
              ElementsAre("/api/tcp/address: insecure_loopback needs a loopback address "
                          "(127.0.0.1, ::1 or localhost), got \"10.0.0.5\""));
  EXPECT_THAT(errors_of(load(with_tcp(R"({"address": "0.0.0.0", "tls_cert": "/c.pem"})"))),
              ElementsAre("/api/tcp/tls_key: required with tls_cert"));
  EXPECT_THAT(
      errors_of(load(with_tcp(R"({"address": "bank.example", "insecure_loopback": true})"))),
      ElementsAre("/api/tcp/address: expected an IPv4 or IPv6 address or \"localhost\", "
                  "got \"bank.example\""));
  EXPECT_TRUE(load(with_tcp(R"({"address": "::1", "insecure_loopback": true})")).has_value());
  EXPECT_TRUE(load(with_tcp(R"({"address": "localhost", "insecure_loopback": true})")));
  EXPECT_TRUE(load(with_tcp(R"({"address": "0.0.0.0", "tls_cert": "c", "tls_key": "k"})")));
}

TEST(ConfigErrors, ChecksAcrossKeys) {
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"base_seconds": 60, "cap_seconds": 30})"))),
              ElementsAre("/retry/cap_seconds: must be at least base_seconds (60), got 30"));
  EXPECT_THAT(errors_of(load(config_with_access(R"("timeouts": {"connect_ms": 70000})"))),
              ElementsAre("/accesses/0/timeouts/connect_ms: must not exceed total_ms (60000)"));
  EXPECT_THAT(errors_of(load(config_with_access(R"("tls": {"client_key": "k.pem"})"))),
              ElementsAre("/accesses/0/tls/client_cert: required with client_key"));
  EXPECT_THAT(errors_of(load(config_with_access(R"("tls": {"pinned_public_key": "abc"})"))),
              ElementsAre("/accesses/0/tls/pinned_public_key: expected \"sha256//<base64 of the "
                          "SHA-256>\" pins separated by \";\""));
}

TEST(ConfigErrors, EmptyStringsAreRefused) {
  EXPECT_THAT(errors_of(load(config_with(R"("store": {"path": ""})"))),
              ElementsAre("/store/path: must not be empty"));
}

TEST(ConfigErrors, DuplicateKeysAreRefused) {
  EXPECT_THAT(errors_of(load(config_with(R"("retry": {"max_attempts": 3, "max_attempts": 4})"))),
              ElementsAre("/retry/max_attempts: duplicate key: given twice in this object"));
  EXPECT_THAT(errors_of(load(config_with(R"("accesses": [
        {"name": "a", "connector": "aak", "base_url": "https://a.example"},
        {"name": "b", "connector": "aak", "base_url": "https://a.example",
         "tls": {"verify": true, "verify": false}}])"))),
              ElementsAre("/accesses/1/tls/verify: duplicate key: given twice in this object"));
}

TEST(ConfigErrors, FormatJoinsPointerAndMessage) {
  EXPECT_EQ(format(ConfigError{"/retry/max_attempts", "required"}),
            "/retry/max_attempts: required");
  EXPECT_EQ(format(ConfigError{"", "cannot open x"}), "cannot open x");
}

}  // namespace
}  // namespace kaution::config_test
