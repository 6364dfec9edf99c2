// examples/kautiond.json, summarize(), the Markdown reference and config/README.md.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "config/key_table.hpp"
#include "config_test_support.hpp"

namespace kaution::config_test {
namespace {

const std::filesystem::path k_example = KAUTION_SOURCE_DIR "/examples/kautiond.json";
const std::filesystem::path k_readme = KAUTION_SOURCE_DIR "/config/README.md";

SecretEnvironment example_environment() {
  return fake_environment({{"KAUTIOND_TOKEN_ERP", "erp"},
                           {"KAUTIOND_TOKEN_SUPPORT", "support"},
                           {"KAUTIOND_TOKEN_MONITOR", "monitor"},
                           {"KAUTIOND_AAK_SECRET", "aak"},
                           {"KAUTIOND_KM_SECRET", "km"},
                           {"KAUTIOND_DKB_SECRET", "dkb"}});
}

TEST(ConfigExample, IsValidWithItsSecretsResolved) {
  const auto result = load_config_file(k_example, example_environment());
  ASSERT_TRUE(result.has_value()) << testing::PrintToString(errors_of(result));
  const std::filesystem::path dir = std::filesystem::path(KAUTION_SOURCE_DIR) / "examples";
  EXPECT_EQ(summarize(*result), "config ok: 3 accesses (aak 1, km 1, dkb 1), 3 tokens, store " +
                                    (dir / "kautiond.db").string());
  ASSERT_EQ(result->accesses.size(), 3U);
  EXPECT_EQ(result->accesses[0].name, "aak-main");
  EXPECT_EQ(result->accesses[0].base_url, "https://127.0.0.1:8441");
  EXPECT_EQ(result->accesses[0].tls.ca_file, dir / "sandbox/ca.pem");
  EXPECT_EQ(result->accesses[1].base_url, "https://127.0.0.1:8442");
  EXPECT_EQ(result->accesses[2].base_url, "https://127.0.0.1:8443");
  EXPECT_EQ(result->accesses[2].password->value.reveal(), "dkb");
}

TEST(ConfigExample, IsValidWithoutResolvingSecrets) {
  EXPECT_TRUE(load_config_file(k_example, unresolved_environment()).has_value());
}

TEST(ConfigExample, NamesEachMissingSecret) {
  EXPECT_THAT(errors_of(load_config_file(k_example, fake_environment())),
              testing::ElementsAre(
                  "/api/tokens/0/token: environment variable KAUTIOND_TOKEN_ERP is not set",
                  "/api/tokens/1/token: environment variable KAUTIOND_TOKEN_SUPPORT is not set",
                  "/api/tokens/2/token: environment variable KAUTIOND_TOKEN_MONITOR is not set",
                  "/accesses/0/password: environment variable KAUTIOND_AAK_SECRET is not set",
                  "/accesses/1/password: environment variable KAUTIOND_KM_SECRET is not set",
                  "/accesses/2/password: environment variable KAUTIOND_DKB_SECRET is not set"));
}

TEST(ConfigSummary, CountsAccessesAndTokens) {
  Config config;
  config.accesses.resize(1);
  config.api.tokens.resize(1);
  config.store.path = "/var/lib/kautiond/kautiond.db";
  EXPECT_EQ(
      summarize(config),
      "config ok: 1 access (aak 1, km 0, dkb 0), 1 token, store /var/lib/kautiond/kautiond.db");
}

TEST(ConfigReference, RendersEveryTableOnce) {
  const std::string reference = render_config_reference();
  EXPECT_THAT(reference, testing::HasSubstr("### top level\n"));
  EXPECT_THAT(reference, testing::HasSubstr("### `/accesses/*/timeouts`\n"));
  EXPECT_THAT(reference, testing::HasSubstr("### `secret`\n"));
  EXPECT_THAT(reference,
              testing::HasSubstr("| `connect_ms` | integer 1–600000 | `10000` | Connect timeout"));
  EXPECT_THAT(reference, testing::HasSubstr("| `name` | string (a-z, 0-9, -) | **required** |"));
  EXPECT_THAT(reference, testing::HasSubstr("| `bgb551` | `warn` \\| `error` | `\"warn\"` |"));
  const auto first = reference.find("### `secret`");
  EXPECT_EQ(reference.find("### `secret`", first + 1), std::string::npos);
}

// config/README.md embeds the reference between markers; KAUTION_UPDATE_DOCS=1 rewrites it.
TEST(ConfigReference, ReadmeIsUpToDate) {
  constexpr std::string_view k_begin = "<!-- BEGIN GENERATED: render_config_reference() -->\n";
  constexpr std::string_view k_end = "<!-- END GENERATED -->";
  std::stringstream buffer;
  buffer << std::ifstream(k_readme).rdbuf();
  std::string readme = buffer.str();
  const auto begin = readme.find(k_begin);
  const auto end = readme.find(k_end);
  ASSERT_NE(begin, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const auto body = begin + k_begin.size();
  const std::string expected = "\n" + render_config_reference() + "\n";
  if (std::getenv("KAUTION_UPDATE_DOCS") != nullptr) {
    readme.replace(body, end - body, expected);
    std::ofstream(k_readme, std::ios::binary) << readme;
    return;
  }
  EXPECT_EQ(readme.substr(body, end - body), expected)
      << "run KAUTION_UPDATE_DOCS=1 config_tests --gtest_filter=ConfigReference.ReadmeIsUpToDate";
}

}  // namespace
}  // namespace kaution::config_test
