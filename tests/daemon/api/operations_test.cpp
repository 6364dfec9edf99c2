// Status, re-trigger, access check, reconciliation (JSON and CSV) and reload against the real
// kautiond.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <thread>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

TEST(ApiOperations, StatusCountsPerAccess) {
  Daemon daemon;
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001", 1)).status, 201);
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-2", "1.0002", 2)).status, 201);
  import_into_store(daemon.store_path(), {"aak", "aak-main", {}, {}, "cursor-1"});
  const Reply r = daemon.get("/api/v1/status");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["deposits"], 2);
  EXPECT_EQ(r.json["totals"]["waiting"], 2);
  ASSERT_EQ(r.json["accesses"].size(), 2u) << r.body;  // aak-main and the configured dkb-main
  const auto& aak = r.json["accesses"][0];
  EXPECT_EQ(aak["access"], "aak-main");
  EXPECT_EQ(aak["connector"], "aak");
  EXPECT_EQ(aak["counts"]["waiting"], 2);
  EXPECT_FALSE(aak["last_import_ok_at"].is_null());
  EXPECT_TRUE(aak["last_export_ok_at"].is_null());
  EXPECT_EQ(r.json["accesses"][1]["deposits"], 0);
}

TEST(ApiOperations, RetriggerOneAndASelection) {
  Daemon daemon;
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001", 1)).status, 201);
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-2", "1.0002", 2)).status, 201);
  Reply r = daemon.call("POST", "/api/v1/deposits/D-1/export", k_support_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["status"], "waiting");
  expect_problem(daemon.call("POST", "/api/v1/deposits/D-9/export", k_support_token), 404);

  const std::string target = "/api/v1/exports:retrigger";
  r = daemon.call("POST", target, k_support_token, R"({"connector": "aak", "status": "waiting"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["retriggered"], 2);
  r = daemon.call("POST", target, k_support_token, R"({"access": "dkb-main"})");
  EXPECT_EQ(r.json["retriggered"], 0);
  expect_problem(daemon.call("POST", target, k_support_token, "{}"), 422);
  expect_problem(daemon.call("POST", target, k_support_token, R"({"status": "sad"})"), 422);
  expect_problem(daemon.call("POST", target, k_support_token, R"({"colour": "red"})"), 400);
  expect_problem(daemon.call("POST", target, k_support_token, "{"), 400);
}

// The check runs through the sync runtime's hook (501 without one: see handlers_test); an
// inactive access has no connector, which the answer says.
TEST(ApiOperations, AccessCheck) {
  Daemon daemon;
  const Reply r = daemon.call("POST", "/api/v1/accesses/aak-main/check", k_support_token);
  if (r.status == 501) {
    expect_problem(r, 501);
    EXPECT_NE(r.json["detail"].get<std::string>().find("connectors not available yet"),
              std::string::npos);
  } else {
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["ok"], false);
    EXPECT_NE(r.json["message"].get<std::string>().find("no connector"), std::string::npos);
  }
  expect_problem(daemon.call("POST", "/api/v1/accesses/nope/check", k_support_token), 404);
  expect_problem(daemon.call("POST", "/api/v1/accesses/aak-main/check", k_monitor_token), 403);
}

class ApiReconciliation : public testing::Test {
 protected:
  void SetUp() override {
    for (int i = 1; i <= 3; ++i) {
      const std::string id = "D-" + std::to_string(i);
      ASSERT_EQ(daemon
                    .put_deposit(
                        aak_deposit(id, "1.000" + std::to_string(i), static_cast<std::uint64_t>(i)))
                    .status,
                201);
    }
    // D-1 agrees with the ledger; D-2's ledger says less was paid; D-3 has no ledger figures.
    import_into_store(
        daemon.store_path(),
        {"aak",
         "aak-main",
         {booking("b-1", "1340.00", "D-1", "V1"), booking("b-2", "1340.00", "D-2", "V2"),
          booking("b-3", "1340.00", "D-3", "V3")},
         {{"D-1", *Date::parse("2026-02-01"), Money::from_cents(134000)},
          {"D-2", *Date::parse("2026-02-01"), Money::from_cents(134000)},
          {"D-3", *Date::parse("2026-02-01"), Money::from_cents(134000)}},
         "cursor-1"});
    for (const auto& [id, paid] : {std::pair{"D-1", "1340.00"}, std::pair{"D-2", "1000.00"}})
      ASSERT_EQ(daemon
                    .call("PUT", std::string("/api/v1/deposits/") + id + "/ledger", k_erp_token,
                          std::string(R"({"paid": ")") + paid +
                              R"(", "balance": "1340.00", "as_of": "2026-02-01"})")
                    .status,
                200);
  }
  Daemon daemon;
};

