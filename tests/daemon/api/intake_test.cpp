// Deposit intake: parse and validate without the store, then the one-active rule, the write
// and the status in one transaction.
#include <gtest/gtest.h>

#include "daemon/api/deposit_intake.hpp"
#include "queue/content_hash.hpp"
#include "queue/sqlite_store.hpp"
#include "tests/daemon/api/sample_deposits.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

using api::check_deposit;
using api::IntakeResult;
using api::store_deposit;

ValidationContext context() {
  return {{{"aak-main", BankProfile::aak, {}}}, false};
}

TEST(ApiIntake, PathIdFillsAMissingIdAndMustMatchAGivenOne) {
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d.erase("deposit_id");
  auto checked = check_deposit(d, std::string_view("D-7"), context());
  ASSERT_TRUE(checked);
  EXPECT_EQ(checked->record.deposit_id, "D-7");
  d["deposit_id"] = "D-8";
  auto mismatch = check_deposit(d, std::string_view("D-7"), context());
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().errors.at(0).field, "deposit_id");
}

TEST(ApiIntake, RecordCarriesTheQueryColumns) {
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["parties"].push_back({{"role", "tenant"}, {"company_name", "Meyer GmbH"}});
  d["parties"].push_back({{"role", "guarantor"}, {"last_name", "Bürge"}});
  auto checked = check_deposit(d, std::nullopt, context());
  ASSERT_TRUE(checked) << checked.error().errors.at(0).message;
  const DepositRecord& r = checked->record;
  EXPECT_EQ(r.tenant_name, "Schmidt, Natalie & Meyer GmbH");
  EXPECT_EQ(r.connector, "aak");
  EXPECT_EQ(r.access, "aak-main");
  EXPECT_EQ(r.agreed, Money::from_cents(134000));
  EXPECT_EQ(r.virtual_iban, de_iban(7223331));
  EXPECT_EQ(r.master_json, to_json(checked->deposit).dump());  // canonical
  EXPECT_EQ(r.content_hash, sha256_hex(r.master_json));
}

TEST(ApiIntake, EveryErrorOfParseOrValidation) {
  nlohmann::json d = aak_deposit("D-1", "1.0001");
  d["access"] = "nope";
  d["instalments"][0]["amount"] = "1000.00";
  auto checked = check_deposit(d, std::nullopt, context());
  ASSERT_FALSE(checked);
  EXPECT_GE(checked.error().errors.size(), 2u);
}

TEST(ApiIntake, WritesStatusInTheSameTransactionAndNothingWhenUnchanged) {
  TempDir dir;
  ManualClock clock(utc_time(*Date::parse("2026-11-23")));
  SqliteStore store(dir.path() / "s.db", clock);
  const Date today = *Date::parse("2026-11-23");
  auto checked = check_deposit(aak_deposit("D-1", "1.0001"), std::nullopt, context());
  ASSERT_TRUE(checked);
  auto out = store_deposit(store, *checked, today, {});
  EXPECT_EQ(out.result, IntakeResult::created);
  EXPECT_EQ(out.status, DepositStatus::waiting);
  EXPECT_EQ(store.status("D-1")->status, DepositStatus::waiting);
  out = store_deposit(store, *checked, today, {});
  EXPECT_EQ(out.result, IntakeResult::unchanged);
  EXPECT_EQ(out.status, DepositStatus::waiting);
  EXPECT_EQ(store.history("D-1", 10).size(), 1u);

  auto second = check_deposit(aak_deposit("D-2", "1.0001", 2), std::nullopt, context());
  out = store_deposit(store, *second, today, {});
  EXPECT_EQ(out.result, IntakeResult::rejected);
  EXPECT_EQ(out.errors.at(0).field, "rental_contract_no");
  EXPECT_FALSE(store.get_deposit("D-2"));
  // A closed deposit may be re-sent (the rule is about active ones) and stays closed.
  store.close_deposit("D-1", "test");
  store.set_status("D-1", DepositStatus::closed, "test");
  out = store_deposit(store, *second, today, {});
  EXPECT_EQ(out.result, IntakeResult::created);
  nlohmann::json changed = aak_deposit("D-1", "1.0001");
  changed["object_label"] = "x";
  out = store_deposit(store, *check_deposit(changed, std::nullopt, context()), today, {});
  EXPECT_EQ(out.result, IntakeResult::changed);
  EXPECT_EQ(out.status, DepositStatus::closed);
}

}  // namespace
}  // namespace kaution::test
