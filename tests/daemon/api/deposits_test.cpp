// Deposit writes and reads against the real kautiond: PUT (created, unchanged, changed, §551
// warnings), GET, history, close, delete, ledger figures, the list with filters and sums.
#include <gtest/gtest.h>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

TEST(ApiDeposits, PutCreatesThenUnchangedThenChanged) {
  Daemon daemon;
  nlohmann::json d = aak_deposit("D-2021-000184", "1.080000.1047");
  Reply r = daemon.put_deposit(d);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["result"], "created");
  EXPECT_EQ(r.json["status"], "waiting");
  EXPECT_TRUE(r.json["warnings"].empty());

  // Same content in another key order and IBAN spacing: nothing changes.
  nlohmann::json same = nlohmann::json::parse(d.dump());
  same["virtual_iban"] = d["virtual_iban"].get<std::string>().insert(4, " ");
  r = daemon.put_deposit(same);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["result"], "unchanged");
  EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM status_history"), 1);

  d["object_label"] = "Mittelweg 30a, Dortmund";
  r = daemon.put_deposit(d);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["result"], "changed");
  EXPECT_EQ(r.json["status"], "waiting");

  const Reply got = daemon.get("/api/v1/deposits/D-2021-000184");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["master"]["object_label"], "Mittelweg 30a, Dortmund");
  EXPECT_EQ(got.json["status"]["status"], "waiting");
  EXPECT_EQ(got.json["status"]["german"], "wartend");
  EXPECT_EQ(got.json["export"]["queued"], true);
  EXPECT_EQ(got.json["flags"]["traffic_light"], "yellow");
  EXPECT_EQ(got.json["figures"]["outstanding"], "1340.00");
  EXPECT_TRUE(got.json["bank"]["balance"].is_null());
  EXPECT_TRUE(got.json["last_error"].is_null());

  const Reply history = daemon.get("/api/v1/deposits/D-2021-000184/history");
  ASSERT_EQ(history.json["entries"].size(), 1u) << history.body;
  EXPECT_EQ(history.json["entries"][0]["new_status"], "waiting");
  EXPECT_TRUE(history.json["entries"][0]["old_status"].is_null());
}

TEST(ApiDeposits, Bgb551FindingsAreWarningsInTheAnswer) {
  Daemon daemon;
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["net_cold_rent"] = "300.00";  // 3 × 300.00 < 1340.00
  const Reply r = daemon.put_deposit(d);
  ASSERT_EQ(r.status, 201) << r.body;
  ASSERT_EQ(r.json["warnings"].size(), 1u) << r.body;
  EXPECT_EQ(r.json["warnings"][0]["code"], "BGB551_AMOUNT");
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1").json["warnings"].size(), 1u);
}

TEST(ApiDeposits, Bgb551AsErrorWhenConfigured) {
  Daemon daemon(R"(, "rules": {"bgb551": "error"})");
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["net_cold_rent"] = "300.00";
  expect_problem(daemon.put_deposit(d), 422);
  expect_problem(daemon.get("/api/v1/deposits/D-1"), 404);
}

TEST(ApiDeposits, CloseThenDelete) {
  Daemon daemon;
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001")).status, 201);
  expect_problem(daemon.call("POST", "/api/v1/deposits/D-9/close", k_support_token), 404);
  Reply r = daemon.call("POST", "/api/v1/deposits/D-1/close", k_support_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["status"], "closed");
  EXPECT_EQ(r.json["closed_by"], "support-anna");
  EXPECT_EQ(r.json["changed"], true);
  r = daemon.call("POST", "/api/v1/deposits/D-1/close", k_support_token);
  EXPECT_EQ(r.json["changed"], false);
  const Reply got = daemon.get("/api/v1/deposits/D-1");
  EXPECT_EQ(got.json["status"]["status"], "closed");
  EXPECT_EQ(got.json["export"]["queued"], false);
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1/history").json["entries"][0]["new_status"], "closed");
  // A closed deposit is not exported again.
  expect_problem(daemon.call("POST", "/api/v1/deposits/D-1/export", k_support_token), 409);

  r = daemon.call("DELETE", "/api/v1/deposits/D-1", k_erp_token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["deleted"], true);
  expect_problem(daemon.get("/api/v1/deposits/D-1"), 404);
  expect_problem(daemon.get("/api/v1/deposits/D-1/history"), 404);
}

