#pragma once
// The stored facts a deposit's status and flags are derived from (domain.md).

#include <optional>

#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution {

struct DepositFacts {
  bool closed = false;               // closed automatically or by a user; terminal
  bool credentials_refused = false;  // the access's last call was refused for its credentials
  std::optional<Date> valid_from;
  std::optional<Date> valid_until;
  std::optional<Money> balance;  // the last balance the bank reported
  std::optional<Date> balance_date;
  std::optional<Date> last_import;  // the last successful import covering this deposit
  bool export_pending = false;      // master data changed since the last successful export
  bool export_failed = false;       // rejected by the bank, or retries exhausted
  bool ever_exported = false;       // at least one export was accepted

  // For the flags: sums of the deposit's imported bookings.
  Money agreed;              // agreed_amount [Soll]
  Money payments;            // payments in, net of their reversals [Ist]
  bool any_payment = false;  // at least one payment booked
  Money bookings_total;      // every booking of the deposit, signed
};

}  // namespace kaution
