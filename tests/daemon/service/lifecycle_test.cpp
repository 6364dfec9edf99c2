// kautiond's lifecycle against the sandbox banks: an access added by SIGHUP is served without a
// restart; SIGTERM in the middle of an import stops cleanly with nothing half-applied, and the
// next start completes the import with every booking exactly once.
#include <gtest/gtest.h>

#include <csignal>
#include <nlohmann/json.hpp>

#include "tests/daemon/service/stack.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

// The access's entry of `kautionctl --json status`, or null.
nlohmann::json access_status(const ServiceStack& stack, const std::string& access) {
  const RunResult r = stack.ctl({"--json", "status"});
  if (r.exit_code != 0) return nullptr;
  const auto status = nlohmann::json::parse(r.out, nullptr, false);
  if (status.is_discarded()) return nullptr;
  for (const auto& a : status["accesses"])
    if (a["access"] == access) return a;
  return nullptr;
}

bool exported_all(const ServiceStack& stack, const std::string& access, std::size_t deposits) {
  const auto a = access_status(stack, access);
  return a.is_object() && !a["last_export_ok_at"].is_null() &&
         a["counts"].value("waiting", 0) == 0 && a.value("deposits", std::size_t{0}) == deposits;
}

TEST(ServiceLifecycle, SighupWithAnAddedAccessServesItWithoutRestart) {
  ServiceStack stack(stack_options(4, {"aak-main"}));
  stack.start_sandbox();
  stack.write_config({"aak-main"});
  stack.start_daemon();
  // km deposits are refused while km-main is not configured.
  const RunResult refused =
      stack.ctl({"deposits", "import", stack.portfolio({"km-main"}).string()});
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;

  stack.write_config({"aak-main", "km-main"});
  stack.daemon().signal(SIGHUP);
  ASSERT_TRUE(stack.daemon().wait_for_output("RELOADED ", 30s)) << stack.logs();
  const RunResult imported =
      stack.ctl({"deposits", "import", stack.portfolio({"km-main"}).string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
  EXPECT_TRUE(eventually([&] { return exported_all(stack, "km-main", 4); }, 90s))
      << stack.ctl({"status"}).out << stack.logs();
  EXPECT_EQ(count(stack.logs(), "STORE_OPENED"), 1u) << "one process, no restart";
  EXPECT_EQ(stack.stop_daemon(), 0) << stack.logs();
}

// booking_id, one per line, in order.
std::string booking_ids(const ServiceStack& stack) {
  return stack.sql("SELECT booking_id FROM bookings WHERE access = 'aak-main' ORDER BY 1");
}

TEST(ServiceLifecycle, SigtermDuringAnImportLeavesNothingHalfAppliedAndTheNextStartCompletesIt) {
  ServiceStack stack(stack_options(8, {"aak-main"}));
  stack.start_sandbox();
  stack.start_daemon();
  ASSERT_EQ(stack.ctl({"deposits", "import", stack.portfolio({"aak-main"}).string()}).exit_code, 0);
  ASSERT_TRUE(eventually([&] { return exported_all(stack, "aak-main", 8); }, 90s)) << stack.logs();
  ASSERT_EQ(stack.stop_daemon(), 0) << stack.logs();

  // A month of statements (one import page each), every statement request slowed down.
  ASSERT_EQ(stack.control("aak", "POST", "/_control/advance", R"({"days": 30})").status, 200);
  ASSERT_EQ(
      stack
          .control("aak", "POST", "/_control/faults",
                   R"({"kind": "latency", "latency_ms": 250, "path_prefix": "/v1/statements"})")
          .status,
      201);
  const std::size_t before = count(stack.logs(), "path=/v1/statements/");
  stack.start_daemon();
  ASSERT_TRUE(
      eventually([&] { return count(stack.logs(), "path=/v1/statements/") >= before + 3; }, 120s))
      << stack.logs();
  EXPECT_EQ(stack.stop_daemon(), 0) << stack.logs();
  const std::string stopped = stack.daemon().output();  // this run's only
  ASSERT_NE(stopped.find("IMPORT_DONE access=aak-main"), std::string::npos) << stopped;
  ASSERT_NE(stopped.rfind("interrupted=true"), std::string::npos)
      << "SIGTERM must land in the middle of the import\n"
      << stopped;

  EXPECT_EQ(stack.sql("PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(stack.sql("PRAGMA foreign_key_check"), "");
  // Cursor and bookings agree: the statements up to the cursor are stored, none after it.
  const std::string cursor = stack.sql("SELECT cursor FROM cursors WHERE access = 'aak-main'");
  ASSERT_FALSE(cursor.empty());
  const std::string partial = booking_ids(stack);

  // The reference: the same bank, imported in one go into a store of its own.
  ASSERT_EQ(stack.control("aak", "DELETE", "/_control/faults").status / 100, 2);
  const auto reference_dir = stack.dir().path() / "reference";
  std::filesystem::create_directories(reference_dir);
  std::string config = read_file(stack.config_path());
  const std::string db = "\"path\": \"kautiond.db\"";
  config.replace(config.find(db), db.size(), "\"path\": \"reference/kautiond.db\"");
  config.replace(config.find("\"api.sock\""), 10, "\"reference/api.sock\"");
  const auto reference_config = stack.dir().write("reference.json", config);
  const RunResult once = run({binary("kautiond"), "--config", reference_config.string(), "--once"},
                             stack.daemon_env(), std::chrono::seconds{180});
  ASSERT_EQ(once.exit_code, 0) << once.err;
  const std::string reference = run({"/usr/bin/sqlite3", (reference_dir / "kautiond.db").string(),
                                     "SELECT booking_id FROM bookings ORDER BY 1"})
                                    .out;
  ASSERT_GT(reference.size(), partial.size()) << "the interrupted import stored less";
  // Every booking stored before the stop is one of the reference's (a prefix by statement).
  for (std::size_t at = 0, end; (end = partial.find('\n', at)) != std::string::npos; at = end + 1)
    EXPECT_NE(reference.find(partial.substr(at, end - at + 1)), std::string::npos)
        << partial.substr(at, end - at);

  stack.start_daemon();
  ASSERT_TRUE(eventually(
      [&] {
        const std::string logs = stack.daemon().output();
        return logs.find("IMPORT_DONE access=aak-main") != std::string::npos;
      },
      120s))
      << stack.logs();
  EXPECT_EQ(stack.daemon().output().find("interrupted=true"), std::string::npos);
  EXPECT_EQ(stack.stop_daemon(), 0) << stack.logs();
  EXPECT_EQ(booking_ids(stack), reference) << "every booking exactly once";
  EXPECT_EQ(stack.sql("SELECT count(*) = count(DISTINCT bank_ref) FROM bookings"), "1\n");
  EXPECT_EQ(stack.sql("PRAGMA integrity_check"), "ok\n");
}

}  // namespace
}  // namespace kaution::test
