#include "mapping/reconcile.hpp"

namespace kaution {
namespace {

DepositFacts facts(const ReconcileInput& in) {
  DepositFacts f;
  f.agreed = in.agreed;
  f.payments = in.bank_paid.value_or(Money());
  f.any_payment = in.bank_paid.has_value();
  f.balance = in.bank_balance;
  f.bookings_total = in.bookings_total;
  return f;
}

// A ledger figure against the bank's (unknown at the bank: 0.00); no ledger figure: no difference.
bool differ(const std::optional<Money>& bank, const std::optional<Money>& ledger) {
  return ledger && bank.value_or(Money()) != *ledger;
}

bool ledger_missing(const ReconcileInput& in) {
  const bool bank_has = in.bank_paid || in.bank_balance;
  return bank_has && !in.ledger_paid && !in.ledger_balance;
}

}  // namespace

ReconcileRow reconcile(const ReconcileInput& in) {
  ReconcileRow row;
  row.figures = in;
  const DepositFlags flags = derive_flags(facts(in));
  row.booking_difference = flags.booking_difference;
  row.traffic_light = flags.traffic_light;
  if (in.bank_balance)
    row.booking_difference_amount = in.bookings_total.checked_sub(*in.bank_balance);
  if (differ(in.bank_paid, in.ledger_paid)) row.reasons.push_back(k_reason_paid);
  if (differ(in.bank_balance, in.ledger_balance)) row.reasons.push_back(k_reason_balance);
  if (row.booking_difference) row.reasons.push_back(k_reason_booking_difference);
  if (in.stale) row.reasons.push_back(k_reason_stale);
  if (ledger_missing(in)) row.reasons.push_back(k_reason_ledger_missing);
  row.differs = !row.reasons.empty();
  return row;
}

}  // namespace kaution
