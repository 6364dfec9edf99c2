// GET /metrics after a sandbox cycle: valid Prometheus text (promtool, a real parser), the
// figures of issue 6, no deposit id in any label; kautionctl status and logs on the same run.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/daemon/service/stack.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* k_promtool = "/usr/bin/promtool";

// promtool's verdict on `text`: exit code and output.
RunResult promtool_check(const TempDir& dir, const std::string& text) {
  const auto file = dir.write("metrics.txt", text);
  return run({"/bin/sh", "-c", std::string(k_promtool) + " check metrics < " + file.string()});
}

bool promtool_present() {
  if (std::filesystem::exists(k_promtool)) return true;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true")
    ADD_FAILURE() << "promtool is missing in CI: scripts/bootstrap installs Debian's prometheus";
  return false;
}

// The value of the first series line starting with `prefix` ("name{labels}"), or -1.
double series(const std::string& text, const std::string& prefix) {
  for (std::size_t at = text.find(prefix); at != std::string::npos;
       at = text.find(prefix, at + 1)) {
    if (at > 0 && text[at - 1] != '\n') continue;
    const std::size_t space = text.find(' ', at);
    return std::stod(text.substr(space + 1, text.find('\n', space) - space - 1));
  }
  return -1;
}

// The sum over the series lines starting with `prefix`.
double sum(const std::string& text, const std::string& prefix) {
  double total = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with(prefix)) total += std::stod(line.substr(line.rfind(' ') + 1));
  return total;
}

TEST(ServiceMetrics, AfterACycleTheyParseAndCarryTheFigures) {
  ServiceStack stack(stack_options(5, {"aak-main", "km-main", "dkb-main"}));
  stack.start_sandbox();
  stack.start_daemon();
  const auto portfolio = stack.portfolio({"aak-main", "km-main", "dkb-main"});
  ASSERT_EQ(stack.ctl({"deposits", "import", portfolio.string()}).exit_code, 0);
  ASSERT_TRUE(eventually(
      [&] {
        const RunResult r = stack.ctl({"--json", "status"});
        const auto status = nlohmann::json::parse(r.out, nullptr, false);
        if (status.is_discarded()) return false;
        for (const auto& a : status["accesses"])
          if (a["last_export_ok_at"].is_null() || a["counts"].value("waiting", 0) != 0)
            return false;
        return true;
      },
      120s))
      << stack.ctl({"status"}).out << stack.logs();

  const RunResult metrics = stack.ctl({"metrics"});
  ASSERT_EQ(metrics.exit_code, 0) << metrics.err;
  const std::string& text = metrics.out;
  EXPECT_GE(series(text, "kautiond_exports_total{access=\"aak-main\",result=\"accepted\"}"), 5)
      << text;
  EXPECT_GE(series(text, "kautiond_exports_total{access=\"km-main\",result=\"accepted\"}"), 5);
  EXPECT_GE(series(text, "kautiond_imports_total{access=\"dkb-main\",result=\"ok\"}"), 1) << text;
  EXPECT_GE(series(text, "kautiond_bookings_imported_total{access=\"aak-main\"}"), 0);
  EXPECT_GT(series(text,
                   "kautiond_bank_request_duration_seconds_count{access=\"aak-main\","
                   "operation=\"export\"}"),
            0)
      << text;
  EXPECT_GT(series(text,
                   "kautiond_bank_request_duration_seconds_count{access=\"km-main\","
                   "operation=\"import\"}"),
            0);
  EXPECT_GT(series(text, "kautiond_last_import_success_timestamp_seconds{access=\"aak-main\"}"),
            1.7e9);
  EXPECT_EQ(series(text, "kautiond_export_queue_oldest_age_seconds{access=\"km-main\"}"), 0);
  EXPECT_GE(series(text, "kautiond_unassigned_bookings{access=\"aak-main\"}"), 0);
  EXPECT_EQ(sum(text, "kautiond_deposits{connector=\"dkb\","), 5) << text;
  EXPECT_EQ(series(text, "kautiond_deposits{connector=\"dkb\",status=\"waiting\"}"), 0) << text;
  // No deposit id in any label.
  std::ifstream in(portfolio);
  for (std::string line; std::getline(in, line);) {
    const std::string id = nlohmann::json::parse(line)["deposit_id"];
    EXPECT_EQ(text.find(id), std::string::npos) << id;
  }
  if (promtool_present()) {
    const RunResult checked = promtool_check(stack.dir(), text);
    EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err << text;
    EXPECT_EQ(checked.out + checked.err, "") << "lint findings";
  } else {
    GTEST_SKIP() << "*** promtool (Debian package prometheus) is not installed: the metrics were "
                    "NOT checked by a Prometheus parser. Run scripts/bootstrap. ***";
  }
}

TEST(ServiceMetrics, PromtoolRefusesBrokenText) {
  if (!promtool_present()) GTEST_SKIP() << "*** promtool is not installed ***";
  TempDir dir;
  EXPECT_NE(promtool_check(dir, "# TYPE x counter\nx{a=\"1\" 3\n").exit_code, 0);
}

TEST(ServiceCtl, StatusAndLogsShowWhatTheDaemonDid) {
  ServiceStack stack(stack_options(3, {"aak-main", "km-wrong"}));
  stack.start_sandbox();
  stack.start_daemon();
  const auto portfolio = stack.portfolio({"aak-main"});
  ASSERT_EQ(stack.ctl({"deposits", "import", portfolio.string()}).exit_code, 0);
  // aak-main: exported and imported, not paused; km-wrong: refused, paused.
  const std::regex aak(
      R"(aak-main\s+aak\s+3\s+\d{4}-\d\d-\d\dT[0-9:]+Z\s+\d{4}-\d\d-\d\dT[0-9:]+Z\s+ok)");
  std::string status;
  EXPECT_TRUE(eventually(
      [&] {
        status = stack.ctl({"status"}).out;
        return std::regex_search(status, aak);
      },
      90s))
      << status << stack.logs();
  const std::regex km(R"(km-wrong\s+km\s+(0\s+)?never\s+never\s+PAUSED since \d{4}-)");
  EXPECT_TRUE(std::regex_search(status, km)) << status;

  std::ifstream in(portfolio);
  std::string line;
  std::getline(in, line);
  const std::string id = nlohmann::json::parse(line)["deposit_id"];
  const RunResult logs = stack.ctl({"logs", id});
  ASSERT_EQ(logs.exit_code, 0) << logs.err;
  EXPECT_NE(logs.out.find("exported"), std::string::npos) << logs.out;
  EXPECT_NE(logs.out.find("waiting"), std::string::npos) << logs.out;
  EXPECT_EQ(stack.ctl({"logs", "no-such-deposit"}).exit_code, 1);
  EXPECT_EQ(stack.stop_daemon(), 0);
}

}  // namespace
}  // namespace kaution::test