TEST(ApiDeposits, LedgerFigures) {
  Daemon daemon;
  ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001")).status, 201);
  const std::string path = "/api/v1/deposits/D-1/ledger";
  Reply r = daemon.call("PUT", path, k_erp_token,
                        R"({"paid": "1340.00", "balance": "1342.17", "as_of": "2026-11-01"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json ledger = daemon.get("/api/v1/deposits/D-1").json["ledger"];
  EXPECT_EQ(ledger["paid"], "1340.00");
  EXPECT_EQ(ledger["balance"], "1342.17");
  EXPECT_EQ(ledger["as_of"], "2026-11-01");
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1").json["flags"]["ledger_difference"], true);

  expect_problem(daemon.call("PUT", path, k_erp_token,
                             R"({"paid": "1.340,00", "balance": "0.00", "as_of": "2026-11-01"})"),
                 422);
  expect_problem(daemon.call("PUT", path, k_erp_token,
                             R"({"paid": "1.00", "balance": "0.00", "as_of": "2026-02-30"})"),
                 422);
  expect_problem(daemon.call("PUT", path, k_erp_token,
                             R"({"paid": "1.00", "balance": "0.00", "asof": "2026-11-01"})"),
                 400);
  expect_problem(daemon.call("PUT", "/api/v1/deposits/D-9/ledger", k_erp_token,
                             R"({"paid": "1.00", "balance": "0.00", "as_of": "2026-11-01"})"),
                 404);
  expect_problem(daemon.call("PUT", path, k_support_token,
                             R"({"paid": "1.00", "balance": "0.00", "as_of": "2026-11-01"})"),
                 403);
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1").json["ledger"], ledger);
}

TEST(ApiDeposits, ListWithFiltersAndSums) {
  Daemon daemon;
  nlohmann::json a = aak_deposit("D-1", "1.0001", 1);
  nlohmann::json b = aak_deposit("D-2", "1.0002", 2);
  b["parties"][0]["last_name"] = "Müller";
  b["parties"][0]["first_name"] = "Peter";
  b["valid_until"] = "2026-03-31";
  b["valid_from"] = "2025-01-01";
  b["instalments"][0]["due_date"] = "2025-01-01";
  nlohmann::json c = aak_deposit("D-3", "1.0003", 3);
  c["connector"] = "dkb";
  c["access"] = "dkb-main";
  c.erase("virtual_iban");
  c["agreed_amount"] = "900.00";
  c["instalments"][0]["amount"] = "900.00";
  for (const auto& d : {a, b, c})
    ASSERT_LT(daemon.put_deposit(d).status, 300) << d.dump();
  import_into_store(daemon.store_path(),
                    {"aak", "aak-main", {booking("b-1", "446.67", "D-1", "acc")}, {}, "c"});

  Reply r = daemon.get("/api/v1/deposits");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["total"], 3);
  EXPECT_EQ(r.json["sums"]["agreed"], "3580.00");
  EXPECT_EQ(r.json["sums"]["paid"], "446.67");
  EXPECT_EQ(r.json["sums"]["outstanding"], "3133.33");
  EXPECT_EQ(r.json["items"][0]["tenant"], "Schmidt, Natalie");
  EXPECT_EQ(r.json["items"][0]["paid"], "446.67");
  EXPECT_EQ(r.json["items"][0]["instalments"], 1);
  EXPECT_EQ(r.json["items"][0]["iban"], de_iban(7223331));

  const auto ids = [&](const std::string& query) {
    std::vector<std::string> out;
    const Reply reply = daemon.get("/api/v1/deposits?" + query);
    for (const auto& item : reply.json["items"])
      out.push_back(item["deposit_id"]);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids("q=m%C3%9CLLER"), V{"D-2"});  // case-insensitive, also for umlauts
  EXPECT_EQ(ids("q=" + de_iban(7223331).substr(0, 4) + "+" + de_iban(7223331).substr(4)),
            V{"D-1"});  // spaces in an IBAN ignored
  EXPECT_EQ(ids("q=" + de_iban(7223332).substr(8)), V{"D-2"});
  EXPECT_EQ(ids("connector=dkb"), V{"D-3"});
  EXPECT_EQ(ids("access=aak-main"), (V{"D-1", "D-2"}));
  EXPECT_EQ(ids("status=waiting"), (V{"D-1", "D-3"}));  // D-2 ended: status ending
  EXPECT_EQ(ids("active_only=true"), (V{"D-1", "D-3"}));
  EXPECT_EQ(ids("ended_only=true"), V{"D-2"});
  EXPECT_EQ(ids("from=2026-01-01"), (V{"D-1", "D-3"}));
  EXPECT_EQ(ids("limit=1&offset=1"), V{"D-2"});
  r = daemon.get("/api/v1/deposits?connector=aak&active_only=1");
  EXPECT_EQ(r.json["sums"]["count"], 1);
  EXPECT_EQ(r.json["sums"]["agreed"], "1340.00");

  expect_problem(daemon.get("/api/v1/deposits?status=happy"), 400);
  expect_problem(daemon.get("/api/v1/deposits?colour=red"), 400);
  expect_problem(daemon.get("/api/v1/deposits?from=2026-13-01"), 400);
  expect_problem(daemon.get("/api/v1/deposits?limit=0"), 400);
}

}  // namespace
}  // namespace kaution::test
