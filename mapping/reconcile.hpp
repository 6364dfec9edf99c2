#pragma once
// Reconciliation [Abgleich]: one deposit's bank figures against the core ledger's
// (specs/ledger-api.md, GET /api/v1/reconciliation), as a pure function.

#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "mapping/status.hpp"

namespace kaution {

struct ReconcileInput {
  Money agreed;                         // agreed_amount [Soll]
  std::optional<Money> bank_paid;       // payments in net of reversals; nullopt: none booked
  std::optional<Money> ledger_paid;     // from PUT …/ledger; nullopt: the ledger sent nothing
  std::optional<Money> bank_balance;    // the last balance the bank reported
  std::optional<Money> ledger_balance;  // from PUT …/ledger
  Money bookings_total;                 // every booking of the deposit, signed
  bool stale = false;                   // status stale (balance too old)
};

// Why a row differs; in this order in ReconcileRow::reasons.
inline constexpr std::string_view k_reason_paid = "paid_differs";
inline constexpr std::string_view k_reason_balance = "balance_differs";
inline constexpr std::string_view k_reason_booking_difference = "booking_difference";
inline constexpr std::string_view k_reason_stale = "stale";
inline constexpr std::string_view k_reason_ledger_missing = "ledger_missing";

struct ReconcileRow {
  ReconcileInput figures;
  bool booking_difference = false;                 // bookings_total ≠ bank_balance (when known)
  std::optional<Money> booking_difference_amount;  // bookings_total − bank_balance
  TrafficLight traffic_light = TrafficLight::yellow;
  bool differs = false;
  std::vector<std::string_view> reasons;  // k_reason_* constants
};

// differs when: bank paid ≠ ledger paid, bank balance ≠ ledger balance (an unknown bank figure
// counts as 0.00 against a ledger figure), a booking difference, stale, or the ledger has no
// figures while the bank has some. The traffic light and booking difference are derive_flags'.
ReconcileRow reconcile(const ReconcileInput& input);

}  // namespace kaution
