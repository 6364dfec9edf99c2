// The Store calls the API added (queue/store.hpp): ledger figures by date, active deposits on a
// contract, list filters and totals, reconciliation facts as of a date.
#include <gtest/gtest.h>

#include "queue/content_hash.hpp"
#include "queue/sqlite_store.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

Date day(const char* text) {
  return *Date::parse(text);
}

DepositRecord deposit(const std::string& id, const std::string& contract) {
  DepositRecord r;
  r.deposit_id = id;
  r.master_json = "{\"deposit_id\":\"" + id + "\"}";
  r.rental_contract_no = contract;
  r.connector = "aak";
  r.access = "aak-main";
  r.valid_from = day("2026-01-01");
  r.agreed = Money::from_cents(100000);
  r.tenant_name = "Tenant " + id;
  return r;
}

BookingEntry entry(const std::string& ref, const char* date, std::int64_t cents, BookingKind kind,
                   const std::string& id) {
  BookingEntry e;
  e.bank_ref = ref;
  e.booking_date = day(date);
  e.amount = Money::from_cents(cents);
  e.kind = kind;
  e.account = "acc";
  e.deposit_id = id;
  return e;
}

class StoreAdditions : public testing::Test {
 protected:
  TempDir dir;
  ManualClock clock{utc_time(day("2026-11-23"))};
  SqliteStore store{dir.path() / "s.db", clock};
};

TEST_F(StoreAdditions, LedgerFiguresByDate) {
  store.upsert_deposit(deposit("D-1", "C-1"));
  EXPECT_FALSE(store.set_ledger_figures("D-9", day("2026-01-01"), Money(), Money()));
  EXPECT_TRUE(store.set_ledger_figures("D-1", day("2026-02-01"), Money::from_cents(1), Money()));
  EXPECT_TRUE(store.set_ledger_figures("D-1", day("2026-03-01"), Money::from_cents(2), Money()));
  EXPECT_TRUE(store.set_ledger_figures("D-1", day("2026-03-01"), Money::from_cents(3), Money()));
  EXPECT_EQ(store.ledger_figures("D-1", std::nullopt)->paid, Money::from_cents(3));
  EXPECT_EQ(store.ledger_figures("D-1", day("2026-02-15"))->paid, Money::from_cents(1));
  EXPECT_FALSE(store.ledger_figures("D-1", day("2026-01-15")));
  store.delete_deposit("D-1");
  EXPECT_FALSE(store.ledger_figures("D-1", std::nullopt));  // cascades
}

TEST_F(StoreAdditions, CreateDepositWritesWhatUpsertAndSetStatusWrite) {
  DepositFacts seen;
  const DepositStatus status = store.create_deposit(deposit("D-1", "C-1"), [&](const auto& f) {
    seen = f;
    return StatusDecision{DepositStatus::waiting, "new"};
  });
  EXPECT_EQ(status, DepositStatus::waiting);
  store.upsert_deposit(deposit("D-2", "C-2"));
  store.set_status("D-2", DepositStatus::waiting, "new");
  // The facts decide() saw are the store's facts of the new deposit, and the same as those of
  // a deposit stored the general way.
  const DepositFacts facts = *store.facts("D-1");
  const DepositFacts general = *store.facts("D-2");
  for (const DepositFacts* f : {static_cast<const DepositFacts*>(&seen), &general}) {
    EXPECT_EQ(f->export_pending, facts.export_pending);
    EXPECT_EQ(f->closed, facts.closed);
    EXPECT_EQ(f->valid_from, facts.valid_from);
    EXPECT_EQ(f->agreed, facts.agreed);
    EXPECT_EQ(f->ever_exported, facts.ever_exported);
    EXPECT_EQ(f->credentials_refused, facts.credentials_refused);
  }
  const auto one = *store.get_deposit("D-1");
  const auto two = *store.get_deposit("D-2");
  EXPECT_EQ(one.deposit.content_hash, sha256_hex(one.deposit.master_json));
  ASSERT_TRUE(one.queued && two.queued);
  EXPECT_EQ(one.queued->content_hash, one.deposit.content_hash);
  EXPECT_EQ(two.queued->content_hash, two.deposit.content_hash);
  EXPECT_EQ(one.queued->next_attempt_at, two.queued->next_attempt_at);
  EXPECT_EQ(one.queued->attempts, 0);
  EXPECT_EQ(one.status, two.status);
  for (const char* id : {"D-1", "D-2"}) {
    const auto history = store.history(id, 10);
    ASSERT_EQ(history.size(), 1u) << id;
    const auto* change = std::get_if<StatusChange>(&history[0].event);
    ASSERT_NE(change, nullptr);
    EXPECT_FALSE(change->old_status);
    EXPECT_EQ(change->new_status, DepositStatus::waiting);
    EXPECT_EQ(change->reason, "new");
  }
  EXPECT_EQ(store.intake_state("D-1")->content_hash, one.deposit.content_hash);
  EXPECT_FALSE(store.intake_state("D-9"));
}

