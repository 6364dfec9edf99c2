#include "connectors/dkb/dkb_statement.hpp"

#include "connectors/aak/camt_bookings.hpp"

namespace kaution::dkb {
namespace {

constexpr std::string_view k_tag = "KAUTION:";

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// The deposit of a contract number: as written, else by its normal form when that is unique.
std::optional<std::string> deposit_of(const std::string& contract_no,
                                      const DepositDirectory& directory) {
  if (const auto it = directory.by_contract.find(contract_no); it != directory.by_contract.end())
    return it->second;
  const auto* same = directory.contracts.find(normalize_contract_no(contract_no));
  if (same == nullptr || same->size() != 1) return std::nullopt;
  if (const auto it = directory.by_contract.find(same->front()); it != directory.by_contract.end())
    return it->second;
  return std::nullopt;
}

std::optional<std::string> assigned_deposit(const connectors::CamtBooking& b,
                                            const DepositDirectory& directory) {
  const std::string_view info = b.tx != nullptr ? b.tx->additional_info() : std::string_view();
  const auto tagged = kaution_tag(info);
  if (tagged) {
    if (auto deposit = deposit_of(*tagged, directory)) return deposit;
  }
  const std::string account = connectors::deposit_account(b);
  if (const std::string* deposit = account.empty() ? nullptr : directory.by_account.find(account))
    return *deposit;
  if (tagged) return std::nullopt;
  const ContractMatch match = find_contract_numbers(b.booking.remittance, directory.contracts);
  if (!match.contract_no) return std::nullopt;
  return deposit_of(*match.contract_no, directory);
}

}  // namespace

std::string booking_key(std::string_view iban, std::string_view reference) {
  return normalize_contract_no(iban) + ":" + std::string(reference);
}

std::pair<std::string, std::string> split_booking_key(std::string_view key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos) return {"", std::string(key)};
  return {std::string(key.substr(0, colon)), std::string(key.substr(colon + 1))};
}

std::optional<std::string> kaution_tag(std::string_view additional_info) {
  const std::string_view text = trimmed(additional_info);
  if (!text.starts_with(k_tag)) return std::nullopt;
  const std::string_view contract = trimmed(text.substr(k_tag.size()));
  if (contract.empty()) return std::nullopt;
  return std::string(contract);
}

Result<std::vector<BookingEntry>> statement_bookings(std::string_view what,
                                                     const formats::Statement& statement,
                                                     const DepositDirectory& directory) {
  auto parts = connectors::camt_bookings(what, statement);
  if (!parts) return std::unexpected(parts.error());
  const std::string iban = normalize_contract_no(statement.account.iban);
  std::vector<BookingEntry> out;
  out.reserve(parts->size());
  for (connectors::CamtBooking& part : *parts) {
    BookingEntry& booking = part.booking;
    booking.bank_ref = booking_key(iban, booking.bank_ref);
    booking.account = iban;
    booking.deposit_id = assigned_deposit(part, directory);
    out.push_back(std::move(booking));
  }
  return out;
}

}  // namespace kaution::dkb
