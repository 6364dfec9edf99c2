// The canary-secret test: unique secrets (bank client secrets, km password, a wrong km
// password, API tokens), a full sandbox cycle at debug level with faults injected (refused
// credentials, 503, a malformed statement, a reset), then a search for every canary in the
// daemon's logs, every API answer, /metrics, the store (dump and raw files) — none may appear.
// Core files: the daemon makes none (RLIMIT_CORE 0, not dumpable; the unit says LimitCORE=0),
// since one would necessarily hold the secrets it keeps in memory; checked in /proc.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/daemon/service/stack.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

void expect_no_canary(const ServiceStack& stack, const std::string& where,
                      const std::string& text) {
  for (const auto& [name, value] : stack.canaries())
    EXPECT_EQ(text.find(value), std::string::npos) << "canary " << name << " in " << where;
}

bool settled(const ServiceStack& stack) {
  const auto status = nlohmann::json::parse(stack.ctl({"--json", "status"}).out, nullptr, false);
  if (status.is_discarded()) return false;
  for (const auto& a : status["accesses"])
    if (a["access"] != "km-wrong" &&
        (a["last_export_ok_at"].is_null() || a["counts"].value("waiting", 0) != 0))
      return false;
  return true;
}

TEST(ServiceCanary, NoSecretOrTokenInLogsAnswersMetricsStoreOrCore) {
  ServiceStack stack(stack_options(6, {"aak-main", "km-main", "dkb-main", "km-wrong"},
                                   {"--fault", R"(aak={"kind":"credentials","next":1})", "--fault",
                                    R"(km={"kind":"status","status":503,"next":2})", "--fault",
                                    R"(dkb={"kind":"reset","next":1})"}));
  stack.start_sandbox();
  stack.start_daemon();
  std::string answers;
  const auto ctl = [&](const std::vector<std::string>& args) {
    const RunResult r = stack.ctl(args);
    answers += r.out + r.err;
    return r;
  };
  // The canaries are what the daemon holds (so that not finding them below means something).
  const std::string environ =
      read_file("/proc/" + std::to_string(stack.daemon().pid()) + "/environ");
  for (const auto& [name, value] : stack.canaries())
    EXPECT_NE(environ.find(value), std::string::npos) << name;
  // Core files: none can be written.
  const std::string limits = read_file("/proc/" + std::to_string(stack.daemon().pid()) + "/limits");
  EXPECT_TRUE(std::regex_search(limits, std::regex(R"(Max core file size\s+0\s+0\s)"))) << limits;

  ctl({"deposits", "import", stack.portfolio({"aak-main", "km-main", "dkb-main"}).string()});
  // aak's first token request was refused: paused until a check succeeds.
  ASSERT_TRUE(stack.daemon().wait_for_output("CREDENTIALS_REFUSED access=aak-main", 60s))
      << stack.logs();
  ASSERT_TRUE(stack.daemon().wait_for_output("CREDENTIALS_REFUSED access=km-wrong", 60s));
  EXPECT_EQ(ctl({"accesses", "check", "aak-main"}).exit_code, 0) << answers;
  ctl({"accesses", "check", "km-wrong"});
  ASSERT_TRUE(eventually([&] { return settled(stack); }, 120s))
      << stack.ctl({"status"}).out << stack.logs();
  ASSERT_EQ(stack.stop_daemon(), 0) << stack.logs();

  // A week of bookings, imported with a malformed statement answer and a refused token.
  ASSERT_EQ(stack.control("aak", "POST", "/_control/advance", R"({"days": 7})").status, 200);
  stack.control("dkb", "POST", "/_control/faults",
                R"({"kind": "malformed", "next": 1, "path_prefix": "/kaution/v1/statements"})");
  stack.control("km", "POST", "/_control/faults",
                R"({"kind": "status", "status": 503, "retry_after": "1", "next": 1})");
  stack.start_daemon();
  ASSERT_TRUE(stack.daemon().wait_for_output("IMPORT_DONE access=aak-main", 120s)) << stack.logs();
  ASSERT_TRUE(eventually(
      [&] {
        const std::string out = stack.daemon().output();
        return out.find("access=dkb-main pages_stored") != std::string::npos ||
               out.find("IMPORT_DONE access=dkb-main") != std::string::npos;
      },
      120s));

  // Every answer the API gives, for every role.
  ctl({"status"});
  ctl({"--json", "status"});
  ctl({"metrics"});
  ctl({"deposits", "list"});
  ctl({"--json", "deposits", "list"});
  ctl({"bookings", "unassigned"});
  ctl({"--json", "bookings", "feed"});
  ctl({"reconciliation", "--all"});
  ctl({"health"});
  std::ifstream in(stack.dir().path() / "portfolio.ndjson");
  for (std::string line; std::getline(in, line);) {
    const std::string id = nlohmann::json::parse(line)["deposit_id"];
    ctl({"--json", "deposits", "show", id});
    ctl({"logs", id});
  }
  ctl({"--token", stack.canaries().at("token-erp") + "x", "status"});  // a wrong token: 401
  EXPECT_NE(answers.find("kautiond_bank_request_duration_seconds"), std::string::npos);
  EXPECT_EQ(stack.stop_daemon(), 0) << stack.logs();

  const std::string logs = stack.logs();
  EXPECT_NE(logs.find("BANK_EXCHANGE"), std::string::npos) << "debug level was on";
  EXPECT_NE(logs.find("CREDENTIALS_REFUSED access=km-wrong"), std::string::npos);
  expect_no_canary(stack, "the daemon's logs", logs);
  expect_no_canary(stack, "API answers", answers);
  expect_no_canary(stack, "the store dump", stack.sql(".dump"));
  for (const auto& entry : std::filesystem::directory_iterator(stack.dir().path()))
    if (entry.path().filename().string().starts_with("kautiond.db"))
      expect_no_canary(stack, entry.path().string(), read_file(entry.path()));
}

}  // namespace
}  // namespace kaution::test
