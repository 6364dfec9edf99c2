// Deposits: upsert outcomes and their effects, reading, listing, deleting, closing, and
// transactions.
#include <stdexcept>

#include "queue/content_hash.hpp"
#include "store_fixture.hpp"

namespace kaution::test {
namespace {

using SqliteStoreDeposits = StoreTest;

TEST_F(SqliteStoreDeposits, CreatedIsStoredAndQueuedWithoutHistory) {
  const DepositRecord d = make_deposit("D-1");
  EXPECT_EQ(store().upsert_deposit(d), UpsertOutcome::created);

  const auto row = store().get_deposit("D-1");
  ASSERT_TRUE(row.has_value());
  DepositRecord expected = d;
  expected.content_hash = sha256_hex(d.master_json);  // computed when not given
  EXPECT_EQ(row->deposit, expected);
  EXPECT_EQ(row->created_at, k_start);
  EXPECT_EQ(row->updated_at, k_start);
  EXPECT_FALSE(row->closed);
  EXPECT_FALSE(row->status.has_value());
  ASSERT_TRUE(row->queued.has_value());
  EXPECT_EQ(row->queued->content_hash, expected.content_hash);
  EXPECT_EQ(row->queued->attempts, 0);
  EXPECT_EQ(row->queued->next_attempt_at, k_start);

  const auto due = store().due_exports(k_start, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].deposit_id, "D-1");
  EXPECT_EQ(due[0].master_json, d.master_json);
  EXPECT_TRUE(store().history("D-1", 10).empty());
}

TEST_F(SqliteStoreDeposits, UnchangedTouchesNothing) {
  DepositRecord d = make_deposit("D-1");
  d.content_hash = "caller-hash";
  store().upsert_deposit(d);
  ASSERT_EQ(store().record_export_success("D-1", "caller-hash", "uuid-1"), ExportAck::current);
  clock.advance(std::chrono::hours(1));

  EXPECT_EQ(store().upsert_deposit(d), UpsertOutcome::unchanged);
  const auto row = store().get_deposit("D-1");
  EXPECT_EQ(row->deposit.content_hash, "caller-hash");
  EXPECT_EQ(row->updated_at, k_start);
  EXPECT_FALSE(row->queued.has_value());
  EXPECT_TRUE(store().due_exports(clock.now(), 10).empty());
  EXPECT_TRUE(store().history("D-1", 10).empty());
}

TEST_F(SqliteStoreDeposits, ChangedIsStoredAndRequeuedWithAFreshBudget) {
  DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  const std::string first_hash = sha256_hex(d.master_json);
  Failure rejected{
      FailureClass::rejected, "validation failed", {{"lastName", "TOO_LONG", "x"}}, {}};
  store().record_export_failure("D-1", first_hash, rejected, std::nullopt);
  ASSERT_TRUE(store().facts("D-1")->export_failed);
  clock.advance(std::chrono::hours(1));

  d.master_json = R"({"deposit_id":"D-1","agreed_amount":"1500.00"})";
  d.agreed = Money::from_cents(150000);
  EXPECT_EQ(store().upsert_deposit(d), UpsertOutcome::changed);

  const auto row = store().get_deposit("D-1");
  EXPECT_EQ(row->deposit.agreed, Money::from_cents(150000));
  EXPECT_EQ(row->created_at, k_start);
  EXPECT_EQ(row->updated_at, clock.now());
  ASSERT_TRUE(row->queued.has_value());
  EXPECT_EQ(row->queued->content_hash, sha256_hex(d.master_json));
  EXPECT_EQ(row->queued->attempts, 0);
  EXPECT_FALSE(row->queued->last_error.has_value());
  EXPECT_FALSE(row->bank.export_rejected);
  EXPECT_TRUE(row->bank.rejections.empty());
  EXPECT_EQ(store().due_exports(clock.now(), 10).size(), 1u);
  EXPECT_TRUE(store().history("D-1", 10).empty());
}

TEST_F(SqliteStoreDeposits, ListFiltersSearchesAndPages) {
  store().upsert_deposit(make_deposit("D-1", "aak-main", "Müller, Jörg"));
  store().upsert_deposit(make_deposit("D-2", "aak-main", "Schmidt, Natalie"));
  DepositRecord km = make_deposit("D-3", "km-north", "ÖZDEMIR, AYŞE");
  km.virtual_iban = std::nullopt;
  km.trust_account = "DE02120300000000202051";
  store().upsert_deposit(km);
  store().set_status("D-2", DepositStatus::waiting, "new");
  store().close_deposit("D-1", "support:anna");

  auto ids = [&](auto set) {
    DepositFilter f;
    set(f);
    std::vector<std::string> out;
    for (const auto& row : store().list_deposits(f).items)
      out.push_back(row.deposit.deposit_id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids([](DepositFilter&) {}), (V{"D-1", "D-2", "D-3"}));
  EXPECT_EQ(ids([](DepositFilter& f) { f.connector = "km"; }), V{"D-3"});
  EXPECT_EQ(ids([](DepositFilter& f) { f.access = "aak-main"; }), (V{"D-1", "D-2"}));
  EXPECT_EQ(ids([](DepositFilter& f) { f.status = DepositStatus::waiting; }), V{"D-2"});
  EXPECT_EQ(ids([](DepositFilter& f) { f.closed = false; }), (V{"D-2", "D-3"}));
  EXPECT_EQ(ids([](DepositFilter& f) { f.text = "MÜLLER"; }), V{"D-1"});
  EXPECT_EQ(ids([](DepositFilter& f) { f.text = "özdemir"; }), V{"D-3"});
  EXPECT_EQ(ids([](DepositFilter& f) { f.text = "de02 1203"; }), V{"D-3"});
  EXPECT_EQ(ids([](DepositFilter& f) { f.text = "7223330"; }), (V{"D-1", "D-2"}));
  EXPECT_EQ(ids([](DepositFilter& f) { f.text = "%"; }), V{});
  EXPECT_EQ(ids([](DepositFilter& f) {
              f.access = "aak-main";
              f.text = "schmidt";
            }),
            V{"D-2"});

  DepositFilter paged;
  paged.offset = 1;
  paged.limit = 1;
  const DepositPage page = store().list_deposits(paged);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].deposit.deposit_id, "D-2");
  ASSERT_TRUE(page.items[0].status.has_value());
  EXPECT_EQ(page.items[0].status->status, DepositStatus::waiting);
}

