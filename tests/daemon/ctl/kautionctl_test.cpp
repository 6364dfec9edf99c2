#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/daemon/ctl/stub_server.hpp"
#include "tests/support/process.hpp"

// The real kautionctl binary against a stub daemon on a temporary Unix socket: tables, --json,
// exit codes 0/1/2, problems, where the token comes from and that it is never printed.

namespace kaution::ctl::test {
namespace {

using kaution::test::binary;
using kaution::test::RunResult;
using nlohmann::json;
namespace fs = std::filesystem;

constexpr auto k_private = fs::perms::owner_read | fs::perms::owner_write;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Kautionctl : public ::testing::Test {
 protected:
  // kautionctl --socket <stub> --token-file <file with `token`> args...
  RunResult ctl(const std::vector<std::string>& args,
                const std::string& token = k_operator_secret) {
    const auto token_file = m_stub.dir() / "token";
    std::ofstream(token_file) << token << "\n";
    fs::permissions(token_file, k_private);
    std::vector<std::string> argv = {binary("kautionctl"), "--socket", m_stub.socket().string(),
                                     "--token-file", token_file.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return kaution::test::run(argv);
  }
  RunResult bare(std::vector<std::string> args,
                 const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), binary("kautionctl"));
    return kaution::test::run(args, env);
  }

  StubDaemon m_stub;
};

TEST_F(Kautionctl, DepositListIsATableWithSums) {
  const auto r = ctl({"deposits", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "ID   STATUS  OBJECT  LABEL                   TENANT           UNIT"))
      << r.out;
  EXPECT_TRUE(has(r.out, "D-2  faulty  P2000   Hafenstraße 1           Jörg Müller")) << r.out;
  EXPECT_TRUE(has(r.out, "sums.outstanding  900.00")) << r.out;
}

TEST_F(Kautionctl, JsonIsTheDaemonsJson) {
  const auto r = ctl({"deposits", "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::parse(k_stub_deposit_list));
}

TEST_F(Kautionctl, StatusAndShow) {
  auto r = ctl({"status"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "km-1      km             1  faulty")) << r.out;
  r = ctl({"deposits", "show", "D-1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "parties[0].last_name   Schmidt")) << r.out;
}

TEST_F(Kautionctl, ARefusalIsExit1WithTheProblem) {
  auto r = ctl({"deposits", "show", "D-404"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kautionctl: Deposit not found (HTTP 404)\n  no deposit D-404\n");
  const auto file = m_stub.dir() / "d.json";
  std::ofstream(file) << R"({"deposit_id": "D-9"})";
  r = ctl({"deposits", "put", file.string()}, k_ledger_secret);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "kautionctl: Invalid deposit (HTTP 422)\n  2 errors\n  parties: at least one party\n"
            "  agreed_amount: required\n");
  r = ctl({"deposits", "close", "D-1"}, k_support_secret);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "Balance not zero (HTTP 409)\n  the bank balance is 1342.17")) << r.err;
  r = ctl({"deposits", "close", "D-1", "--json"}, k_support_secret);
  EXPECT_EQ(json::parse(r.out).at("status"), 409);
}

TEST_F(Kautionctl, WrongTokenAndWrongRoleAreExit1AndTheTokenIsNeverPrinted) {
  const std::string wrong = "wrong-token-9876543210";
  auto r = ctl({"--verbose", "status"}, wrong);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "(HTTP 401)")) << r.err;
  EXPECT_TRUE(has(r.err, "> Authorization: Bearer ***")) << r.err;
  EXPECT_FALSE(has(r.out + r.err, wrong));
  r = ctl({"-v", "deposits", "close", "D-1"}, k_ledger_secret);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "(HTTP 403)")) << r.err;
  EXPECT_FALSE(has(r.out + r.err, k_ledger_secret));
  r = bare({"--socket", m_stub.socket().string(), "--token", k_operator_secret, "-v", "status"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "> GET /api/v1/status (socket ")) << r.err;
  EXPECT_FALSE(has(r.out + r.err, k_operator_secret));
}

TEST_F(Kautionctl, NoDaemonIsExit2NamingTheSocket) {
  const auto missing = m_stub.dir() / "missing.sock";
  auto r = bare({"--socket", missing.string(), "status"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "cannot reach kautiond at socket " + missing.string())) << r.err;
  r = bare({"--url", "http://127.0.0.1:1", "health"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "cannot reach kautiond at http://127.0.0.1:1")) << r.err;
}

TEST_F(Kautionctl, UsageErrorsAreExit2) {
  EXPECT_EQ(bare({"deposits", "show"}).exit_code, 2);
  EXPECT_EQ(bare({"nonsense"}).exit_code, 2);
  EXPECT_EQ(bare({"--timeout", "-3", "status"}).exit_code, 2);
  EXPECT_EQ(bare({"--help"}).exit_code, 0);
}

TEST_F(Kautionctl, HealthNeedsNoToken) {
  const auto r = bare({"--socket", m_stub.socket().string(), "health"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ok\n");
}

TEST_F(Kautionctl, TokenFromTheEnvironmentOrTheConfig) {
  auto r = bare({"--socket", m_stub.socket().string(), "status"},
                {{"KAUTIONCTL_TOKEN", k_operator_secret}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto secret = m_stub.dir() / "support.token";
  std::ofstream(secret) << k_support_secret << "\n";
  fs::permissions(secret, k_private);
  const auto config = m_stub.dir() / "kautiond.json";
  std::ofstream(config) << R"({"api": {"socket": ")" << m_stub.socket().string()
                        << R"(", "tokens": [{"name": "helpdesk", "role": "support",
                             "token": {"file": ")"
                        << secret.string() << R"("}}]}})";
  r = bare({"--config", config.string(), "reconciliation", "--as-of", "01.11.2026"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "D-2  900.00       0.00       900.00  yellow")) << r.out;
  EXPECT_TRUE(has(r.out, "as_of  2026-11-01")) << r.out;
  EXPECT_FALSE(has(r.out + r.err, k_support_secret));
}

TEST_F(Kautionctl, StatementParseRunsLocally) {
  const std::string samples = KAUTION_SAMPLES_DIR;
  auto r = bare({"statement", "parse",
                 samples + "/viafintech_camt_parser/spec/fixtures/053/valid_example.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "statement 0352C5320131227220503")) << r.out;
  r = bare({"statement", "parse", "--json",
            samples + "/viafintech_camt_parser/spec/fixtures/053/valid_example.xml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("documents").at(0).at("format"), "camt.053.001.02");
  r = bare({"statement", "parse", samples + "/genkgo_camt/test/data/camt053.v2.wrong.xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "rejected")) << r.err;
}

}  // namespace
}  // namespace kaution::ctl::test
