// The API's transport rules against the real kautiond: health without a token, 401 for a missing
// or wrong token, 403 for a token without the role — and nothing stored by a refused request.
#include <gtest/gtest.h>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

TEST(ApiAuth, HealthAndReadinessNeedNoToken) {
  Daemon daemon;
  EXPECT_EQ(daemon.call("GET", "/healthz", std::nullopt).status, 200);
  EXPECT_EQ(daemon.call("GET", "/readyz", std::nullopt).status, 200);
}

TEST(ApiAuth, MissingOrWrongTokenIs401AndStoresNothing) {
  Daemon daemon;
  const std::string body = aak_deposit("D-1", "1.0001").dump();
  const Reply missing = daemon.call("PUT", "/api/v1/deposits/D-1", std::nullopt, body);
  expect_problem(missing, 401);
  const Reply wrong = daemon.call("PUT", "/api/v1/deposits/D-1", "not-a-token", body);
  expect_problem(wrong, 401);
  expect_problem(daemon.get("/api/v1/deposits/D-1", "wrong"), 401);
  expect_problem(daemon.get("/api/v1/deposits/D-1"), 404);
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 0);
}

TEST(ApiAuth, TokenWithoutTheRoleIs403AndStoresNothing) {
  Daemon daemon;
  const std::string body = aak_deposit("D-1", "1.0001").dump();
  for (const std::string& token : {k_support_token, k_monitor_token})
    expect_problem(daemon.call("PUT", "/api/v1/deposits/D-1", token, body), 403);
  expect_problem(daemon.call("POST", "/api/v1/deposits:batch", k_monitor_token, "[" + body + "]"),
                 403);
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 0);
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001")).status, 201);
  // Support actions are support's; the ledger and the operator may not.
  for (const std::string& token : {k_erp_token, k_monitor_token}) {
    expect_problem(daemon.call("POST", "/api/v1/deposits/D-1/close", token), 403);
    expect_problem(daemon.call("POST", "/api/v1/deposits/D-1/export", token), 403);
    expect_problem(daemon.call("POST", "/api/v1/reload", token), 403);
  }
  // The feed is the ledger's.
  expect_problem(daemon.get("/api/v1/bookings", k_support_token), 403);
  EXPECT_EQ(daemon.get("/api/v1/bookings", k_erp_token).status, 200);
  // Reading is everybody's.
  for (const std::string& token : {k_erp_token, k_support_token, k_monitor_token})
    EXPECT_EQ(daemon.get("/api/v1/deposits/D-1", token).status, 200);
  const Reply deposit = daemon.get("/api/v1/deposits/D-1");
  EXPECT_FALSE(deposit.json["closed"].get<bool>());
  EXPECT_EQ(deposit.json["status"]["status"], "waiting");
}

TEST(ApiAuth, StopsGracefullyOnSigtermAndRemovesTheSocket) {
  Daemon daemon;
  ASSERT_TRUE(std::filesystem::exists(daemon.socket_path()));
  EXPECT_EQ(daemon.stop(), 0) << daemon.child().output();
  EXPECT_FALSE(std::filesystem::exists(daemon.socket_path()));
  EXPECT_NE(daemon.child().output().find("STOPPED cleanly"), std::string::npos);
}

}  // namespace
}  // namespace kaution::test
