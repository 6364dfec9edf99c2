// Secrets from systemd credentials, files and the environment; plain strings only in private
// files; and no secret value in any error message.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;

std::string with_password(std::string_view secret_json) {
  return config_with_access(R"("password": )" + std::string(secret_json));
}

const SecretSetting& password_of(const ConfigLoad& result) {
  return result.value().accesses.at(0).password.value();
}

TEST(ConfigSecrets, FromTheEnvironment) {
  const auto result = load(with_password(R"({"env": "AAK_SECRET"})"),
                           fake_environment({{"T1", "t"}, {"AAK_SECRET", "from-env"}}));
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(password_of(result).ref, (SecretRef{SecretKind::env, "AAK_SECRET"}));
  EXPECT_EQ(password_of(result).value.reveal(), "from-env");
  EXPECT_TRUE(password_of(result).value.is_resolved());
}

TEST(ConfigSecrets, EnvironmentVariableUnsetOrEmpty) {
  EXPECT_THAT(errors_of(load(with_password(R"({"env": "AAK_SECRET"})"))),
              ElementsAre("/accesses/0/password: environment variable AAK_SECRET is not set"));
  EXPECT_THAT(errors_of(load(with_password(R"({"env": "AAK_SECRET"})"),
                             fake_environment({{"T1", "t"}, {"AAK_SECRET", ""}}))),
              ElementsAre("/accesses/0/password: environment variable AAK_SECRET is empty"));
  EXPECT_THAT(errors_of(load(with_password(R"({"env": "AAK-SECRET"})"))),
              ElementsAre("/accesses/0/password/env: expected an environment variable name "
                          "(letters, digits and _)"));
}

TEST(ConfigSecrets, FromAFileWithoutItsTrailingNewline) {
  const TempDir dir;
  dir.write("unix.secret", "from-file\n");
  dir.write("dos.secret", "from-file\r\n");
  dir.write("bare.secret", "from-file", 0400);
  for (const char* name : {"unix.secret", "dos.secret", "bare.secret"}) {
    const std::string path = (dir.path() / name).string();
    const auto result = load(with_password(R"({"file": ")" + path + R"("})"));
    ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
    EXPECT_EQ(password_of(result).ref, (SecretRef{SecretKind::file, path}));
    EXPECT_EQ(password_of(result).value.reveal(), "from-file");
  }
}

TEST(ConfigSecrets, GroupOrWorldAccessibleFileIsRefused) {
  const TempDir dir;
  const auto group = dir.write("group.secret", "x", 0640);
  const auto world = dir.write("world.secret", "x", 0604);
  EXPECT_THAT(errors_of(load(with_password(R"({"file": ")" + group.string() + R"("})"))),
              ElementsAre("/accesses/0/password: secret file: " + group.string() +
                          " has mode 0640, open to group or others; it must be 0600 or stricter"));
  EXPECT_THAT(errors_of(load(with_password(R"({"file": ")" + world.string() + R"("})"))),
              ElementsAre(HasSubstr("has mode 0604, open to group or others")));
}

TEST(ConfigSecrets, MissingOrEmptyFile) {
  const TempDir dir;
  const auto empty = dir.write("empty.secret", "\n");
  const std::string missing = (dir.path() / "missing").string();
  EXPECT_THAT(errors_of(load(with_password(R"({"file": ")" + missing + R"("})"))),
              ElementsAre("/accesses/0/password: secret file: cannot open " + missing +
                          ": No such file or directory"));
  EXPECT_THAT(errors_of(load(with_password(R"({"file": ")" + empty.string() + R"("})"))),
              ElementsAre("/accesses/0/password: secret file: " + empty.string() + " is empty"));
}

TEST(ConfigSecrets, FromASystemdCredential) {
  const TempDir dir;
  dir.write("aak-main-password", "from-credential\n", 0444);
  const auto result = load(with_password(R"({"credential": "aak-main-password"})"),
                           fake_environment({{"T1", "t"}}, dir.path()));
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(password_of(result).ref, (SecretRef{SecretKind::credential, "aak-main-password"}));
  EXPECT_EQ(password_of(result).value.reveal(), "from-credential");
}

TEST(ConfigSecrets, CredentialWithoutDirectoryOrFile) {
  const TempDir dir;
  EXPECT_THAT(errors_of(load(with_password(R"({"credential": "aak"})"))),
              ElementsAre("/accesses/0/password: credential \"aak\": $CREDENTIALS_DIRECTORY is "
                          "not set (systemd LoadCredential=)"));
  EXPECT_THAT(errors_of(load(with_password(R"({"credential": "aak"})"),
                             fake_environment({{"T1", "t"}}, dir.path()))),
              ElementsAre("/accesses/0/password: credential \"aak\": cannot open " +
                          (dir.path() / "aak").string() + ": No such file or directory"));
  EXPECT_THAT(errors_of(load(with_password(R"({"credential": "../etc/shadow"})"))),
              ElementsAre("/accesses/0/password/credential: expected a credential name (a file "
                          "name without \"/\")"));
}

TEST(ConfigSecrets, ExactlyOneSource) {
  EXPECT_THAT(errors_of(load(with_password(R"({"env": "A", "credential": "b"})"))),
              ElementsAre("/accesses/0/password: expected exactly one of credential, file, env"));
  EXPECT_THAT(errors_of(load(with_password("{}"))),
              ElementsAre("/accesses/0/password: expected exactly one of credential, file, env"));
  EXPECT_THAT(errors_of(load(with_password("42"))),
              ElementsAre("/accesses/0/password: expected a secret (a string or an object with "
                          "one of credential, file, env) or null, got an integer"));
}

