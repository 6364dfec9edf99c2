// Status, history (status changes and exchanges), counts and the facts for derivation.
#include "queue/content_hash.hpp"
#include "store_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;
using SqliteStoreStatus = StoreTest;

void expect_facts(const DepositFacts& got, const DepositFacts& want) {
  EXPECT_EQ(got.closed, want.closed);
  EXPECT_EQ(got.credentials_refused, want.credentials_refused);
  EXPECT_EQ(got.valid_from, want.valid_from);
  EXPECT_EQ(got.valid_until, want.valid_until);
  EXPECT_EQ(got.balance, want.balance);
  EXPECT_EQ(got.balance_date, want.balance_date);
  EXPECT_EQ(got.last_import, want.last_import);
  EXPECT_EQ(got.export_pending, want.export_pending);
  EXPECT_EQ(got.export_failed, want.export_failed);
  EXPECT_EQ(got.ever_exported, want.ever_exported);
  EXPECT_EQ(got.agreed, want.agreed);
  EXPECT_EQ(got.payments, want.payments);
  EXPECT_EQ(got.any_payment, want.any_payment);
  EXPECT_EQ(got.bookings_total, want.bookings_total);
}

TEST_F(SqliteStoreStatus, HistoryIsWrittenOnlyWhenTheStatusChanges) {
  store().upsert_deposit(make_deposit("D-1"));
  EXPECT_FALSE(store().status("D-1").has_value());
  EXPECT_TRUE(store().set_status("D-1", DepositStatus::waiting, "master data new"));
  clock.advance(1min);
  EXPECT_FALSE(store().set_status("D-1", DepositStatus::waiting, "again"));
  clock.advance(1min);
  EXPECT_TRUE(store().set_status("D-1", DepositStatus::exported, "bank accepted"));

  const StatusRecord status = *store().status("D-1");
  EXPECT_EQ(status.status, DepositStatus::exported);
  EXPECT_EQ(status.since, k_start + 2min);
  EXPECT_EQ(status.reason, "bank accepted");

  const auto history = store().history("D-1", 10);
  ASSERT_EQ(history.size(), 2u);
  const auto& newest = std::get<StatusChange>(history[0].event);
  EXPECT_EQ(history[0].at, k_start + 2min);
  EXPECT_EQ(newest.old_status, DepositStatus::waiting);
  EXPECT_EQ(newest.new_status, DepositStatus::exported);
  EXPECT_EQ(newest.reason, "bank accepted");
  const auto& first = std::get<StatusChange>(history[1].event);
  EXPECT_FALSE(first.old_status.has_value());
  EXPECT_EQ(first.new_status, DepositStatus::waiting);
  EXPECT_EQ(store().history("D-1", 1).size(), 1u);
}

TEST_F(SqliteStoreStatus, HistoryInterleavesExchangesNewestFirst) {
  store().upsert_deposit(make_deposit("D-1"));
  store().record_exchange({k_start, "D-1", "aak-main", "POST", "/deposits", 503, 1200, 0, "r-1"});
  clock.advance(5min);
  store().record_exchange(
      {k_start + 5min, "D-1", "aak-main", "POST", "/deposits", 201, 340, 512, std::nullopt});
  store().set_status("D-1", DepositStatus::exported, "bank accepted");
  store().record_exchange({k_start + 6min, std::nullopt, "aak-main", "GET", "/statements",
                           std::nullopt, 10000, 0, std::nullopt});

  const auto history = store().history("D-1", 10);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<StatusChange>(history[0].event));
  const auto& accepted = std::get<Exchange>(history[1].event);
  EXPECT_EQ(accepted.http_status, 201);
  EXPECT_EQ(accepted.bytes, 512);
  EXPECT_EQ(accepted.deposit_id, "D-1");
  EXPECT_FALSE(accepted.request_id.has_value());
  const auto& failed = std::get<Exchange>(history[2].event);
  EXPECT_EQ(failed.at, k_start);
  EXPECT_EQ(failed.method, "POST");
  EXPECT_EQ(failed.path, "/deposits");
  EXPECT_EQ(failed.http_status, 503);
  EXPECT_EQ(failed.duration_ms, 1200);
  EXPECT_EQ(failed.request_id, "r-1");
}

