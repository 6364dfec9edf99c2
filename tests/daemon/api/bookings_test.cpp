// The booking feed, unassigned bookings and manual assignment against the real kautiond.
#include <gtest/gtest.h>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

class ApiBookings : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001", 1)).status, 201);
    ASSERT_EQ(daemon.put_deposit(aak_deposit("D-2", "1.0002", 2)).status, 201);
    import_into_store(daemon.store_path(),
                      {"aak",
                       "aak-main",
                       {booking("b-1", "1340.00", "D-1", "V1"), booking("b-2", "100.00", {}, "X"),
                        booking("b-3", "50.00", {}, "X"), booking("b-4", "7.00", {}, "Y")},
                       {},
                       "cursor-1"});
  }
  Daemon daemon;
};

TEST_F(ApiBookings, FeedAfterAndLimit) {
  Reply r = daemon.get("/api/v1/bookings?after=0&limit=3", k_erp_token);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["bookings"].size(), 3u);
  EXPECT_EQ(r.json["bookings"][0]["seq"], 1);
  EXPECT_EQ(r.json["bookings"][0]["amount"], "1340.00");
  EXPECT_EQ(r.json["bookings"][0]["deposit_id"], "D-1");
  EXPECT_EQ(r.json["has_more"], true);
  const auto next = r.json["next_after"].get<std::int64_t>();
  r = daemon.get("/api/v1/bookings?after=" + std::to_string(next), k_erp_token);
  ASSERT_EQ(r.json["bookings"].size(), 1u);
  EXPECT_EQ(r.json["has_more"], false);
  expect_problem(daemon.get("/api/v1/bookings?after=-1", k_erp_token), 400);
  expect_problem(daemon.get("/api/v1/bookings?limit=abc", k_erp_token), 400);
}

TEST_F(ApiBookings, UnassignedGroupedByAccount) {
  const Reply r = daemon.get("/api/v1/bookings/unassigned");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["count"], 3);
  ASSERT_EQ(r.json["accounts"].size(), 2u);
  EXPECT_EQ(r.json["accounts"][0]["account"], "X");
  EXPECT_EQ(r.json["accounts"][0]["count"], 2);
  EXPECT_EQ(r.json["accounts"][0]["total"], "150.00");
  EXPECT_EQ(r.json["accounts"][1]["count"], 1);
}

TEST_F(ApiBookings, AssignRecordsWhoAndRenewsTheSeq) {
  const Reply feed = daemon.get("/api/v1/bookings/unassigned");
  const std::string id = feed.json["accounts"][0]["bookings"][0]["booking_id"];
  const std::string target = "/api/v1/bookings/" + id + "/assign";
  expect_problem(daemon.call("POST", target, k_erp_token, R"({"deposit_id": "D-2"})"), 403);
  expect_problem(daemon.call("POST", target, k_support_token, R"({"deposit": "D-2"})"), 400);
  expect_problem(daemon.call("POST", target, k_support_token, R"({"deposit_id": "D-9"})"), 422);
  expect_problem(daemon.call("POST", "/api/v1/bookings/bk_nope/assign", k_support_token,
                             R"({"deposit_id": "D-2"})"),
                 404);
  Reply r = daemon.call("POST", target, k_support_token, R"({"deposit_id": "D-2"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["assigned_by"], "support-anna");
  expect_problem(daemon.call("POST", target, k_support_token, R"({"deposit_id": "D-2"})"), 409);

  r = daemon.get("/api/v1/bookings?after=4", k_erp_token);
  ASSERT_EQ(r.json["bookings"].size(), 1u) << r.body;
  EXPECT_EQ(r.json["bookings"][0]["booking_id"], id);
  EXPECT_EQ(r.json["bookings"][0]["seq"], 5);
  EXPECT_EQ(r.json["bookings"][0]["deposit_id"], "D-2");
  EXPECT_EQ(r.json["bookings"][0]["assigned_by"], "support-anna");
  EXPECT_EQ(daemon.get("/api/v1/bookings/unassigned").json["count"], 2);
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-2").json["figures"]["paid"], "100.00");
}

}  // namespace
}  // namespace kaution::test