TEST_F(ApiReconciliation, JsonOnlyTheDifferingRowsUnlessAll) {
  Reply r = daemon.get("/api/v1/reconciliation?as_of=2026-03-01");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["deposits"], 3);
  EXPECT_EQ(r.json["differing"], 2);
  ASSERT_EQ(r.json["rows"].size(), 2u);
  const auto& d2 = r.json["rows"][0];
  EXPECT_EQ(d2["deposit_id"], "D-2");
  EXPECT_EQ(d2["bank_paid"], "1340.00");
  EXPECT_EQ(d2["ledger_paid"], "1000.00");
  EXPECT_EQ(d2["traffic_light"], "green");
  EXPECT_EQ(d2["reasons"], nlohmann::json::array({"paid_differs"}));
  EXPECT_EQ(r.json["rows"][1]["reasons"], nlohmann::json::array({"ledger_missing"}));
  r = daemon.get("/api/v1/reconciliation?as_of=2026-03-01&all=true");
  EXPECT_EQ(r.json["rows"].size(), 3u);
  // Before the bookings and balances, the bank had nothing; the ledger's figures came later.
  r = daemon.get("/api/v1/reconciliation?as_of=2026-01-15");
  EXPECT_EQ(r.json["differing"], 0) << r.body;
  expect_problem(daemon.get("/api/v1/reconciliation?as_of=2026-02-30"), 400);
  expect_problem(daemon.get("/api/v1/reconciliation?format=xml"), 400);
}

TEST_F(ApiReconciliation, CsvGermanFriendly) {
  Reply r = daemon.call("GET", "/api/v1/reconciliation?as_of=2026-03-01", k_monitor_token,
                        std::nullopt, {"Accept: text/csv"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(r.body.rfind("deposit_id;connector;access;tenant;agreed;bank_paid;ledger_paid;", 0), 0u)
      << r.body;
  EXPECT_NE(r.body.find("\r\nD-2;aak;aak-main;Schmidt, Natalie;1340,00;1340,00;1000,00;"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(std::count(r.body.begin(), r.body.end(), '\n'), 3);  // header + 2 rows
  r = daemon.get("/api/v1/reconciliation?as_of=2026-03-01&format=csv&bom=true&all=true");
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF"
                         "deposit_id;",
                         0),
            0u);
  EXPECT_EQ(std::count(r.body.begin(), r.body.end(), '\n'), 4);
}

TEST(ApiReload, ReplacesTokensAndKeepsTheOldConfigWhenBroken) {
  Daemon daemon;
  const std::string new_tokens =
      R"({"name": "erp2", "role": "ledger", "token": "erp-token-new-5e8a1c"},
         {"name": "support-anna", "role": "support", "token": ")" +
      k_support_token + R"("})";
  daemon.write_config("{ \"store\": 5 }");
  Reply r = daemon.call("POST", "/api/v1/reload", k_support_token);
  expect_problem(r, 409);
  EXPECT_NE(r.json["detail"].get<std::string>().find("/store"), std::string::npos) << r.body;
  EXPECT_EQ(daemon.get("/api/v1/status", k_erp_token).status, 200);

  daemon.write_config(daemon.config_text("", new_tokens));
  r = daemon.call("POST", "/api/v1/reload", k_support_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["reloaded"], true);
  expect_problem(daemon.get("/api/v1/status", k_erp_token), 401);
  EXPECT_EQ(daemon.get("/api/v1/status", "erp-token-new-5e8a1c").status, 200);
  // SIGHUP runs the same reload.
  daemon.write_config(daemon.config_text());
  daemon.child().signal(SIGHUP);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds{20};
  while (daemon.get("/api/v1/status", k_erp_token).status != 200 &&
         std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  EXPECT_EQ(daemon.get("/api/v1/status", k_erp_token).status, 200);
}

}  // namespace
}  // namespace kaution::test
