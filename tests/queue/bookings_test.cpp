// Imports (idempotent, atomic), balances, the booking feed, assignment and the unassigned list.
#include "queue/content_hash.hpp"
#include "store_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

class SqliteStoreBookings : public StoreTest {
 protected:
  void SetUp() override {
    store().upsert_deposit(make_deposit("D-1"));
    store().upsert_deposit(make_deposit("D-2"));
  }
  ImportBatch batch(std::vector<BookingEntry> bookings, std::vector<BalanceRecord> balances,
                    std::string cursor) {
    return ImportBatch{"aak", "aak-main", std::move(bookings), std::move(balances),
                       std::move(cursor)};
  }
  std::vector<std::string> feed_refs(std::int64_t after = 0) {
    std::vector<std::string> refs;
    for (const Booking& b : store().bookings_after(after, 100))
      refs.push_back(b.entry.bank_ref);
    return refs;
  }
};

TEST_F(SqliteStoreBookings, ImportIsIdempotent) {
  const auto first = batch({make_booking("B-1", 44667, "D-1"), make_booking("B-2", 1000)},
                           {{"D-1", date("2026-11-20"), Money::from_cents(44667)}}, "cursor-1");
  EXPECT_EQ(store().import_batch(first), 2u);
  clock.advance(1h);
  ImportBatch again = first;
  again.cursor = "cursor-2";
  again.bookings.push_back(make_booking("B-3", 500));
  EXPECT_EQ(store().import_batch(again), 1u);
  EXPECT_EQ(store().import_batch(again), 0u);

  EXPECT_EQ(store().cursor("aak-main"), "cursor-2");
  EXPECT_FALSE(store().cursor("km-north").has_value());
  EXPECT_EQ(store().access_state("aak-main").last_import_ok_at, clock.now());
  const auto bookings = store().bookings_after(0, 100);
  ASSERT_EQ(bookings.size(), 3u);
  const Booking& b = bookings[0];
  EXPECT_EQ(b.booking_id, booking_id_for("aak", "aak-main", "B-1"));
  EXPECT_EQ(b.entry, make_booking("B-1", 44667, "D-1"));
  EXPECT_EQ(b.assigned_by, "auto");
  EXPECT_EQ(b.assigned_at, k_start);
  EXPECT_EQ(b.imported_at, k_start);
  EXPECT_FALSE(bookings[1].assigned_by.has_value());

  // The same bank reference on another access is another booking.
  ImportBatch other = first;
  other.access = "aak-second";
  EXPECT_EQ(store().import_batch(other), 2u);
}

TEST_F(SqliteStoreBookings, AFailedImportStoresNothingNotEvenTheCursor) {
  store().import_batch(batch({make_booking("B-1", 100)}, {}, "cursor-1"));
  clock.advance(1h);
  // The last booking names a deposit that does not exist: a foreign key breaks.
  const auto broken = batch({make_booking("B-2", 200, "D-1"), make_booking("B-3", 300, "D-9")},
                            {{"D-1", date("2026-11-20"), Money::from_cents(200)}}, "cursor-2");
  EXPECT_THROW(store().import_batch(broken), StoreError);

  EXPECT_EQ(store().cursor("aak-main"), "cursor-1");
  EXPECT_EQ(feed_refs(), std::vector<std::string>{"B-1"});
  EXPECT_FALSE(store().get_deposit("D-1")->bank.balance.has_value());
  EXPECT_EQ(store().access_state("aak-main").last_import_ok_at, k_start);

  // A balance for an unknown deposit fails the same way.
  const auto broken_balance =
      batch({make_booking("B-2", 200)}, {{"D-9", date("2026-11-20"), Money{}}}, "cursor-2");
  EXPECT_THROW(store().import_batch(broken_balance), StoreError);
  EXPECT_EQ(store().cursor("aak-main"), "cursor-1");
  EXPECT_EQ(feed_refs(), std::vector<std::string>{"B-1"});
}

TEST_F(SqliteStoreBookings, AFailedImportInsideATransactionCommitsNothingOfIt) {
  store().import_batch(batch({make_booking("B-1", 100)}, {}, "cursor-1"));
  const auto broken =
      batch({make_booking("B-2", 200, "D-1"), make_booking("B-3", 300, "D-9")}, {}, "cursor-2");
  // The import joins the caller's transaction (no savepoint): even when the caller catches the
  // failure, the transaction can no longer commit anything.
  EXPECT_THROW(store().transaction([&] {
    store().set_status("D-2", DepositStatus::faulty, "written before the import");
    try {
      store().import_batch(broken);
    } catch (const StoreError&) {
    }
  }),
               StoreError);
  EXPECT_EQ(store().cursor("aak-main"), "cursor-1");
  EXPECT_EQ(feed_refs(), std::vector<std::string>{"B-1"});
  EXPECT_FALSE(store().status("D-2").has_value());  // the status written first is gone too
  // The store works on afterwards.
  EXPECT_EQ(store().import_batch(batch({make_booking("B-2", 200, "D-1")}, {}, "cursor-2")), 1u);
  EXPECT_EQ(feed_refs(), (std::vector<std::string>{"B-1", "B-2"}));
}