TEST_F(SqliteStoreStatus, CountsPerConnectorAccessAndStatus) {
  store().upsert_deposit(make_deposit("D-1", "aak-main"));
  store().upsert_deposit(make_deposit("D-2", "aak-main"));
  store().upsert_deposit(make_deposit("D-3", "km-north"));
  store().upsert_deposit(make_deposit("D-4", "km-north"));
  store().set_status("D-1", DepositStatus::waiting, "");
  store().set_status("D-2", DepositStatus::waiting, "");
  store().set_status("D-3", DepositStatus::faulty, "");

  const auto counts = store().status_counts();
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].access, "aak-main");
  EXPECT_EQ(counts[0].status, DepositStatus::waiting);
  EXPECT_EQ(counts[0].count, 2);
  EXPECT_EQ(counts[1].connector, "km");
  EXPECT_FALSE(counts[1].status.has_value());  // D-4: not derived yet
  EXPECT_EQ(counts[1].count, 1);
  EXPECT_EQ(counts[2].status, DepositStatus::faulty);
}

TEST_F(SqliteStoreStatus, FactsOfAllDepositsInOnePass) {
  DepositRecord ended = make_deposit("D-1");
  ended.valid_until = date("2026-06-30");
  store().upsert_deposit(ended);
  const DepositRecord exported = make_deposit("D-2", "km-north");
  store().upsert_deposit(exported);
  store().record_export_success("D-2", sha256_hex(exported.master_json), "KM-7");
  store().upsert_deposit(make_deposit("D-3"));
  store().close_deposit("D-3", "support:anna");
  store().mark_credentials_refused("aak-main", "401");
  store().import_batch({"km", "km-north", {}, {}, "c"});  // access import only
  clock.advance(24h);
  BookingEntry interest = make_booking("B-2", 12, "D-1");
  interest.kind = BookingKind::interest;
  BookingEntry reversal = make_booking("B-3", -1000, "D-1");
  reversal.kind = BookingKind::reversal;
  store().import_batch({"aak",
                        "aak-main",
                        {make_booking("B-1", 134000, "D-1"), interest, reversal},
                        {{"D-1", date("2026-11-23"), Money::from_cents(133012)}},
                        "c"});

  std::vector<std::pair<std::string, DepositFacts>> all;
  store().for_each_facts([&](std::string_view id, const DepositFacts& f) {
    all.emplace_back(std::string(id), f);
    store().set_status(id, f.closed ? DepositStatus::closed : DepositStatus::waiting, "derived");
  });
  ASSERT_EQ(all.size(), 3u);

  DepositFacts d1;
  d1.credentials_refused = true;
  d1.valid_from = date("2021-01-01");
  d1.valid_until = date("2026-06-30");
  d1.balance = Money::from_cents(133012);
  d1.balance_date = date("2026-11-23");
  d1.last_import = date("2026-11-24");
  d1.export_pending = true;
  d1.agreed = Money::from_cents(134000);
  d1.payments = Money::from_cents(133000);
  d1.any_payment = true;
  d1.bookings_total = Money::from_cents(133012);
  EXPECT_EQ(all[0].first, "D-1");
  expect_facts(all[0].second, d1);

  DepositFacts d2;
  d2.valid_from = date("2021-01-01");
  d2.last_import = date("2026-11-23");  // the access's import
  d2.ever_exported = true;
  d2.agreed = Money::from_cents(134000);
  EXPECT_EQ(all[1].first, "D-2");
  expect_facts(all[1].second, d2);

  EXPECT_EQ(all[2].first, "D-3");
  EXPECT_TRUE(all[2].second.closed);
  EXPECT_FALSE(all[2].second.export_pending);

  expect_facts(*store().facts("D-1"), d1);
  EXPECT_FALSE(store().facts("D-9").has_value());
  EXPECT_EQ(store().status("D-3")->status, DepositStatus::closed);
  EXPECT_THROW(store().for_each_facts([&](std::string_view, const DepositFacts&) {
    store().for_each_facts([](std::string_view, const DepositFacts&) {});
  }),
               StoreError);
}

}  // namespace
}  // namespace kaution::test
