// reconcile: booking difference, traffic light and `differs` with its reasons.
#include "mapping/reconcile.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

Money cents(std::int64_t c) {
  return Money::from_cents(c);
}

// Bank and ledger agree, the deposit fully paid with interest.
ReconcileInput agreeing() {
  ReconcileInput in;
  in.agreed = cents(134000);
  in.bank_paid = cents(134000);
  in.ledger_paid = cents(134000);
  in.bank_balance = cents(134217);
  in.ledger_balance = cents(134217);
  in.bookings_total = cents(134217);
  return in;
}

using Reasons = std::vector<std::string_view>;

TEST(Reconcile, AgreeingFiguresDoNotDiffer) {
  const ReconcileRow row = reconcile(agreeing());
  EXPECT_FALSE(row.differs);
  EXPECT_TRUE(row.reasons.empty());
  EXPECT_FALSE(row.booking_difference);
  EXPECT_EQ(row.booking_difference_amount, cents(0));
  EXPECT_EQ(row.traffic_light, TrafficLight::green);
  EXPECT_EQ(row.figures.bank_balance, cents(134217));
}

TEST(Reconcile, PaidDiffers) {
  ReconcileInput in = agreeing();
  in.ledger_paid = cents(89334);
  const ReconcileRow row = reconcile(in);
  EXPECT_TRUE(row.differs);
  EXPECT_EQ(row.reasons, Reasons{k_reason_paid});
}

TEST(Reconcile, BalanceDiffersByOneCent) {
  ReconcileInput in = agreeing();
  in.ledger_balance = cents(134216);
  EXPECT_EQ(reconcile(in).reasons, Reasons{k_reason_balance});
}

TEST(Reconcile, BookingDifference) {
  ReconcileInput in = agreeing();
  in.bookings_total = cents(134000);  // the interest booking is missing
  const ReconcileRow row = reconcile(in);
  EXPECT_TRUE(row.booking_difference);
  EXPECT_EQ(row.booking_difference_amount, cents(-217));
  EXPECT_EQ(row.reasons, Reasons{k_reason_booking_difference});
}

TEST(Reconcile, Stale) {
  ReconcileInput in = agreeing();
  in.stale = true;
  EXPECT_EQ(reconcile(in).reasons, Reasons{k_reason_stale});
}

TEST(Reconcile, LedgerFiguresMissingWhileTheBankHasSome) {
  ReconcileInput in = agreeing();
  in.ledger_paid.reset();
  in.ledger_balance.reset();
  EXPECT_EQ(reconcile(in).reasons, Reasons{k_reason_ledger_missing});
  ReconcileInput nothing;
  nothing.agreed = cents(134000);
  const ReconcileRow row = reconcile(nothing);
  EXPECT_FALSE(row.differs) << "neither side has figures yet";
  EXPECT_EQ(row.traffic_light, TrafficLight::yellow);
  EXPECT_EQ(row.booking_difference_amount, std::nullopt);
}

TEST(Reconcile, LedgerFiguresWhileTheBankHasNone) {
  ReconcileInput in;
  in.agreed = cents(134000);
  in.ledger_paid = cents(134000);
  in.ledger_balance = cents(134000);
  EXPECT_EQ(reconcile(in).reasons, (Reasons{k_reason_paid, k_reason_balance}));
  in.ledger_paid = cents(0);
  in.ledger_balance = cents(0);
  EXPECT_FALSE(reconcile(in).differs) << "0.00 in the ledger, nothing at the bank";
}

TEST(Reconcile, TrafficLight) {
  ReconcileInput in = agreeing();
  in.bank_paid = cents(44667);
  in.ledger_paid = cents(44667);
  EXPECT_EQ(reconcile(in).traffic_light, TrafficLight::red);
  in.bank_paid.reset();
  EXPECT_EQ(reconcile(in).traffic_light, TrafficLight::yellow);
}

TEST(Reconcile, EveryReasonAtOnceInOrder) {
  ReconcileInput in = agreeing();
  in.ledger_paid = cents(1);
  in.ledger_balance = cents(2);
  in.bookings_total = cents(3);
  in.stale = true;
  EXPECT_EQ(reconcile(in).reasons, (Reasons{k_reason_paid, k_reason_balance,
                                            k_reason_booking_difference, k_reason_stale}));
}

}  // namespace
}  // namespace kaution
