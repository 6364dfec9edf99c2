// Every refused deposit write against the real kautiond: problem+json with every error, and
// nothing stored or changed (checked through GET, history and the store file).
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/daemon/api/api_support.hpp"

namespace kaution::test {
namespace {

bool names_field(const Reply& reply, const std::string& field) {
  const auto& errors = reply.json["errors"];
  return std::any_of(errors.begin(), errors.end(),
                     [&](const nlohmann::json& e) { return e.value("field", "") == field; });
}

class ApiDepositErrors : public testing::Test {
 protected:
  // A stored deposit D-1 whose content and history must survive every refused request.
  void SetUp() override {
    ASSERT_EQ(daemon.put_deposit(aak_deposit("D-1", "1.0001")).status, 201);
    before = daemon.get("/api/v1/deposits/D-1").json;
    history = daemon.get("/api/v1/deposits/D-1/history").json;
  }
  void expect_nothing_changed() {
    const Reply now = daemon.get("/api/v1/deposits/D-1");
    EXPECT_EQ(now.json["master"], before["master"]);
    EXPECT_EQ(now.json["updated_at"], before["updated_at"]);
    EXPECT_EQ(daemon.get("/api/v1/deposits/D-1/history").json, history);
    expect_problem(daemon.get("/api/v1/deposits/D-2"), 404);
    EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM deposits"), 1);
    EXPECT_EQ(query_int(daemon.store_path(), "SELECT count(*) FROM status_history"), 1);
  }
  // PUT of D-1 changed by `change`, and of a new D-2 with the same change.
  std::pair<Reply, Reply> put_both(const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json d1 = aak_deposit("D-1", "1.0001");
    d1["object_label"] = "changed";
    change(d1);
    nlohmann::json d2 = aak_deposit("D-2", "1.0002", 2);
    change(d2);
    return {daemon.put_deposit(d1), daemon.put_deposit(d2)};
  }

