// The booking kind by bank transaction code, shared by aak and dkb (camt_bookings.hpp).
#include "connectors/aak/camt_bookings.hpp"

#include <gtest/gtest.h>

namespace kaution::connectors {
namespace {

formats::Entry entry(std::string_view domain, std::string_view family, std::string_view subfamily,
                     std::string_view proprietary = "") {
  static formats::TextArena texts;  // outlives every entry of this test
  formats::TextFieldsWriter code;
  code.set(formats::TextField::domain, domain);
  code.set(formats::TextField::family, family);
  code.set(formats::TextField::subfamily, subfamily);
  code.set(formats::TextField::proprietary, proprietary);
  formats::Entry e;
  e.set_texts(code.commit(texts));
  return e;
}

formats::Entry german(std::string_view proprietary) {
  return entry("", "", "", proprietary);
}

TEST(CamtBookingKind, IsoDomainCodes) {
  EXPECT_EQ(booking_kind(entry("PMNT", "RCDT", "ESCT")), BookingKind::payment_in);
  EXPECT_EQ(booking_kind(entry("PMNT", "ICDT", "ESCT")), BookingKind::payout);
  EXPECT_EQ(booking_kind(entry("ACMT", "MCOP", "INTR")), BookingKind::interest);
  EXPECT_EQ(booking_kind(entry("ACMT", "MDOP", "CHRG")), BookingKind::fee);
  EXPECT_EQ(booking_kind(entry("ACMT", "MDOP", "TAXE", "KAPEST")), BookingKind::withholding_tax);
  EXPECT_EQ(booking_kind(entry("ACMT", "MDOP", "TAXE", "SOLZ")), BookingKind::solidarity_surcharge);
  EXPECT_EQ(booking_kind(entry("ACMT", "MDOP", "TAXE", "KIST")), BookingKind::church_tax);
  EXPECT_EQ(booking_kind(entry("ACMT", "MDOP", "TAXE", "VAT")), BookingKind::other);
  EXPECT_EQ(booking_kind(entry("XTND", "NTAV", "NTAV")), BookingKind::other);
}

TEST(CamtBookingKind, GermanTransactionCodes) {
  EXPECT_EQ(booking_kind(german("NTRF+166+9310")), BookingKind::payment_in);
  EXPECT_EQ(booking_kind(german("NTRF+166")), BookingKind::payment_in);
  EXPECT_EQ(booking_kind(german("NTRF+159+000")), BookingKind::reversal);
  EXPECT_EQ(booking_kind(german("NTRF+116+000")), BookingKind::payout);
  EXPECT_EQ(booking_kind(german("NTRF+177+000")), BookingKind::payout);
  EXPECT_EQ(booking_kind(german("NTRF+805+000")), BookingKind::interest);
  EXPECT_EQ(booking_kind(german("NCHG+808+000")), BookingKind::fee);
  EXPECT_EQ(booking_kind(german("NTAX+KAPEST")), BookingKind::withholding_tax);
  EXPECT_EQ(booking_kind(german("NTAX+SOLZ")), BookingKind::solidarity_surcharge);
  EXPECT_EQ(booking_kind(german("NTAX+KIST")), BookingKind::church_tax);
  EXPECT_EQ(booking_kind(german("NTRF+999+000")), BookingKind::other);
  EXPECT_EQ(booking_kind(german("")), BookingKind::other);
}

TEST(CamtBookingKind, ReversalIndicatorWins) {
  formats::Entry e = entry("PMNT", "RCDT", "ESCT");
  e.reversal = true;
  EXPECT_EQ(booking_kind(e), BookingKind::reversal);
}

}  // namespace
}  // namespace kaution::connectors
