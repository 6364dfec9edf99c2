// POST /api/v1/deposits:batch against the real kautiond: JSON arrays and NDJSON, each deposit
// stored or rejected on its own, the limits, and idempotency over 10,000 deposits.
#include <gtest/gtest.h>

#include <thread>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

Reply post_batch(const Daemon& daemon, const std::string& body,
                 const std::string& content_type = "application/json") {
  return daemon.call("POST", "/api/v1/deposits:batch", k_erp_token, body,
                     {"Content-Type: " + content_type}, 120s);
}

TEST(ApiBatch, EachDepositOnItsOwn) {
  Daemon daemon;
  nlohmann::json bad = aak_deposit("D-3", "1.0003", 3);
  bad["valid_from"] = "2026-02-30";
  const nlohmann::json batch = {aak_deposit("D-1", "1.0001", 1), aak_deposit("D-2", "1.0002", 2),
                                bad, aak_deposit("D-4", "1.0001", 4)};
  const Reply r = post_batch(daemon, batch.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["summary"]["created"], 2);
  EXPECT_EQ(r.json["summary"]["rejected"], 2);
  const auto& results = r.json["results"];
  EXPECT_EQ(results[0]["result"], "created");
  EXPECT_EQ(results[0]["status"], "waiting");
  EXPECT_EQ(results[2]["result"], "rejected");
  EXPECT_EQ(results[2]["deposit_id"], "D-3");
  EXPECT_EQ(results[2]["errors"][0]["field"], "valid_from");
  EXPECT_EQ(results[3]["result"], "rejected");  // second active deposit on contract 1.0001
  EXPECT_EQ(results[3]["errors"][0]["field"], "rental_contract_no");
  expect_problem(daemon.get("/api/v1/deposits/D-3"), 404);
  expect_problem(daemon.get("/api/v1/deposits/D-4"), 404);
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 2);
}

bool has_error(const nlohmann::json& result, const std::string& field, const std::string& code) {
  for (const auto& e : result["errors"])
    if (e["field"] == field && e["code"] == code) return true;
  return false;
}

TEST(ApiBatch, SecondDepositOfAContractNamesTheEntryAndComesWithEveryOtherError) {
  Daemon daemon;
  nlohmann::json second = aak_deposit("D-2", "1.0001", 2);
  second["virtual_iban"] = "DE00550104000007223330";
  second["valid_from"] = "2026-02-30";
  const nlohmann::json batch = {aak_deposit("D-1", "1.0001", 1), second,
                                aak_deposit("D-3", "1.0001", 3)};
  const Reply r = post_batch(daemon, batch.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& results = r.json["results"];
  EXPECT_EQ(results[0]["result"], "created");
  for (std::size_t i : {1U, 2U}) {
    EXPECT_EQ(results[i]["result"], "rejected");
    EXPECT_TRUE(has_error(results[i], "rental_contract_no", "ACTIVE_DEPOSIT_EXISTS")) << r.body;
    for (const auto& e : results[i]["errors"]) {
      if (e["code"] != "ACTIVE_DEPOSIT_EXISTS") continue;
      const std::string message = e["message"];
      EXPECT_NE(message.find("(D-1)"), std::string::npos) << message;
      EXPECT_NE(message.find("entry 0 of this batch"), std::string::npos) << message;
    }
  }
  // The invalid one reports its own errors together with the contract's.
  for (const char* field : {"virtual_iban", "valid_from"}) {
    bool named = false;
    for (const auto& e : results[1]["errors"])
      named = named || e["field"] == field;
    EXPECT_TRUE(named) << field << ": " << results[1];
  }
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 1);
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM status_history"), 1);
}

TEST(ApiBatch, TheSameDepositTwiceInOneBatch) {
  Daemon daemon;
  nlohmann::json changed = aak_deposit("D-1", "1.0001", 1);
  changed["object_label"] = "other";
  const nlohmann::json batch = {aak_deposit("D-1", "1.0001", 1), changed,
                                aak_deposit("D-1", "1.0001", 1)};
  const Reply r = post_batch(daemon, batch.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["summary"]["created"], 1);
  EXPECT_EQ(r.json["summary"]["rejected"], 2);
  for (std::size_t i : {1U, 2U}) {
    EXPECT_TRUE(has_error(r.json["results"][i], "deposit_id", "DUPLICATE_IN_BATCH")) << r.body;
    EXPECT_NE(r.body.find("already entry 0 of this batch"), std::string::npos);
  }
  EXPECT_NE(daemon.get("/api/v1/deposits/D-1").json["master"]["object_label"], "other");
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM status_history"), 1);
}

TEST(ApiBatch, NdjsonWithAMalformedLine) {
  Daemon daemon;
  const std::string body = aak_deposit("D-1", "1.0001", 1).dump() + "\n{\"deposit_id\": oops}\n\n" +
                           aak_deposit("D-2", "1.0002", 2).dump() + "\n";
  const Reply r = post_batch(daemon, body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["summary"]["received"], 3);
  EXPECT_EQ(r.json["summary"]["created"], 2);
  EXPECT_EQ(r.json["results"][1]["result"], "rejected");
  EXPECT_EQ(r.json["results"][1]["errors"][0]["field"], "line 2");
}

TEST(ApiBatch, RefusedWhole) {
  Daemon daemon;
  expect_problem(post_batch(daemon, "{\"deposit_id\": \"D-1\"}"), 400);    // not an array
  expect_problem(post_batch(daemon, "[{\"deposit_id\": \"D-1\",]"), 400);  // malformed
  std::string many = "[";
  for (int i = 0; i <= 10000; ++i)
    many += i == 0 ? "{}" : ",{}";
  expect_problem(post_batch(daemon, many + "]"), 413);
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 0);
}

TEST(ApiBatch, SameTenThousandTwiceChangesNothingTheSecondTime) {
  Daemon daemon;
  std::string body;
  for (int i = 0; i < 10000; ++i)
    body += aak_deposit("D-" + std::to_string(i), "C-" + std::to_string(i),
                        static_cast<std::uint64_t>(i))
                .dump() +
            "\n";
  ASSERT_LT(body.size(), 10u * 1024 * 1024);
  Reply r = post_batch(daemon, body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  EXPECT_EQ(r.json["summary"]["created"], 10000) << r.json["summary"];
  const auto& store = daemon.store_path();
  const auto queued = query_int(store, "SELECT count(*) FROM export_queue");
  const auto enqueued = query_int(store, "SELECT sum(enqueued_at) FROM export_queue");
  const auto history = query_int(store, "SELECT count(*) FROM status_history");
  const auto updated = query_int(store, "SELECT sum(updated_at) FROM deposits");
  EXPECT_EQ(queued, 10000);
  EXPECT_EQ(history, 10000);
  std::this_thread::sleep_for(1100ms);  // instants are kept to the second: a rewrite would show

  r = post_batch(daemon, body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["summary"]["unchanged"], 10000) << r.json["summary"];
  EXPECT_EQ(r.json["summary"]["created"], 0);
  EXPECT_EQ(r.json["summary"]["changed"], 0);
  EXPECT_EQ(query_int(store, "SELECT count(*) FROM export_queue"), queued);
  EXPECT_EQ(query_int(store, "SELECT sum(enqueued_at) FROM export_queue"), enqueued);
  EXPECT_EQ(query_int(store, "SELECT count(*) FROM status_history"), history);
  EXPECT_EQ(query_int(store, "SELECT sum(updated_at) FROM deposits"), updated);
}

}  // namespace
}  // namespace kaution::test
