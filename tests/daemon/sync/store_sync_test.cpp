// The store queries and records the sync runtime added (queue/store.hpp "sync runtime").
#include <gtest/gtest.h>

#include "tests/queue/store_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

using StoreSyncTest = StoreTest;

TEST_F(StoreSyncTest, DirectoryListsTheAccessesDepositsWithBankRefs) {
  store().upsert_deposit(make_deposit("1047"));
  DepositRecord other = make_deposit("2000", "km-main");
  other.virtual_iban.reset();
  store().upsert_deposit(other);
  store().record_export_success("1047", store().get_deposit("1047")->deposit.content_hash,
                                "uuid-1047");
  const auto aak = store().directory("aak-main");
  ASSERT_EQ(aak.size(), 1u);
  EXPECT_EQ(aak[0], (DirectoryEntry{"1047", "1.080000.1047", "DE14550104000007223330", "uuid-1047",
                                    false}));
  const auto km = store().directory("km-main");
  ASSERT_EQ(km.size(), 1u);
  EXPECT_FALSE(km[0].virtual_iban.has_value());
  EXPECT_FALSE(km[0].bank_ref.has_value());
  EXPECT_TRUE(store().directory("dkb-main").empty());
}

TEST_F(StoreSyncTest, UnassignedRefsAreThoseOfTheAccessWithoutDeposit) {
  store().upsert_deposit(make_deposit("1047"));
  store().import_batch(
      {"aak",
       "aak-main",
       {make_booking("B1", 100), make_booking("B2", 100, "1047"), make_booking("B3", 100)},
       {},
       "c1"});
  store().import_batch({"km", "km-main", {make_booking("K1", 100)}, {}, "k1"});
  EXPECT_EQ(store().unassigned_bank_refs("aak-main"), (std::vector<std::string>{"B1", "B3"}));
  EXPECT_EQ(store().unassigned_bank_refs("km-main"), std::vector<std::string>{"K1"});
}

TEST_F(StoreSyncTest, DueExportsOfAndNextExportAtArePerAccess) {
  store().upsert_deposit(make_deposit("1047"));
  store().upsert_deposit(make_deposit("2000", "km-main"));
  EXPECT_EQ(store().due_exports_of("aak-main", k_start, 10).size(), 1u);
  EXPECT_EQ(store().due_exports_of("km-main", k_start, 10).at(0).deposit_id, "2000");
  EXPECT_EQ(store().next_export_at("aak-main"), k_start);

  const std::string hash = store().get_deposit("1047")->deposit.content_hash;
  store().record_export_failure("1047", hash, Failure{FailureClass::transient, "503", {}, {}},
                                k_start + 60s);
  EXPECT_TRUE(store().due_exports_of("aak-main", k_start, 10).empty());
  EXPECT_EQ(store().next_export_at("aak-main"), k_start + 60s);

  store().mark_credentials_refused("km-main", "401");
  EXPECT_TRUE(store().due_exports_of("km-main", k_start, 10).empty());
  EXPECT_FALSE(store().next_export_at("km-main").has_value());
  EXPECT_FALSE(store().next_export_at("dkb-main").has_value());
}

TEST_F(StoreSyncTest, InterestRecordsAreUpdatedNotDoubled) {
  store().upsert_deposit(make_deposit("1047"));
  InterestRecord r;
  r.deposit_id = "1047";
  r.contract_no = "1.080000.1047";
  r.period_from = date("2025-01-01");
  r.period_to = date("2025-12-31");
  r.rate = "0.250";
  r.gross = Money::from_cents(335);
  r.net = Money::from_cents(247);
  InterestRecord unassigned = r;
  unassigned.deposit_id.reset();
  unassigned.contract_no = "9.999";
  EXPECT_EQ(store().record_interest("aak-main", {r, unassigned}), 2u);
  r.net = Money::from_cents(250);
  EXPECT_EQ(store().record_interest("aak-main", {r}), 0u);
  const auto stored = store().interest_records("aak-main");
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0], r);
  EXPECT_EQ(stored[1], unassigned);
  EXPECT_TRUE(store().interest_records("km-main").empty());

  InterestRecord unknown = r;
  unknown.deposit_id = "nope";
  EXPECT_THROW(store().record_interest("aak-main", {unknown}), StoreError);
}

TEST_F(StoreSyncTest, AnnouncedRateIsKeptPerAccessAndTrustAccount) {
  EXPECT_FALSE(store().announced_rate("km-main", "DE02").has_value());
  store().record_announced_rate("km-main", "DE02", "0.250", date("2026-01-01"));
  clock.advance(1h);
  store().record_announced_rate("km-main", "DE02", "0.500", date("2026-07-01"));
  const auto rate = store().announced_rate("km-main", "DE02");
  ASSERT_TRUE(rate.has_value());
  EXPECT_EQ(*rate, (AnnouncedRate{"0.500", date("2026-07-01"), k_start + 1h}));
  EXPECT_FALSE(store().announced_rate("km-other", "DE02").has_value());
}

TEST_F(StoreSyncTest, AnOlderStoreGainsTheSyncTables) {
  reopen();
  EXPECT_NO_THROW(store().interest_records("aak-main"));
  EXPECT_EQ(store().settings().user_version, SqliteStore::schema_version());
}

}  // namespace
}  // namespace kaution::test