TEST_F(StoreAdditions, CreateDepositInATransactionThatFailsLeavesNothing) {
  EXPECT_THROW(store.transaction([&] {
    store.create_deposit(deposit("D-1", "C-1"), [](const auto&) {
      return StatusDecision{DepositStatus::waiting, "x"};
    });
    store.create_deposit(deposit("D-1", "C-1"),  // the same id again: the store refuses
                         [](const auto&) {
                           return StatusDecision{DepositStatus::waiting, "x"};
                         });
  }),
               StoreError);
  EXPECT_FALSE(store.get_deposit("D-1"));
  EXPECT_TRUE(store.history("D-1", 10).empty());
  EXPECT_TRUE(store.due_exports(clock.now(), 10).empty());
}

TEST_F(StoreAdditions, ActiveDepositsOnAContract) {
  store.upsert_deposit(deposit("D-1", "C-1"));
  store.upsert_deposit(deposit("D-2", "C-1"));
  DepositRecord not_bank_held = deposit("D-3", "C-1");
  not_bank_held.connector.clear();
  not_bank_held.access.clear();
  store.upsert_deposit(not_bank_held);
  store.close_deposit("D-2", "test");
  EXPECT_EQ(store.active_deposit_ids_for_contract("C-1"), std::vector<std::string>{"D-1"});
  EXPECT_TRUE(store.active_deposit_ids_for_contract("C-2").empty());
}

TEST_F(StoreAdditions, FiltersAndTotals) {
  DepositRecord ended = deposit("D-1", "C-1");
  ended.valid_until = day("2026-06-30");
  store.upsert_deposit(ended);
  DepositRecord later = deposit("D-2", "C-2");
  later.valid_from = day("2026-05-01");
  store.upsert_deposit(later);
  store.import_batch({"aak",
                      "aak-main",
                      {entry("r1", "2026-02-01", 60000, BookingKind::payment_in, "D-2"),
                       entry("r2", "2026-02-02", -10000, BookingKind::reversal, "D-2"),
                       entry("r3", "2026-02-03", 500, BookingKind::interest, "D-2")},
                      {{"D-2", day("2026-03-01"), Money::from_cents(50500)}},
                      "c"});
  DepositFilter all;
  const DepositTotals totals = store.deposit_totals(all);
  EXPECT_EQ(totals.count, 2);
  EXPECT_EQ(totals.agreed, Money::from_cents(200000));
  EXPECT_EQ(totals.paid, Money::from_cents(50000));
  EXPECT_EQ(totals.bank_balance, Money::from_cents(50500));
  DepositFilter running;
  running.running_on = day("2026-11-23");
  EXPECT_EQ(store.deposit_totals(running).count, 1);
  EXPECT_EQ(store.list_deposits(running).items.at(0).deposit.deposit_id, "D-2");
  DepositFilter ended_filter;
  ended_filter.ended_before = day("2026-11-23");
  EXPECT_EQ(store.list_deposits(ended_filter).items.at(0).deposit.deposit_id, "D-1");
  DepositFilter from;
  from.valid_from_min = day("2026-02-01");
  EXPECT_EQ(store.list_deposits(from).total, 1);
}

TEST_F(StoreAdditions, ReconcileFactsAsOfADate) {
  store.upsert_deposit(deposit("D-1", "C-1"));
  store.set_status("D-1", DepositStatus::stale, "test");
  store.import_batch({"aak",
                      "aak-main",
                      {entry("r1", "2026-02-01", 60000, BookingKind::payment_in, "D-1"),
                       entry("r2", "2026-04-01", 40000, BookingKind::payment_in, "D-1"),
                       entry("r3", "2026-04-02", 100, BookingKind::interest, "D-1")},
                      {{"D-1", day("2026-03-01"), Money::from_cents(60000)},
                       {"D-1", day("2026-05-01"), Money::from_cents(100100)}},
                      "c"});
  store.set_ledger_figures("D-1", day("2026-03-15"), Money::from_cents(60000),
                           Money::from_cents(60000));
  std::vector<ReconcileFacts> rows;
  const auto collect = [&](const char* as_of) {
    rows.clear();
    store.for_each_reconcile_facts(day(as_of), [&](const ReconcileFacts& f) { rows.push_back(f); });
    return rows.at(0);
  };
  ReconcileFacts f = collect("2026-03-20");
  EXPECT_EQ(f.payments, Money::from_cents(60000));
  EXPECT_TRUE(f.any_payment);
  EXPECT_EQ(f.bookings_total, Money::from_cents(60000));
  EXPECT_EQ(f.bank_balance, Money::from_cents(60000));
  EXPECT_EQ(f.bank_balance_date, day("2026-03-01"));
  ASSERT_TRUE(f.ledger);
  EXPECT_EQ(f.ledger->as_of, day("2026-03-15"));
  EXPECT_EQ(f.status, DepositStatus::stale);
  EXPECT_EQ(f.tenant_name, "Tenant D-1");
  f = collect("2026-06-01");
  EXPECT_EQ(f.payments, Money::from_cents(100000));
  EXPECT_EQ(f.bookings_total, Money::from_cents(100100));
  EXPECT_EQ(f.bank_balance, Money::from_cents(100100));
  f = collect("2026-01-15");
  EXPECT_FALSE(f.any_payment);
  EXPECT_FALSE(f.bank_balance);
  EXPECT_FALSE(f.ledger);
}

}  // namespace
}  // namespace kaution::test
