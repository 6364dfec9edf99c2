#include "core/booking.hpp"

namespace kaution {

namespace {

constexpr BookingKind k_all_booking_kinds[] = {
    BookingKind::payment_in,
    BookingKind::interest,
    BookingKind::withholding_tax,
    BookingKind::solidarity_surcharge,
    BookingKind::church_tax,
    BookingKind::payout,
    BookingKind::fee,
    BookingKind::reversal,
    BookingKind::other,
};

}  // namespace

std::string_view to_string(BookingKind kind) {
  switch (kind) {
    case BookingKind::payment_in:
      return "payment_in";
    case BookingKind::interest:
      return "interest";
    case BookingKind::withholding_tax:
      return "withholding_tax";
    case BookingKind::solidarity_surcharge:
      return "solidarity_surcharge";
    case BookingKind::church_tax:
      return "church_tax";
    case BookingKind::payout:
      return "payout";
    case BookingKind::fee:
      return "fee";
    case BookingKind::reversal:
      return "reversal";
    case BookingKind::other:
      return "other";
  }
  return "other";
}

std::optional<BookingKind> booking_kind_from_string(std::string_view text) {
  for (BookingKind kind : k_all_booking_kinds)
    if (to_string(kind) == text) return kind;
  return std::nullopt;
}

}  // namespace kaution
