#include "connectors/aak/camt_bookings.hpp"

#include "connectors/formats/statement_parser.hpp"
#include "connectors/http/classify.hpp"

namespace kaution::connectors {
namespace {

constexpr std::string_view k_iso_namespace = "urn:iso:std:iso:20022:tech:xsd:";

std::optional<BookingKind> tax_kind(std::string_view code) {
  if (code == "KAPEST") return BookingKind::withholding_tax;
  if (code == "SOLZ") return BookingKind::solidarity_surcharge;
  if (code == "KIST") return BookingKind::church_tax;
  return std::nullopt;
}

std::optional<BookingKind> iso_kind(const formats::BankTxCode& code) {
  const auto is = [&](std::string_view d, std::string_view f) {
    return code.domain == d && code.family == f;
  };
  if (is("PMNT", "RCDT")) return BookingKind::payment_in;
  if (is("PMNT", "ICDT")) return BookingKind::payout;
  if (is("ACMT", "MCOP") && code.subfamily == "INTR") return BookingKind::interest;
  if (is("ACMT", "MDOP") && code.subfamily == "CHRG") return BookingKind::fee;
  if (is("ACMT", "MDOP") && code.subfamily == "TAXE")
    return tax_kind(code.proprietary).value_or(BookingKind::other);
  return std::nullopt;
}

std::optional<BookingKind> gvc_kind(std::string_view gvc) {
  if (gvc == "166") return BookingKind::payment_in;
  if (gvc == "159") return BookingKind::reversal;
  if (gvc == "116" || gvc == "177") return BookingKind::payout;
  if (gvc == "805") return BookingKind::interest;
  if (gvc == "808") return BookingKind::fee;
  return std::nullopt;
}

// German proprietary codes: "NTRF+166+…" (the GVC second), "NTAX+KAPEST", or a bare tax code.
std::optional<BookingKind> proprietary_kind(std::string_view code) {
  if (auto tax = tax_kind(code)) return tax;
  const std::size_t plus = code.find('+');
  if (plus == std::string_view::npos) return std::nullopt;
  std::string_view second = code.substr(plus + 1);
  second = second.substr(0, second.find('+'));
  if (code.substr(0, plus) == "NTAX") return tax_kind(second);
  return gvc_kind(second);
}

std::string entry_name(const formats::Entry& entry, std::size_t index) {
  const std::string_view ref = entry.account_servicer_ref();
  return "entry " + std::to_string(index + 1) + (ref.empty() ? "" : " (" + std::string(ref) + ")");
}

std::string joined(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::string_view line : lines)
    (out += out.empty() ? "" : " ") += line;
  return out;
}

std::optional<std::string> non_empty(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

formats::Party other_side(const formats::Transaction& tx, bool deposit_credited) {
  return deposit_credited ? tx.debtor() : tx.creditor();
}

CamtBooking make_booking(const formats::Entry& entry, const formats::Transaction* tx) {
  CamtBooking out;
  out.entry = &entry;
  out.tx = tx;
  out.deposit_credited = entry.credit != entry.reversal;
  BookingEntry& b = out.booking;
  b.bank_ref = tx != nullptr ? tx->booking_ref() : entry.booking_ref();
  b.booking_date = entry.booking_date()->date;
  if (const auto value = entry.value_date()) b.value_date = value->date;
  b.amount =
      tx != nullptr && tx->amount && entry.transactions.size() > 1 ? *tx->amount : entry.amount;
  b.kind = booking_kind(entry);
  if (tx != nullptr) {
    const formats::Party party = other_side(*tx, out.deposit_credited);
    b.counterparty_name = non_empty(party.name);
    b.counterparty_iban = non_empty(party.iban);
    b.remittance = joined(tx->remittance());
  }
  if (b.remittance.empty()) b.remittance = entry.additional_info();
  return out;
}

std::optional<std::string> entry_problem(const formats::Entry& entry) {
  if (entry.account_servicer_ref().empty()) return "no AcctSvcrRef";
  if (!entry.booking_date()) return "no BookgDt";
  if (!entry.currency().empty() && entry.currency() != "EUR")
    return "amount in " + std::string(entry.currency());
  if (entry.transactions.size() > 1)
    for (std::size_t i = 0; i < entry.transactions.size(); ++i)
      if (!entry.transactions[i].amount)
        return "TxDtls " + std::to_string(i + 1) + " of the batch has no amount";
  return std::nullopt;
}

}  // namespace

Result<formats::Document> parse_statement_answer(std::string_view what, const std::string& name,
                                                 std::string body, std::string_view format) {
  formats::ParsedFile parsed = formats::parse_statement_buffer(name, std::move(body));
  if (!parsed.errors.empty())
    return std::unexpected(httpclient::protocol_failure(what, parsed.errors.front().message()));
  if (parsed.documents.size() != 1)
    return std::unexpected(httpclient::protocol_failure(what, "expected one camt document"));
  formats::Document& document = parsed.documents.front();
  if (document.format != format)
    return std::unexpected(httpclient::protocol_failure(
        what, "Document: namespace " +
                  (document.format.empty() ? std::string("missing") : document.format) +
                  ", expected " + std::string(k_iso_namespace) + std::string(format)));
  return std::move(document);
}

BookingKind booking_kind(const formats::Entry& entry) {
  if (entry.reversal) return BookingKind::reversal;
  const formats::BankTxCode code = entry.bank_tx_code();
  if (auto kind = iso_kind(code)) return *kind;
  return proprietary_kind(code.proprietary).value_or(BookingKind::other);
}

Result<std::vector<CamtBooking>> camt_bookings(std::string_view what,
                                               const formats::Statement& statement) {
  std::vector<CamtBooking> out;
  out.reserve(statement.entries.size());
  for (std::size_t i = 0; i < statement.entries.size(); ++i) {
    const formats::Entry& entry = statement.entries[i];
    if (entry.status != formats::EntryStatus::booked) continue;
    if (auto problem = entry_problem(entry))
      return std::unexpected(httpclient::protocol_failure(
          what, "Stmt " + statement.id + ", " + entry_name(entry, i) + ": " + *problem));
    if (entry.transactions.empty()) {
      out.push_back(make_booking(entry, nullptr));
      continue;
    }
    for (const formats::Transaction& tx : entry.transactions)
      out.push_back(make_booking(entry, &tx));
  }
  return out;
}

std::string deposit_account(const CamtBooking& booking) {
  if (booking.tx == nullptr) return "";
  const formats::Party party =
      booking.deposit_credited ? booking.tx->creditor() : booking.tx->debtor();
  return std::string(party.iban.empty() ? party.other_id : party.iban);
}

}  // namespace kaution::connectors
