#pragma once
// camt.053 statements as bookings: what aak and dkb share — reading a statement answer whole,
// the booking kind by bank transaction code, and one booking per entry or per TxDtls of a
// batch. Assignment to deposits is each connector's own (by vIBAN, by contract number).

#include <string>
#include <string_view>
#include <vector>

#include "connectors/formats/statement_model.hpp"
#include "core/booking.hpp"
#include "core/failure.hpp"

namespace kaution::connectors {

// The camt document in `body`, parsed once and whole (formats/statement_parser.hpp). Anything
// but one document whose namespace is `format` ("camt.053.001.08") is class protocol, naming
// the element and the reason. `name` names the document in messages.
Result<formats::Document> parse_statement_answer(std::string_view what, const std::string& name,
                                                 std::string body, std::string_view format);

// The kind of a booking by its bank transaction code:
//   RvslInd true                                  → reversal
//   ISO Domn PMNT/RCDT                            → payment_in
//            PMNT/ICDT                            → payout
//            ACMT/MCOP/INTR                       → interest
//            ACMT/MDOP/TAXE, Prtry KAPEST|SOLZ|KIST → withholding_tax | solidarity_surcharge |
//                                                   church_tax
//            ACMT/MDOP/CHRG                       → fee
//   German Prtry "NTRF+<GVC>+…": 166 payment_in, 159 reversal, 116|177 payout, 805 interest,
//            808 fee; "NTAX+KAPEST|SOLZ|KIST"     → the tax kinds
//   anything else                                 → other
BookingKind booking_kind(const formats::Entry& entry);

// One booking of a statement, before assignment.
struct CamtBooking {
  BookingEntry booking;  // `account` and `deposit_id` are left to the connector
  const formats::Entry* entry = nullptr;
  const formats::Transaction* tx = nullptr;  // its TxDtls; null when the entry has none
  // The deposit's account is the creditor's: credits, and reversals of debits (a reversal
  // carries the parties of the booking it cancels).
  bool deposit_credited = true;
};

// The booked entries of `statement`: one booking per Ntry, one per TxDtls of a batch.
// References are the parser's (AcctSvcrRef; batch parts AcctSvcrRef + "/" + EndToEndId, or
// "/#<position>" when it is missing or repeated). An entry without AcctSvcrRef or booking
// date, in another currency than EUR, or a batch part without an amount, is class protocol
// naming the entry. Pending and information entries are no bookings yet and are skipped.
// The result points into `statement`.
Result<std::vector<CamtBooking>> camt_bookings(std::string_view what,
                                               const formats::Statement& statement);

// The account on the deposit's side of the booking (IBAN, else other id); empty when absent.
std::string deposit_account(const CamtBooking& booking);

}  // namespace kaution::connectors
