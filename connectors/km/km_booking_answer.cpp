// UmsaetzeAbrufen: km:Umsaetze (Fortsetzung, Weitere) with km:Umsatz bookings.
#include "connectors/km/answer_reader.hpp"
#include "connectors/km/km_answers.hpp"
#include "connectors/km/km_values.hpp"
#include "connectors/km/xml_names.hpp"
#include "core/iban.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

struct ArtKind {
  std::string_view art;
  BookingKind kind;
};

constexpr ArtKind k_art_kinds[] = {
    {"ZAHLUNG", BookingKind::payment_in},
    {"ZINS", BookingKind::interest},
    {"KAPEST", BookingKind::withholding_tax},
    {"SOLZ", BookingKind::solidarity_surcharge},
    {"KIST", BookingKind::church_tax},
    {"AUSZAHLUNG", BookingKind::payout},
    {"GEBUEHR", BookingKind::fee},
    {"STORNO", BookingKind::reversal},
};

// The compact form of a valid IBAN, else the text as given.
bool is_compact(std::string_view text) {
  for (char c : text)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

std::string account_text(std::string_view text) {
  if (is_compact(text)) return std::string(text);  // the common case: no checksum needed
  auto iban = Iban::parse(text);
  return iban ? iban->str() : std::string(text);
}

std::optional<std::string> optional_account(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return account_text(text);
}

std::string storno_remittance(std::string_view text, std::string_view storno_von) {
  const std::string mark = "StornoVon " + std::string(storno_von);
  return text.empty() ? mark : std::string(text) + " [" + mark + "]";
}

// Unassigned stays unassigned: KM assigns by contract number (km.md), the daemon trusts it.
std::optional<std::string> assigned_deposit(std::string_view contract,
                                            const DepositDirectory& directory,
                                            std::size_t& unknown) {
  if (contract.empty()) return std::nullopt;
  const auto found = directory.by_contract.find(std::string(contract));
  if (found != directory.by_contract.end()) return found->second;
  ++unknown;
  return std::nullopt;
}

struct PageCounts {
  std::size_t unknown_contracts = 0;
  std::size_t unknown_arts = 0;
};

BookingEntry read_umsatz(pugi::xml_node node, const DepositDirectory& directory,
                         FieldReader& reader, PageCounts& counts) {
  BookingEntry b;
  const Children fields(node, k_km_namespace);
  b.bank_ref = std::string(reader.attr(node, "BuchungsId"));
  reader.set_context("km:Umsatz BuchungsId " + b.bank_ref);
  const std::string_view art = reader.attr(node, "Art");
  b.booking_date = reader.date(reader.text(fields, "Buchungsdatum"), "km:Buchungsdatum");
  const std::string_view valuta = reader.optional_text(fields, "Valuta");
  if (!valuta.empty()) b.value_date = reader.date(valuta, "km:Valuta");
  b.amount = reader.amount(reader.text(fields, "Betrag"), "km:Betrag");
  b.account = account_text(reader.text(fields, "Treuhandkonto"));
  if (!reader.ok()) return b;
  b.kind = booking_kind(art).value_or(BookingKind::other);
  if (!booking_kind(art)) ++counts.unknown_arts;
  if (const pugi::xml_node party = fields.get("Auftraggeber")) {
    const std::string_view name = trim(party.text().get());
    if (!name.empty()) b.counterparty_name = std::string(name);
    b.counterparty_iban = optional_account(reader.optional_attr(party, "IBAN").value_or(""));
  }
  b.remittance = std::string(reader.optional_text(fields, "Verwendungszweck"));
  if (b.kind == BookingKind::reversal)
    if (auto von = reader.optional_attr(node, "StornoVon"); von && !von->empty())
      b.remittance = storno_remittance(b.remittance, *von);
  b.deposit_id = assigned_deposit(reader.optional_text(fields, "Vertragsnummer"), directory,
                                  counts.unknown_contracts);
  return b;
}

void add_warnings(const PageCounts& counts, KmUmsaetze& page) {
  if (counts.unknown_contracts > 0)
    page.warnings.push_back(std::to_string(counts.unknown_contracts) +
                            " booking(s) name a contract number no deposit of this access has; "
                            "kept unassigned");
  if (counts.unknown_arts > 0)
    page.warnings.push_back(std::to_string(counts.unknown_arts) +
                            " booking(s) of an Art km.md does not list; imported as other");
}

}  // namespace

std::optional<BookingKind> booking_kind(std::string_view art) {
  for (const ArtKind& entry : k_art_kinds)
    if (entry.art == art) return entry.kind;
  return std::nullopt;
}

std::expected<KmUmsaetze, std::string> parse_umsaetze(pugi::xml_node body,
                                                      const DepositDirectory& directory) {
  const pugi::xml_node answer = find_answer(body, "Umsaetze");
  if (!answer) return std::unexpected(missing_answer(body, "Umsaetze"));
  KmUmsaetze page;
  FieldReader reader;
  reader.set_context("km:Umsaetze");
  page.token = std::string(reader.optional_attr(answer, "Fortsetzung").value_or(""));
  if (!attribute(answer, "Fortsetzung")) reader.fail("attribute Fortsetzung is missing");
  page.more = reader.boolean(reader.attr(answer, "Weitere"), "Weitere");
  PageCounts counts;
  const Children items(answer, k_km_namespace);
  page.bookings.reserve(items.all().size());
  for (const auto& [name, item] : items.all()) {
    if (name != "Umsatz") continue;
    reader.set_context("km:Umsatz #" + std::to_string(page.bookings.size() + 1));
    page.bookings.push_back(read_umsatz(item, directory, reader, counts));
    if (!reader.ok()) break;
  }
  if (!reader.ok()) return std::unexpected(reader.error());
  add_warnings(counts, page);
  return page;
}

}  // namespace kaution::km