TEST_F(SqliteStoreBookings, TheLatestBalanceWins) {
  store().import_batch(batch({}, {{"D-1", date("2026-11-20"), Money::from_cents(134000)}}, "c1"));
  clock.advance(1h);
  store().import_batch(batch({}, {{"D-1", date("2026-11-10"), Money::from_cents(90000)}}, "c2"));
  auto bank = store().get_deposit("D-1")->bank;
  EXPECT_EQ(bank.balance, Money::from_cents(134000));
  EXPECT_EQ(bank.balance_date, date("2026-11-20"));
  EXPECT_EQ(bank.last_import_ok_at, clock.now());

  store().import_batch(batch({}, {{"D-1", date("2026-11-21"), Money::from_cents(134012)}}, "c3"));
  bank = store().get_deposit("D-1")->bank;
  EXPECT_EQ(bank.balance, Money::from_cents(134012));
  EXPECT_EQ(bank.balance_date, date("2026-11-21"));
  const DepositFacts facts = *store().facts("D-1");
  EXPECT_EQ(facts.balance, Money::from_cents(134012));
  EXPECT_EQ(facts.balance_date, date("2026-11-21"));
  EXPECT_EQ(facts.last_import, date("2026-11-23"));
}

TEST_F(SqliteStoreBookings, TheFeedIsInOrderAndAnAssignmentGetsANewSeq) {
  store().import_batch(batch(
      {make_booking("B-1", 100), make_booking("B-2", 200), make_booking("B-3", 300)}, {}, "c1"));
  const auto before = store().bookings_after(0, 100);
  ASSERT_EQ(before.size(), 3u);
  EXPECT_LT(before[0].seq, before[1].seq);
  EXPECT_LT(before[1].seq, before[2].seq);
  EXPECT_EQ(feed_refs(before[0].seq), (std::vector<std::string>{"B-2", "B-3"}));
  EXPECT_EQ(store().bookings_after(0, 2).size(), 2u);

  clock.advance(1h);
  EXPECT_EQ(store().assign_booking(before[0].booking_id, "D-2", "support:anna"),
            AssignOutcome::assigned);
  const auto after = store().bookings_after(before[2].seq, 100);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].booking_id, before[0].booking_id);
  EXPECT_GT(after[0].seq, before[2].seq);
  EXPECT_EQ(after[0].entry.deposit_id, "D-2");
  EXPECT_EQ(after[0].assigned_by, "support:anna");
  EXPECT_EQ(after[0].assigned_at, clock.now());
  EXPECT_EQ(feed_refs(), (std::vector<std::string>{"B-2", "B-3", "B-1"}));

  // New bookings come after the re-assigned one.
  store().import_batch(batch({make_booking("B-4", 400)}, {}, "c2"));
  EXPECT_EQ(feed_refs(after[0].seq), std::vector<std::string>{"B-4"});
}

TEST_F(SqliteStoreBookings, AssignmentIsRefusedWhenAlreadyAssignedOrUnknown) {
  store().import_batch(batch({make_booking("B-1", 100, "D-1"), make_booking("B-2", 200)}, {}, "c"));
  const std::string assigned = booking_id_for("aak", "aak-main", "B-1");
  const std::string open = booking_id_for("aak", "aak-main", "B-2");
  const std::int64_t last_seq = store().bookings_after(0, 100).back().seq;

  EXPECT_EQ(store().assign_booking(assigned, "D-2", "support:anna"),
            AssignOutcome::already_assigned);
  EXPECT_EQ(store().assign_booking("bk_unknown", "D-2", "support:anna"),
            AssignOutcome::unknown_booking);
  EXPECT_EQ(store().assign_booking(open, "D-9", "support:anna"), AssignOutcome::unknown_deposit);
  EXPECT_TRUE(store().bookings_after(last_seq, 100).empty());
  EXPECT_EQ(store().bookings_after(0, 100)[0].entry.deposit_id, "D-1");

  EXPECT_EQ(store().assign_booking(open, "D-2", "support:anna"), AssignOutcome::assigned);
  EXPECT_EQ(store().assign_booking(open, "D-1", "support:ben"), AssignOutcome::already_assigned);
}

TEST_F(SqliteStoreBookings, UnassignedBookingsAreGroupedByAccount) {
  const std::string a = "DE14550104000007223330";
  const std::string b = "DE89370400440532013000";
  BookingEntry older = make_booking("B-4", 400, std::nullopt, a);
  older.booking_date = date("2026-10-01");
  store().import_batch(batch(
      {make_booking("B-1", 100, std::nullopt, a), make_booking("B-2", 200, "D-1", a),
       make_booking("B-3", 300, std::nullopt, b), older, make_booking("B-5", -50, std::nullopt, a)},
      {}, "c"));

  const auto groups = store().unassigned_bookings(2);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].account, a);
  EXPECT_EQ(groups[0].connector, "aak");
  EXPECT_EQ(groups[0].access, "aak-main");
  EXPECT_EQ(groups[0].count, 3);
  EXPECT_EQ(groups[0].total, Money::from_cents(450));
  ASSERT_EQ(groups[0].bookings.size(), 2u);
  EXPECT_EQ(groups[0].bookings[0].entry.bank_ref, "B-4");  // oldest first
  EXPECT_EQ(groups[0].bookings[1].entry.bank_ref, "B-1");
  EXPECT_EQ(groups[1].account, b);
  EXPECT_EQ(groups[1].count, 1);
  EXPECT_EQ(groups[1].bookings.size(), 1u);

  store().assign_booking(booking_id_for("aak", "aak-main", "B-3"), "D-2", "support:anna");
  EXPECT_EQ(store().unassigned_bookings(10).size(), 1u);
}

}  // namespace
}  // namespace kaution::test