  Daemon daemon;
  nlohmann::json before;
  nlohmann::json history;
};

TEST_F(ApiDepositErrors, MalformedJsonNamesThePosition) {
  for (const std::string id : {"D-1", "D-2"}) {
    const Reply r = daemon.call("PUT", "/api/v1/deposits/" + id, k_erp_token,
                                "{\n  \"deposit_id\": \"" + id + "\",\n  \"agreed_amount\": ,\n}");
    expect_problem(r, 400);
    EXPECT_EQ(r.json["line"], 3) << r.body;
    EXPECT_NE(r.json["detail"].get<std::string>().find("line 3"), std::string::npos) << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, UnknownFieldIs400) {
  const auto [r1, r2] = put_both([](nlohmann::json& d) { d["agreed_amout"] = "1.00"; });
  for (const Reply& r : {r1, r2}) {
    expect_problem(r, 400);
    EXPECT_TRUE(names_field(r, "agreed_amout")) << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, InvalidIbanIs422) {
  const auto [r1, r2] =
      put_both([](nlohmann::json& d) { d["virtual_iban"] = "DE00550104000007223330"; });
  for (const Reply& r : {r1, r2}) {
    expect_problem(r, 422);
    EXPECT_TRUE(names_field(r, "virtual_iban")) << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, ImpossibleDateIs422) {
  const auto [r1, r2] = put_both([](nlohmann::json& d) { d["valid_from"] = "2026-02-30"; });
  for (const Reply& r : {r1, r2}) {
    expect_problem(r, 422);
    EXPECT_TRUE(names_field(r, "valid_from")) << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, NegativeAmountIs422) {
  const auto [r1, r2] = put_both([](nlohmann::json& d) {
    d["agreed_amount"] = "-1340.00";
    d["instalments"][0]["amount"] = "-1340.00";
  });
  for (const Reply& r : {r1, r2}) {
    expect_problem(r, 422);
    EXPECT_TRUE(names_field(r, "agreed_amount")) << r.body;
    EXPECT_TRUE(names_field(r, "instalments[0].amount")) << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, EveryErrorAtOnce) {
  const auto [r1, r2] = put_both([](nlohmann::json& d) {
    d["virtual_iban"] = "DE00550104000007223330";
    d["valid_from"] = "2026-02-30";
    d["agreed_amount"] = "-5.00";
    d["parties"][0].erase("last_name");
  });
  for (const Reply& r : {r1, r2}) {
    expect_problem(r, 422);
    for (const char* field : {"virtual_iban", "valid_from", "agreed_amount"})
      EXPECT_TRUE(names_field(r, field)) << field << ": " << r.body;
  }
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, IdOfTheBodyMustMatchTheUrl) {
  const Reply r = daemon.call("PUT", "/api/v1/deposits/D-2", k_erp_token,
                              aak_deposit("D-3", "1.0002", 2).dump());
  expect_problem(r, 422);
  EXPECT_TRUE(names_field(r, "deposit_id")) << r.body;
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, SecondActiveDepositOnTheSameContract) {
  const Reply r = daemon.put_deposit(aak_deposit("D-2", "1.0001", 2));
  expect_problem(r, 422);
  EXPECT_TRUE(names_field(r, "rental_contract_no")) << r.body;
  expect_nothing_changed();
  // Once the first is closed, a new one on the contract is taken.
  ASSERT_EQ(daemon.call("POST", "/api/v1/deposits/D-1/close", k_support_token).status, 200);
  EXPECT_EQ(daemon.put_deposit(aak_deposit("D-2", "1.0001", 2)).status, 201);
}

TEST_F(ApiDepositErrors, SecondActiveDepositComesWithEveryOtherError) {
  nlohmann::json d2 = aak_deposit("D-2", "1.0001", 2);
  d2["virtual_iban"] = "DE00550104000007223330";
  d2["valid_from"] = "2026-02-30";
  const Reply r = daemon.put_deposit(d2);
  expect_problem(r, 422);
  for (const char* field : {"rental_contract_no", "virtual_iban", "valid_from"})
    EXPECT_TRUE(names_field(r, field)) << field << ": " << r.body;
  // Also when the body does not even parse as a deposit (wrong type of a field).
  d2["agreed_amount"] = 1340;
  const Reply typed = daemon.put_deposit(d2);
  expect_problem(typed, 422);
  for (const char* field : {"rental_contract_no", "agreed_amount", "valid_from"})
    EXPECT_TRUE(names_field(typed, field)) << field << ": " << typed.body;
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, BodyOverTheLimitIs413) {
  std::string body = aak_deposit("D-2", "1.0002", 2).dump();
  body.insert(body.size() - 1, ", \"padding\": \"" + std::string(11 * 1024 * 1024, 'x') + "\"");
  const Reply r = daemon.call("PUT", "/api/v1/deposits/D-2", k_erp_token, body);
  expect_problem(r, 413);
  expect_nothing_changed();
}

TEST_F(ApiDepositErrors, DeleteWithABalanceIs409WithTheBalance) {
  import_into_store(daemon.store_path(),
                    {"aak",
                     "aak-main",
                     {},
                     {{"D-1", *Date::parse("2026-03-01"), Money::from_cents(134000)}},
                     "cursor-1"});
  const Reply r = daemon.call("DELETE", "/api/v1/deposits/D-1", k_erp_token);
  expect_problem(r, 409);
  EXPECT_EQ(r.json["balance"], "1340.00") << r.body;
  EXPECT_NE(r.json["detail"].get<std::string>().find("1340.00"), std::string::npos) << r.body;
  // Closing is refused as well while the balance is not 0.
  const Reply close = daemon.call("POST", "/api/v1/deposits/D-1/close", k_support_token);
  expect_problem(close, 409);
  EXPECT_EQ(close.json["balance"], "1340.00") << close.body;
  EXPECT_FALSE(daemon.get("/api/v1/deposits/D-1").json["closed"].get<bool>());
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1/history").json, history);
}

TEST_F(ApiDepositErrors, DeleteWithBookingsIs409) {
  import_into_store(daemon.store_path(),
                    {"aak", "aak-main", {booking("b-1", "1340.00", "D-1", "acc")}, {}, "c"});
  const Reply r = daemon.call("DELETE", "/api/v1/deposits/D-1", k_erp_token);
  expect_problem(r, 409);
  EXPECT_EQ(r.json["reason"], "has_bookings") << r.body;
  EXPECT_NE(r.json["detail"].get<std::string>().find("close it"), std::string::npos) << r.body;
  EXPECT_EQ(daemon.get("/api/v1/deposits/D-1").status, 200);
}

TEST_F(ApiDepositErrors, DeleteUnknownIs404) {
  expect_problem(daemon.call("DELETE", "/api/v1/deposits/D-9", k_erp_token), 404);
  expect_nothing_changed();
}

}  // namespace
}  // namespace kaution::test
