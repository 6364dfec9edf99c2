// kautiond as a process: --check-config, --version, --once, clean stop on SIGTERM/SIGINT,
// SIGHUP with a broken config (old one kept), and no secret in its output.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

const std::map<std::string, std::string> k_env{{"KAUTIOND_TOKEN_ERP", "canary-erp-7d1f0c"},
                                               {"KAUTIOND_TOKEN_SUPPORT", "canary-sup-3b9e42"},
                                               {"KAUTIOND_TOKEN_MONITOR", "canary-mon-a61c5d"},
                                               {"KAUTIOND_AAK_SECRET", "canary-aak-90ab12"},
                                               {"KAUTIOND_KM_SECRET", "canary-km-44e0f3"},
                                               {"KAUTIOND_DKB_SECRET", "canary-dkb-c2d8e1"}};

std::string example() {
  return std::string(KAUTION_SOURCE_DIR) + "/examples/kautiond.json";
}

// A minimal valid config in `dir` with one inline token (the file is 0600).
std::string minimal_config(const TempDir& dir, const std::string& extra_access_fields = "") {
  return R"({
    "store": {"path": ")" +
         (dir.path() / "store.db").string() + R"("},
    "api": {"socket": ")" +
         (dir.path() / "api.sock").string() + R"(",
            "tokens": [{"name": "erp", "role": "ledger", "token": "canary-inline-55aa33"}]},
    "schedule": {"import_every_minutes": 1},
    "accesses": [{"name": "aak-main", "connector": "aak", "base_url": "https://127.0.0.1:1")" +
         extra_access_fields + R"(}]
  })";
}

void expect_no_canary(const std::string& text) {
  for (const auto& [name, value] : k_env)
    EXPECT_EQ(text.find(value), std::string::npos) << name;
  EXPECT_EQ(text.find("canary-inline-55aa33"), std::string::npos);
}

TEST(KautiondCheckConfig, ExampleIsValid) {
  const RunResult r = run({binary("kautiond"), "--check-config", example()}, k_env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("config ok: 3 accesses (aak 1, km 1, dkb 1)"), std::string::npos) << r.out;
  expect_no_canary(r.out + r.err);
}

TEST(KautiondCheckConfig, ReportsEveryErrorWithItsPointer) {
  TempDir dir;
  const auto path = dir.write("bad.json", R"({
    "store": {"path": "x.db", "colour": "blue"},
    "retry": {"max_attempts": "twelve"},
    "api": {"tokens": [{"name": "erp", "role": "ledger", "token": {"env": "KAUTIOND_TOKEN_ERP"}}]},
    "accesses": [{"connector": "aak", "base_url": "https://bank.example"}]
  })");
  const RunResult r = run({binary("kautiond"), "--check-config", path.string()}, k_env);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("3 error(s)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/store/colour: unknown key"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/retry/max_attempts: expected an integer"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/accesses/0/name: required"), std::string::npos) << r.err;
}

TEST(KautiondCheckConfig, MissingFileAndSyntaxError) {
  TempDir dir;
  RunResult r = run({binary("kautiond"), "--check-config", (dir.path() / "nope.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.json"), std::string::npos) << r.err;
  const auto path = dir.write("broken.json", "{\n  \"store\": {\n    \"path\": \"x\",,\n  }\n}\n");
  r = run({binary("kautiond"), "--check-config", path.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
}

TEST(Kautiond, VersionAndHelp) {
  RunResult r = run({binary("kautiond"), "--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("kautiond 0."), std::string::npos) << r.out;
  r = run({binary("kautiond"), "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--config", "--check-config", "--once", "--version"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  r = run({binary("kautiond")});
  EXPECT_EQ(r.exit_code, 2) << "no config given";
}

TEST(Kautiond, OncePrintsTheSummaryAndExits) {
  TempDir dir;
  const auto path = dir.write("k.json", minimal_config(dir, R"(, "active": false)"));
  const RunResult r = run({binary("kautiond"), "--config", path.string(), "--once"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("deposits: 0"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "store.db"));
  expect_no_canary(r.out + r.err);
}

TEST(Kautiond, OnceExitsThreeWhenAnAccessCannotBeReached) {
  TempDir dir;
  // No credentials configured: the access's check is refused (and nothing listens on port 1).
  const auto path = dir.write("k.json", minimal_config(dir));
  const RunResult r = run({binary("kautiond"), "--config", path.string(), "--once"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("ACCESS_UNREACHABLE access=aak-main"), std::string::npos) << r.err;
  expect_no_canary(r.out + r.err);
}

class KautiondSignals : public testing::TestWithParam<int> {};

TEST_P(KautiondSignals, StopsCleanlyWithExitZero) {
  TempDir dir;
  const auto path = dir.write("k.json", minimal_config(dir));
  Child daemon({binary("kautiond"), "--config", path.string()});
  ASSERT_TRUE(daemon.wait_for_output("READY", 20s)) << daemon.output();
  daemon.signal(GetParam());
  EXPECT_EQ(daemon.wait_exit(20s), 0) << daemon.output();
  EXPECT_NE(daemon.output().find("STOPPED cleanly"), std::string::npos) << daemon.output();
}

INSTANTIATE_TEST_SUITE_P(TermAndInt, KautiondSignals, testing::Values(SIGTERM, SIGINT));

TEST(KautiondReload, BrokenConfigKeepsTheOldOne) {
  TempDir dir;
  const auto path = dir.write("k.json", minimal_config(dir));
  Child daemon({binary("kautiond"), "--config", path.string()});
  ASSERT_TRUE(daemon.wait_for_output("READY", 20s)) << daemon.output();
  dir.write("k.json", "{ \"store\": 5 }");
  daemon.signal(SIGHUP);
  ASSERT_TRUE(daemon.wait_for_output("keeping the previous config", 20s)) << daemon.output();
  dir.write("k.json", minimal_config(dir, R"(, "active": false)"));
  daemon.signal(SIGHUP);
  ASSERT_TRUE(daemon.wait_for_output("RELOADED", 20s)) << daemon.output();
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(20s), 0) << daemon.output();
  expect_no_canary(daemon.output());
}

TEST(KautiondStore, RefusesAForeignDatabaseAndLeavesItUntouched) {
  TempDir dir;
  const auto db = dir.write("store.db", "this is not a database, it is a shopping list\n");
  const auto path = dir.write("k.json", minimal_config(dir));
  const RunResult r = run({binary("kautiond"), "--config", path.string(), "--once"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("store.db"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(db), "this is not a database, it is a shopping list\n");
}

}  // namespace
}  // namespace kaution::test
