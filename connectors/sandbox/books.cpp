#include "connectors/sandbox/books.hpp"

namespace kaution::sandbox {
namespace {

template <class Map>
std::optional<std::size_t> lookup(const Map& map, std::string_view key) {
  const auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

Books::Books(Bank bank, int default_rate_milli)
    : m_bank(bank), m_default_rate_milli(default_rate_milli) {}

Account* Books::account(std::string_view contract) {
  const auto at = lookup(m_by_contract, contract);
  return at ? &m_accounts[*at] : nullptr;
}

Account* Books::account_by_bank_id(std::string_view bank_id) {
  const auto at = lookup(m_by_bank_id, bank_id);
  return at ? &m_accounts[*at] : nullptr;
}

void Books::reindex_tenant(const Account& account) {
  if (!account.tenant_key.empty()) {
    m_by_tenant.emplace(account.tenant_key, m_by_contract.at(account.contract));
  }
}

Account* Books::account_by_iban(std::string_view iban) {
  const auto at = lookup(m_by_iban, iban);
  return at ? &m_accounts[*at] : nullptr;
}

Account& Books::add_account(Account account) {
  const std::size_t at = m_accounts.size();
  m_by_contract[account.contract] = at;
  m_by_bank_id[account.bank_id] = at;
  m_contracts.add(account.contract);
  if (!account.iban.empty()) m_by_iban[account.iban] = at;
  if (!account.tenant_key.empty()) m_by_tenant.emplace(account.tenant_key, at);
  m_accounts.push_back(std::move(account));
  return m_accounts.back();
}

void Books::reindex_iban(const std::string& old_iban, const Account& account) {
  const auto it = m_by_iban.find(old_iban);
  if (it != m_by_iban.end() && &m_accounts[it->second] == &account) m_by_iban.erase(it);
  if (!account.closed) m_by_iban[account.iban] = m_by_contract.at(account.contract);
}

const Account* Books::tenant_account(const std::string& tenant_key, const std::string& contract) {
  const auto [first, last] = m_by_tenant.equal_range(tenant_key);
  for (auto it = first; it != last; ++it) {
    const Account& account = m_accounts[it->second];
    if (!account.closed && account.tenant_key == tenant_key && account.contract != contract) {
      return &account;
    }
  }
  return nullptr;
}

const Booking& Books::book(Booking booking) {
  booking.index = m_journal.size();
  m_by_reference[booking.reference] = booking.index;
  m_ledger_balance[booking.ledger_account] += booking.amount;
  if (!booking.contract.empty()) {
    if (Account* target = account(booking.contract)) {
      move_balance(*target, booking.amount, booking.date);
    }
  }
  m_journal.push_back(std::move(booking));
  if (!m_days.empty()) m_days.back().end = m_journal.size();  // the current day grows
  return m_journal.back();
}

Booking* Books::booking(std::string_view reference) {
  const auto at = lookup(m_by_reference, reference);
  return at ? &m_journal[*at] : nullptr;
}

bool Books::assign(Booking& booking, Account& account, Date today) {
  if (!booking.contract.empty()) return false;
  booking.contract = account.contract;
  move_balance(account, booking.amount, today);
  return true;
}

void Books::begin_day(Date date) {
  m_days.push_back(Day{date, m_journal.size(), m_journal.size(), m_ledger_balance});
}

Money Books::ledger_balance(const std::string& iban) const {
  const auto it = m_ledger_balance.find(iban);
  return it == m_ledger_balance.end() ? Money{} : it->second;
}

int Books::rate_at(const std::string& iban, Date date) const {
  const auto table = m_rates.find(iban);
  if (table == m_rates.end()) return m_default_rate_milli;
  auto it = table->second.upper_bound(date);
  if (it == table->second.begin()) return m_default_rate_milli;
  return std::prev(it)->second;
}

void Books::set_rate(const std::string& iban, Date valid_from, int rate_milli) {
  m_rates[iban][valid_from] = rate_milli;
}

void Books::accrue(Account& account, Date until) {
  for (Date day = account.accrual.until; day < until; day = day.plus_days(1)) {
    account.accrual.weighted += account.balance.cents() * rate_at(account.iban, day);
  }
  if (account.accrual.until < until) account.accrual.until = until;
}

void Books::move_balance(Account& account, Money amount, Date date) {
  accrue(account, date);
  account.balance += amount;
  if (!account.history.empty() && account.history.back().first == date) {
    account.history.back().second = account.balance;
  } else {
    account.history.emplace_back(date, account.balance);
  }
}

}  // namespace kaution::sandbox
