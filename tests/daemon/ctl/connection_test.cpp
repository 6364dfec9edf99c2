#include <gtest/gtest.h>

#include "tests/daemon/ctl/fake_api.hpp"
#include "tests/support/process.hpp"

// Where the socket and the token come from; the token is never printed.

namespace kaution::ctl::test {
namespace {

using kaution::test::TempDir;
namespace fs = std::filesystem;

constexpr auto k_private = fs::perms::owner_read | fs::perms::owner_write;

const std::string k_secret = "s3cr3t-token-value-0123456789";

CliResult status_with(const std::vector<std::string>& flags,
                      const std::map<std::string, std::string>& env = {}) {
  FakeApi api;
  api.fallback([](const ApiRequest&) -> std::expected<ApiResponse, TransportError> {
    return json_answer(200, "{}");
  });
  std::vector<std::string> args = flags;
  args.push_back("status");
  return run_with(api, args, "", env);
}

TEST(Connection, DefaultsToTheDaemonsSocketWithoutAToken) {
  const auto r = status_with({});
  ASSERT_EQ(r.clients.size(), 1u);
  EXPECT_EQ(r.clients[0].endpoint.socket, fs::path("/run/kautiond/api.sock"));
  EXPECT_FALSE(r.clients[0].token.has_value());
}

TEST(Connection, TokenFromFlagFileOrEnvironmentInThatOrder) {
  TempDir dir;
  const auto file = dir.write("token", "from-file\n", k_private);
  auto r = status_with({"--token", "from-flag", "--token-file", file.string()},
                       {{"KAUTIONCTL_TOKEN", "from-env"}});
  EXPECT_EQ(r.clients.at(0).token, "from-flag");
  r = status_with({"--token-file", file.string()}, {{"KAUTIONCTL_TOKEN", "from-env"}});
  EXPECT_EQ(r.clients.at(0).token, "from-file");
  r = status_with({"--url", "http://127.0.0.1:8470"}, {{"KAUTIONCTL_TOKEN", "from-env"}});
  EXPECT_EQ(r.clients.at(0).token, "from-env");
  EXPECT_EQ(r.clients.at(0).endpoint.url, "http://127.0.0.1:8470");
  EXPECT_FALSE(r.clients.at(0).endpoint.socket.has_value());
}

TEST(Connection, UnreadableTokenFileIsExit2) {
  const auto r = status_with({"--token-file", "/nonexistent/token"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kautionctl: cannot read the token file /nonexistent/token\n");
}

std::string config_text(const fs::path& dir) {
  return R"({"api": {"socket": ")" + (dir / "api.sock").string() + R"(", "tokens": [
      {"name": "monitor", "role": "operator", "token": {"file": ")" +
         (dir / "monitor").string() + R"("}},
      {"name": "erp", "role": "ledger", "token": {"file": ")" +
         (dir / "erp").string() + R"("}},
      {"name": "helpdesk", "role": "support", "token": {"env": "CTL_TEST_SUPPORT"}},
      {"name": "absent", "role": "support", "token": {"credential": "nope"}}]},
    "accesses": [{"name": "aak-main", "connector": "aak", "base_url": "https://aak.example",
                  "password": {"credential": "not-here"}}]})";
}

TEST(Connection, ConfigGivesTheSocketAndATokenOfTheNeededRole) {
  TempDir dir;
  dir.write("monitor", "monitor-secret\n", k_private);
  dir.write("erp", "erp-secret\n", k_private);
  const auto config = dir.write("kautiond.json", config_text(dir.path()), k_private);
  setenv("CTL_TEST_SUPPORT", "support-secret", 1);

  auto r = status_with({"--config", config.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.clients.at(0).endpoint.socket, dir.path() / "api.sock");
  EXPECT_EQ(r.clients.at(0).token, "monitor-secret");  // any role reads

  FakeApi api;
  api.fallback([](const ApiRequest&) -> std::expected<ApiResponse, TransportError> {
    return json_answer(200, "{}");
  });
  r = run_with(api, {"--config", config.string(), "bookings", "assign", "B-1", "D-1"});
  EXPECT_EQ(r.clients.at(0).token, "support-secret");
  r = run_with(api, {"--config", config.string(), "deposits", "delete", "D-1"});
  EXPECT_EQ(r.clients.at(0).token, "erp-secret");
  r = run_with(api, {"--config", config.string(), "--token-name", "erp", "status"});
  EXPECT_EQ(r.clients.at(0).token, "erp-secret");
  r = run_with(api, {"--config", config.string(), "--token-name", "absent", "status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.find("token \"absent\"") != std::string::npos) << r.err;
  r = run_with(api, {"--config", config.string(), "--token-name", "nobody", "status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.find("no token named \"nobody\"") != std::string::npos) << r.err;
  r = run_with(api, {"--config", (dir.path() / "missing.json").string(), "status"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Connection, ATokenEchoedByTheDaemonIsNotPrinted) {
  FakeApi api;
  api.answer("GET /api/v1/status",
             problem_answer(401, "Unauthorized", "token " + k_secret + " is unknown"));
  const auto r = run_with(api, {"--token", k_secret, "--json", "status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kautionctl: Unauthorized (HTTP 401)\n  token *** is unknown\n");
  EXPECT_EQ(r.out.find(k_secret), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kaution::ctl::test
