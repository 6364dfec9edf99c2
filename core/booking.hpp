#pragma once
// A bank booking and a balance as a connector reports them (specs/domain.md, "Bookings").

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution {

enum class BookingKind {
  payment_in,
  interest,
  withholding_tax,
  solidarity_surcharge,
  church_tax,
  payout,
  fee,
  reversal,
  other,
};

std::string_view to_string(BookingKind kind);
std::optional<BookingKind> booking_kind_from_string(std::string_view text);

// One booking as the bank reported it, with the deposit the mapping assigned it to (if any).
struct BookingEntry {
  std::string bank_ref;  // the bank's booking reference: unique per connector and access
  Date booking_date = Date::from_days(0);
  std::optional<Date> value_date;
  Money amount;  // signed
  BookingKind kind = BookingKind::other;
  std::optional<std::string> counterparty_name;
  std::optional<std::string> counterparty_iban;
  std::string remittance;
  std::string account;  // the bank account or virtual IBAN it was booked on
  std::optional<std::string> deposit_id;
  bool operator==(const BookingEntry&) const = default;
};

// A deposit's balance at the bank on a date.
struct BalanceRecord {
  std::string deposit_id;
  Date date = Date::from_days(0);
  Money balance;
};

}  // namespace kaution
