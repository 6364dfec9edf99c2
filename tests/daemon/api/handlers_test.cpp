// The handlers' logic through the router, without a transport: dates from the injected clock,
// hooks, and answers the integration tests do not reach.
#include <gtest/gtest.h>

#include "tests/daemon/api/handler_harness.hpp"
#include "tests/daemon/api/sample_deposits.hpp"

namespace kaution::test {
namespace {

using http::Role;

TEST(ApiHandlers, StatusIsDerivedFromTheInjectedClock) {
  Harness h;
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["valid_until"] = "2026-12-31";
  ASSERT_EQ(h.put(d).json["status"], "waiting");
  h.clock().set(utc_time(*Date::parse("2027-01-15")));
  d["object_label"] = "changed";
  const Answer a = h.put(d);
  EXPECT_EQ(a.json["result"], "changed");
  EXPECT_EQ(a.json["status"], "ending");  // valid_until past, no balance
  EXPECT_EQ(h.store().history("D-1", 10).size(), 2u);
}

TEST(ApiHandlers, LedgerFiguresMayNotBeFromTheFuture) {
  Harness h;
  ASSERT_EQ(h.put(aak_deposit("D-1", "1.0001")).status, 201);
  const auto put = [&](const std::string& as_of) {
    return h.call("PUT", "/api/v1/deposits/D-1/ledger", Role::ledger,
                  R"({"paid": "-1.00", "balance": "0.00", "as_of": ")" + as_of + "\"}");
  };
  EXPECT_EQ(put("2026-11-24").status, 422);
  EXPECT_EQ(put("2026-11-23").status, 200);
  const auto figures = h.store().ledger_figures("D-1", std::nullopt);
  ASSERT_TRUE(figures);
  EXPECT_EQ(figures->paid, Money::from_cents(-100));
}

TEST(ApiHandlers, ActiveAndEndedOnlyUseToday) {
  Harness h;
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["valid_until"] = "2026-11-23";
  ASSERT_EQ(h.put(d).status, 201);
  const auto total = [&](const std::string& query) {
    return h.call("GET", "/api/v1/deposits?" + query, Role::operator_).json["total"];
  };
  EXPECT_EQ(total("active_only=true"), 1);
  EXPECT_EQ(total("ended_only=true"), 0);
  h.clock().set(utc_time(*Date::parse("2026-11-24")));
  EXPECT_EQ(total("active_only=true"), 0);
  EXPECT_EQ(total("ended_only=true"), 1);
}

TEST(ApiHandlers, AccessCheckCallsTheHook) {
  api::ApiHooks hooks;
  std::string checked;
  hooks.check_access = [&](const std::string& access) -> Result<std::string> {
    checked = access;
    if (access == "dkb-main")
      return std::unexpected(Failure{FailureClass::credentials, "refused by the bank", {}, {}});
    return std::string("credentials accepted");
  };
  Harness h(std::move(hooks));
  Answer a = h.call("POST", "/api/v1/accesses/aak-main/check", Role::support);
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.json["ok"], true);
  EXPECT_EQ(checked, "aak-main");
  a = h.call("POST", "/api/v1/accesses/dkb-main/check", Role::support);
  EXPECT_EQ(a.json["ok"], false);
  EXPECT_EQ(a.json["failure_class"], "credentials");
}

TEST(ApiHandlers, ReloadHookAndItsRefusal) {
  api::ApiHooks hooks;
  bool ok = true;
  hooks.reload = [&] { return api::ReloadOutcome{ok, ok ? "config ok" : "/store: bad"}; };
  Harness h(std::move(hooks));
  EXPECT_EQ(h.call("POST", "/api/v1/reload", Role::support).status, 200);
  ok = false;
  const Answer a = h.call("POST", "/api/v1/reload", Role::support);
  EXPECT_EQ(a.status, 409);
  EXPECT_NE(a.json["detail"].get<std::string>().find("/store: bad"), std::string::npos);
  Harness without;
  EXPECT_EQ(without.call("POST", "/api/v1/reload", Role::support).status, 501);
}

TEST(ApiHandlers, ExportsQueuedHookAfterWrites) {
  api::ApiHooks hooks;
  int woken = 0;
  hooks.exports_queued = [&] { ++woken; };
  Harness h(std::move(hooks));
  ASSERT_EQ(h.put(aak_deposit("D-1", "1.0001")).status, 201);
  EXPECT_EQ(woken, 1);
  ASSERT_EQ(h.put(aak_deposit("D-1", "1.0001")).status, 200);  // unchanged: nothing queued
  EXPECT_EQ(woken, 1);
  ASSERT_EQ(h.call("POST", "/api/v1/deposits/D-1/export", Role::support).status, 200);
  EXPECT_EQ(woken, 2);
}