TEST(ConfigSecrets, PlainStringOnlyInAPrivateFile) {
  const std::string text = with_password(R"("plain-secret")");
  EXPECT_THAT(errors_of(load(text, token_environment(), /*file_is_private=*/false)),
              ElementsAre("/accesses/0/password: a plain string secret needs the config file to "
                          "be mode 0600 or stricter; use {\"credential\": …}, {\"file\": …} or "
                          "{\"env\": …}"));
  const auto result = load(text, token_environment(), /*file_is_private=*/true);
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(password_of(result).ref, (SecretRef{SecretKind::inline_, ""}));
  EXPECT_EQ(password_of(result).value.reveal(), "plain-secret");
}

TEST(ConfigSecrets, PlainStringFollowsTheConfigFileMode) {
  const TempDir dir;
  const std::string text = with_password(R"("plain-secret")");
  for (unsigned mode : {0600U, 0400U}) {
    const auto file = dir.write("private.json", text, mode);
    EXPECT_TRUE(load_config_file(file, token_environment()).has_value()) << mode;
  }
  for (unsigned mode : {0640U, 0644U, 0604U, 0700U}) {
    const auto file = dir.write("shared.json", text, mode);
    EXPECT_THAT(errors_of(load_config_file(file, token_environment())),
                ElementsAre(HasSubstr("a plain string secret needs the config file to be mode "
                                      "0600 or stricter")))
        << mode;
  }
}

TEST(ConfigSecrets, CheckingWithoutResolving) {
  const auto result =
      load(with_password(R"({"credential": "not-there"})"), unresolved_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(password_of(result).ref, (SecretRef{SecretKind::credential, "not-there"}));
  EXPECT_FALSE(password_of(result).value.is_resolved());
  EXPECT_FALSE(result->api.tokens.at(0).token.value.is_resolved());
  EXPECT_FALSE(load(with_password(R"("plain")"), unresolved_environment()).has_value());
}

// --- No secret in any message ------------------------------------------------------------------

constexpr std::string_view k_canary = "CANARY-5ecret-7f3a9c";

std::string with_canary(std::string_view pattern) {
  std::string text(pattern);
  for (auto at = text.find("@C@"); at != std::string::npos; at = text.find("@C@")) {
    text.replace(at, 3, k_canary);
  }
  return text;
}

void expect_no_canary(const ConfigLoad& result, std::string_view scenario) {
  ASSERT_FALSE(result.has_value()) << scenario << ": expected errors";
  for (const ConfigError& error : result.error()) {
    EXPECT_EQ(format(error).find(k_canary), std::string::npos) << scenario;
  }
}

TEST(ConfigSecrets, CanaryNeverAppearsInAnError) {
  const TempDir dir;
  const auto shared_file = dir.write("shared.secret", with_canary("@C@\n"), 0644);
  dir.write("cred", with_canary("@C@"), 0400);
  const auto env = fake_environment(
      {{"T1", std::string(k_canary)}, {"T2", std::string(k_canary)}, {"E", ""}}, dir.path());
  const std::string two_tokens = R"({"api": {"tokens": [
      {"name": "a", "role": "ledger", "token": {"env": "T1"}},
      {"name": "b", "role": "ledger", "token": {"credential": "cred"}},
      {"name": "c", "role": "ledger", "token": {"env": "T2"}}]}})";
  struct Scenario {
    std::string name;
    std::string text;
  };
  const std::vector<Scenario> scenarios = {
      {"plain string in a shared file", with_password(with_canary(R"("@C@")"))},
      {"same token value twice", two_tokens},
      {"group-readable secret file",
       with_password(R"({"file": ")" + shared_file.string() + R"("})")},
      {"unterminated string", with_canary(R"({"api": {"tokens": [{"token": "@C@)")},
      {"control character in a string", with_canary("{\"api\": {\"token\": \"@C@\n\"}}")},
      {"garbage after a secret", with_canary(R"({"api": {"tokens": [{"token": "@C@" x}]}})")},
      {"invalid escape in a secret", with_canary(R"({"api": {"tokens": [{"token": "@C@\q"}]}})")},
      {"unknown key in a secret object", with_password(with_canary(R"({"value": "@C@"})"))},
      {"secret given twice", with_password(with_canary(R"({"env": "E", "env": "@C@"})"))},
      {"secret of the wrong type", with_password(with_canary(R"(["@C@"])"))},
      {"secret in a URL", config_with(with_canary(R"("accesses": [{"name": "a",
          "connector": "aak", "base_url": "https://id:@C@@bank.example"}])"))},
      {"secret in a webhook URL", config_with(with_canary(R"("ledger": {"webhook": {
          "url": "https://erp.example/hook?key=@C@ x", "secret": {"env": "T1"}}})"))},
  };
  for (const Scenario& scenario : scenarios) {
    expect_no_canary(load(scenario.text, env, /*file_is_private=*/false), scenario.name);
  }
}

TEST(ConfigSecrets, TheCanaryTestWouldSeeALeak) {
  // nlohmann's own message quotes the text it read; the loader must not pass it on.
  std::string raw_message;
  try {
    const auto parsed = nlohmann::json::parse(with_canary(R"({"token": "@C@)"));
    ADD_FAILURE() << "parsed: " << parsed.type_name();
  } catch (const nlohmann::json::parse_error& error) {
    raw_message = error.what();
  }
  EXPECT_NE(raw_message.find(k_canary), std::string::npos);
  expect_no_canary(load(with_canary(R"({"token": "@C@)")), "unterminated string");
}

TEST(ConfigSecrets, SummaryHasNoSecret) {
  const auto result = load(config_with(""), fake_environment({{"T1", std::string(k_canary)}}));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->api.tokens.at(0).token.value.reveal(), k_canary);
  EXPECT_EQ(summarize(*result).find(k_canary), std::string::npos);
}

}  // namespace
}  // namespace kaution::config_test
