// Relative paths in the config are taken from the config file's directory.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

constexpr const char* k_relative_paths = R"({
  "store": {"path": "kautiond.db"},
  "api": {
    "socket": "run/api.sock",
    "tcp": {"tls_cert": "tls/api.crt", "tls_key": "/abs/api.key"},
    "tokens": [{"name": "erp", "role": "ledger", "token": {"file": "secrets/../secrets/erp"}}]
  },
  "accesses": [{"name": "a", "connector": "aak", "base_url": "https://a.example",
                "tls": {"ca_file": "../ca.pem", "client_cert": "./c.pem", "client_key": "c.key"}}]
})";

TEST(ConfigPaths, RelativeToTheConfigFilesDirectory) {
  const auto result = load_config_text(k_relative_paths, "/etc/kautiond/kautiond.json", false,
                                       unresolved_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  const Config& c = *result;
  EXPECT_EQ(c.store.path, "/etc/kautiond/kautiond.db");
  EXPECT_EQ(c.api.socket, "/etc/kautiond/run/api.sock");
  EXPECT_EQ(c.api.tcp->tls_cert, "/etc/kautiond/tls/api.crt");
  EXPECT_EQ(c.api.tcp->tls_key, "/abs/api.key");
  EXPECT_EQ(c.api.tokens.at(0).token.ref.name, "/etc/kautiond/secrets/erp");
  const TlsConfig& tls = c.accesses.at(0).tls;
  EXPECT_EQ(tls.ca_file, "/etc/ca.pem");
  EXPECT_EQ(tls.client_cert, "/etc/kautiond/c.pem");
  EXPECT_EQ(tls.client_key, "/etc/kautiond/c.key");
}

TEST(ConfigPaths, OriginWithoutDirectoryLeavesThemRelative) {
  const auto result =
      load_config_text(k_relative_paths, "kautiond.json", false, unresolved_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(result->store.path, "kautiond.db");
  EXPECT_EQ(result->accesses.at(0).tls.ca_file, "../ca.pem");
}

TEST(ConfigPaths, FileSecretNextToAConfigFileGivenByARelativePath) {
  const TempDir dir;
  dir.write("secrets/erp", "erp-token\n");
  std::string text = k_relative_paths;  // secrets/ sits beside etc/, so point the token there
  text.replace(text.find("secrets/../secrets/erp"), 22, "../secrets/erp");
  const auto config = dir.write("etc/kautiond.json", text, 0644);
  const auto relative = std::filesystem::relative(config);
  ASSERT_TRUE(relative.is_relative());
  const auto result = load_config_file(relative, fake_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  EXPECT_EQ(result->api.tokens.at(0).token.value.reveal(), "erp-token");
  EXPECT_EQ(result->api.tokens.at(0).token.ref.name, (dir.path() / "secrets/erp").string());
  EXPECT_EQ(result->store.path, dir.path() / "etc/kautiond.db");
}

TEST(ConfigPaths, MissingConfigFile) {
  const TempDir dir;
  const auto missing = dir.path() / "nope.json";
  EXPECT_THAT(
      errors_of(load_config_file(missing, fake_environment())),
      testing::ElementsAre("cannot open " + missing.string() + ": No such file or directory"));
}

}  // namespace
}  // namespace kaution::config_test
