#include "connectors/aak/aak_assign.hpp"

#include "connectors/aak/camt_bookings.hpp"

namespace kaution::aak {
namespace {

const std::string* find_in(const std::unordered_map<std::string, std::string>& map,
                           const std::optional<std::string>& key) {
  if (!key) return nullptr;
  const auto it = map.find(*key);
  return it == map.end() ? nullptr : &it->second;
}

const std::string* find_account(const AccountIndex& accounts, const std::string& account) {
  return account.empty() ? nullptr : accounts.find(account);
}

std::string other_account(const connectors::CamtBooking& b) {
  connectors::CamtBooking flipped = b;
  flipped.deposit_credited = !b.deposit_credited;
  return connectors::deposit_account(flipped);
}

void assign(connectors::CamtBooking& b, const formats::Statement& statement,
            const AccountIndex& accounts) {
  BookingEntry& booking = b.booking;
  const std::string account = connectors::deposit_account(b);
  booking.account = account.empty() ? statement.account.iban : account;
  if (const std::string* deposit = find_account(accounts, account)) {
    booking.deposit_id = *deposit;
    return;
  }
  if (!b.entry->reversal) return;
  const std::string other = other_account(b);
  if (const std::string* deposit = find_account(accounts, other)) {
    booking.account = other;
    booking.deposit_id = *deposit;
  }
}

}  // namespace

Result<std::vector<BookingEntry>> statement_bookings(std::string_view what,
                                                     const formats::Statement& statement,
                                                     const DepositDirectory& directory) {
  auto parts = connectors::camt_bookings(what, statement);
  if (!parts) return std::unexpected(parts.error());
  std::vector<BookingEntry> out;
  out.reserve(parts->size());
  for (connectors::CamtBooking& part : *parts) {
    assign(part, statement, directory.by_account);
    out.push_back(std::move(part.booking));
  }
  return out;
}

std::optional<std::string> balance_deposit(const BalanceItem& item,
                                           const DepositDirectory& directory) {
  if (const std::string* d = find_in(directory.by_bank_ref, item.uuid)) return *d;
  if (const std::string* d = find_in(directory.by_contract, item.contract_no)) return *d;
  if (item.virtual_iban) {
    if (const std::string* d = directory.by_account.find(*item.virtual_iban)) return *d;
  }
  return std::nullopt;
}

}  // namespace kaution::aak