TEST(ApiHandlers, ManualAssignmentWakesTheSyncRuntime) {
  api::ApiHooks hooks;
  int woken = 0;
  hooks.exports_queued = [&] { ++woken; };
  Harness h(std::move(hooks));
  ASSERT_EQ(h.put(aak_deposit("D-1", "1.0001")).status, 201);
  BookingEntry e;
  e.booking_date = *Date::parse("2026-11-20");
  e.amount = Money::from_cents(10000);
  e.account = "DE02550104000000000000";
  e.bank_ref = "AAK-1";
  h.store().import_batch({"aak", "aak-main", {e}, {}, "c"});
  const std::string id = h.store().unassigned_bookings(10).at(0).bookings.at(0).booking_id;
  woken = 0;
  const std::string target = "/api/v1/bookings/" + id + "/assign";
  ASSERT_EQ(h.call("POST", target, Role::support, R"({"deposit_id": "D-1"})").status, 200);
  EXPECT_EQ(woken, 1) << "the assignment is passed to the bank at once";
  EXPECT_EQ(h.call("POST", target, Role::support, R"({"deposit_id": "D-1"})").status, 409);
  EXPECT_EQ(woken, 1) << "nothing new to send";
}

TEST(ApiHandlers, DeleteAndCloseWithANegativeBalance) {
  Harness h;
  ASSERT_EQ(h.put(aak_deposit("D-1", "1.0001")).status, 201);
  h.store().import_batch(
      {"aak", "aak-main", {}, {{"D-1", *Date::parse("2026-11-01"), Money::from_cents(-5)}}, "c"});
  Answer a = h.call("DELETE", "/api/v1/deposits/D-1", Role::ledger);
  EXPECT_EQ(a.status, 409);
  EXPECT_EQ(a.json["balance"], "-0.05");
  EXPECT_EQ(a.json["balance_date"], "2026-11-01");
  EXPECT_EQ(h.call("POST", "/api/v1/deposits/D-1/close", Role::support).status, 409);
}

TEST(ApiHandlers, UnassignedLimitPerAccount) {
  Harness h;
  BookingEntry e;
  e.booking_date = *Date::parse("2026-11-01");
  e.amount = Money::from_cents(100);
  e.account = "X";
  std::vector<BookingEntry> entries;
  for (int i = 0; i < 5; ++i) {
    e.bank_ref = "r" + std::to_string(i);
    entries.push_back(e);
  }
  h.store().import_batch({"aak", "aak-main", entries, {}, "c"});
  const Answer a = h.call("GET", "/api/v1/bookings/unassigned?limit=2", Role::operator_);
  EXPECT_EQ(a.json["count"], 5);
  EXPECT_EQ(a.json["accounts"][0]["bookings"].size(), 2u);
  EXPECT_EQ(a.json["accounts"][0]["total"], "5.00");
}

TEST(ApiHandlers, LargeBatchIsCheckedInParallelAndStoredInOrder) {
  Harness h;
  std::string body;
  for (int i = 0; i < 1500; ++i) {
    nlohmann::json d = aak_deposit("D-" + std::to_string(i), "C-" + std::to_string(i % 1000),
                                   static_cast<std::uint64_t>(i));
    if (i % 100 == 7) d["valid_from"] = "2026-02-30";
    body += d.dump() + "\n";
  }
  const Answer a = h.call("POST", "/api/v1/deposits:batch", Role::ledger, body,
                          {{"content-type", "application/x-ndjson"}});
  ASSERT_EQ(a.status, 200) << a.body.substr(0, 500);
  const auto& results = a.json["results"];
  ASSERT_EQ(results.size(), 1500u);
  for (int i = 0; i < 1500; ++i) {
    const auto& r = results[static_cast<std::size_t>(i)];
    EXPECT_EQ(r["index"], i);
    EXPECT_EQ(r["deposit_id"], "D-" + std::to_string(i));
    // Invalid ones are rejected; of two on the same contract the later one is (in body order).
    const bool invalid = i % 100 == 7;
    const bool second = i >= 1000 && (i - 1000) % 100 != 7;
    EXPECT_EQ(r["result"], invalid || second ? "rejected" : "created") << i;
  }
}

}  // namespace
}  // namespace kaution::test
