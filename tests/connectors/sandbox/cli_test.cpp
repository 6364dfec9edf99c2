// kautiond-sandbox as a program: portfolio file, port file, serving until SIGTERM.
#include <gtest/gtest.h>

#include <csignal>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/connectors/sandbox/client.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

const std::string k_program =
    std::string(KAUTION_BINARY_DIR) + "/connectors/sandbox/kautiond-sandbox";

TEST(SandboxCli, WritesThePortfolioAndExits) {
  TempDir dir;
  const auto file = dir.path() / "portfolio.ndjson";
  const RunResult result = run({k_program, "--seed", "3", "--size", "4", "--today", "2026-11-20",
                                "--portfolio-out", file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::istringstream lines(read_file(file));
  std::string line;
  std::size_t count = 0;
  while (std::getline(lines, line)) {
    const auto deposit = nlohmann::json::parse(line);
    EXPECT_TRUE(deposit.contains("deposit_id"));
    ++count;
  }
  EXPECT_EQ(count, 12U);
  EXPECT_EQ(run({k_program, "--size", "4"}).exit_code, 2);
}

TEST(SandboxCli, ServesOnThePortsOfThePortFileUntilSigterm) {
  TempDir dir;
  const auto ports_file = dir.path() / "ports.json";
  Child child({k_program, "--seed", "5", "--size", "10", "--pki-dir", (dir.path() / "pki").string(),
               "--aak-port", "0", "--km-port", "0", "--dkb-port", "0", "--port-file",
               ports_file.string(), "--fault",
               R"(aak={"kind": "status", "status": 503, "retry_after": "1", "next": 1})"});
  ASSERT_TRUE(child.wait_for_output("READY", std::chrono::seconds{20})) << child.output();
  const auto ports = nlohmann::json::parse(read_file(ports_file));
  for (const char* file :
       {"ca.pem", "server.pem", "server.key", "dkb-client.pem", "dkb-client.key"}) {
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "pki" / file)) << file;
  }
  const BankClient aak(ports["aak"].get<std::uint16_t>(),
                       TlsFiles{dir.path() / "pki" / "ca.pem", {}, {}});
  Call token{"POST",
             "/oauth2/token",
             {},
             "grant_type=client_credentials",
             "sandbox-aak-client:sandbox-aak-secret",
             {}};
  EXPECT_EQ(aak.send(token).status, 503);
  EXPECT_EQ(aak.send(token).status, 200);
  child.signal(SIGTERM);
  EXPECT_EQ(child.wait_exit(std::chrono::seconds{10}), 0) << child.output();
}

}  // namespace
}  // namespace kaution::test