TEST_F(SqliteStoreDeposits, DeleteKeepsDepositsTheBankBookedOn) {
  store().upsert_deposit(make_deposit("D-1"));
  store().upsert_deposit(make_deposit("D-2"));
  store().set_status("D-2", DepositStatus::waiting, "new");
  store().import_batch({"aak", "aak-main", {make_booking("B-1", 100, "D-1")}, {}, "c1"});

  EXPECT_EQ(store().delete_deposit("D-9"), DeleteOutcome::not_found);
  EXPECT_EQ(store().delete_deposit("D-1"), DeleteOutcome::has_bookings);
  EXPECT_TRUE(store().get_deposit("D-1").has_value());
  EXPECT_EQ(store().delete_deposit("D-2"), DeleteOutcome::deleted);
  EXPECT_FALSE(store().get_deposit("D-2").has_value());
  EXPECT_FALSE(store().status("D-2").has_value());
  EXPECT_TRUE(store().history("D-2", 10).empty());
  EXPECT_EQ(store().due_exports(clock.now(), 10).size(), 1u);
}

TEST_F(SqliteStoreDeposits, ClosingIsTerminalForExports) {
  DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  clock.advance(std::chrono::minutes(5));
  EXPECT_TRUE(store().close_deposit("D-1", "support:anna"));
  EXPECT_FALSE(store().close_deposit("D-1", "support:anna"));
  EXPECT_FALSE(store().close_deposit("D-9", "support:anna"));

  auto row = store().get_deposit("D-1");
  EXPECT_TRUE(row->closed);
  EXPECT_EQ(row->closed_at, clock.now());
  EXPECT_EQ(row->closed_by, "support:anna");
  EXPECT_FALSE(row->queued.has_value());

  d.master_json += " ";
  EXPECT_EQ(store().upsert_deposit(d), UpsertOutcome::changed);
  EXPECT_TRUE(store().due_exports(clock.now(), 10).empty());
  EXPECT_FALSE(store().retrigger_export("D-1"));
  EXPECT_TRUE(store().facts("D-1")->closed);
}

TEST_F(SqliteStoreDeposits, TransactionRollsBackEverythingOnException) {
  EXPECT_THROW(store().transaction([&] {
    store().upsert_deposit(make_deposit("D-1"));
    store().set_status("D-1", DepositStatus::waiting, "new");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_FALSE(store().get_deposit("D-1").has_value());
  EXPECT_TRUE(store().history("D-1", 10).empty());
  EXPECT_TRUE(store().due_exports(clock.now(), 10).empty());

  store().transaction([&] {
    store().upsert_deposit(make_deposit("D-2"));
    store().set_status("D-2", DepositStatus::waiting, "new");
  });
  EXPECT_TRUE(store().get_deposit("D-2").has_value());
  EXPECT_EQ(store().history("D-2", 10).size(), 1u);
}

TEST_F(SqliteStoreDeposits, AFailedInnerCallLeavesTheOuterTransactionUsable) {
  store().transaction([&] {
    store().upsert_deposit(make_deposit("D-1"));
    // set_status for an unknown deposit breaks a foreign key: only its savepoint rolls back.
    EXPECT_THROW(store().set_status("D-9", DepositStatus::waiting, "x"), StoreError);
    store().set_status("D-1", DepositStatus::waiting, "new");
  });
  EXPECT_TRUE(store().get_deposit("D-1").has_value());
  EXPECT_EQ(store().status("D-1")->status, DepositStatus::waiting);
}

}  // namespace
}  // namespace kaution::test
