#pragma once
// One sandbox bank's books: the accounts the daemon opened by exporting master data, the
// journal of bookings (append-only, in booking-date order), the days with their opening
// balances, interest accrual and the interest distributions. Not thread-safe: the Sandbox
// serialises access.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "connectors/sandbox/bank.hpp"
#include "core/booking.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "mapping/assign.hpp"
#include "mapping/deposit.hpp"

namespace kaution::sandbox {

struct Booking {
  std::size_t index = 0;           // position in the journal
  std::string reference;           // the booking reference, as the profile's client derives it
  std::string entry_ref;           // aak: AcctSvcrRef of the Ntry (the reference unless batched)
  std::string end_to_end;          // a reversal repeats the one of the booking it reverses
  std::uint32_t batch = 0;         // aak: bookings with the same non-zero batch are one Ntry
  Date date = Date::from_days(0);  // booking and value date
  Money amount;                    // signed: debits negative
  BookingKind kind = BookingKind::other;
  std::string ledger_account;  // the trust or collective IBAN whose statement shows it
  std::string sub_account;     // aak: the vIBAN (or the trust IBAN); dkb: the sub-account
  std::string contract;        // assigned contract; empty while unassigned
  std::string party_name;      // payer of a credit, payee of a debit
  std::string party_iban;
  std::string remittance;
  std::string reverses;  // the reference of the booking this one reverses
};

struct Distribution {
  std::string contract;
  std::string bank_id;
  Date from = Date::from_days(0);
  Date to = Date::from_days(0);
  int rate_milli = 0;  // thousandths of a percent a year: 250 = 0.250 %
  Money gross, withholding_tax, solidarity_surcharge, church_tax, net;
};

// Interest accrued since the last distribution: Σ balance × rate over the days
// [period_from, until), in cents × milli-percent.
struct Accrual {
  Date period_from = Date::from_days(0);
  Date until = Date::from_days(0);
  std::int64_t weighted = 0;
};

struct Account {
  std::string contract;
  std::string bank_id;  // aak uuid, km KontoId, dkb sub-account
  std::string iban;     // aak vIBAN, km Treuhandkonto, dkb collective IBAN
  std::string payer_name;
  std::string payer_last_name;
  std::string tenant_key;  // km: first tenant's Vorname|Name|Geburtsdatum; empty: none
  std::vector<Instalment> instalments;
  std::optional<Date> valid_until;
  std::string payout_holder;
  std::string payout_iban;
  Date opened = Date::from_days(0);
  bool closed = false;
  bool payout_scheduled = false;
  Money balance;
  std::vector<std::pair<Date, Money>> history;  // balance at the end of each day it changed
  Accrual accrual;
};

// An account has a balance to report once a booking moved it (by `date`): a new account
// without any turnover has none yet, so "no balance" (specs/domain.md) can be told from 0.
inline bool has_balance(const Account& account) {
  return !account.history.empty();
}
inline bool has_balance(const Account& account, Date date) {
  return !account.history.empty() && account.history.front().first <= date;
}

// A day of the journal: its bookings are [begin, end); `opening` per ledger account.
struct Day {
  Date date = Date::from_days(0);
  std::size_t begin = 0;
  std::size_t end = 0;
  std::map<std::string, Money> opening;
};

class Books {
 public:
  explicit Books(Bank bank, int default_rate_milli);
  Bank bank() const { return m_bank; }

  Account* account(std::string_view contract);
  Account* account_by_bank_id(std::string_view bank_id);
  // The open account a vIBAN belongs to (aak).
  Account* account_by_iban(std::string_view iban);
  Account& add_account(Account account);
  // Re-indexes an account's IBAN after an update or a close.
  void reindex_iban(const std::string& old_iban, const Account& account);
  // Indexes an account's (new) tenant key; stale entries are filtered on lookup.
  void reindex_tenant(const Account& account);
  const std::deque<Account>& accounts() const { return m_accounts; }
  std::deque<Account>& accounts() { return m_accounts; }
  // The open account of a tenant (km: Vorname|Name|Geburtsdatum), other than `contract`'s.
  const Account* tenant_account(const std::string& tenant_key, const std::string& contract);
  // Registered contract numbers, for assignment by remittance text (km, dkb).
  const ContractIndex& contracts() const { return m_contracts; }

  // Appends to the journal (setting `index`); an assigned booking moves its account's balance.
  const Booking& book(Booking booking);
  Booking* booking(std::string_view reference);
  const std::deque<Booking>& journal() const { return m_journal; }
  // Assigns an unassigned booking on `today`; false when already assigned.
  bool assign(Booking& booking, Account& account, Date today);

  // Opens the day that following bookings belong to (its opening balances are taken now).
  void begin_day(Date date);
  const std::vector<Day>& days() const { return m_days; }
  Money ledger_balance(const std::string& iban) const;

  // Interest rate in force for an account's trust account on `date`.
  int rate_at(const std::string& iban, Date date) const;
  void set_rate(const std::string& iban, Date valid_from, int rate_milli);
  void accrue(Account& account, Date until);
  std::vector<Distribution>& distributions() { return m_distributions; }

  // Moves an account's balance on `date` (interest accrued first).
  void move_balance(Account& account, Money amount, Date date);

 private:
  Bank m_bank;
  int m_default_rate_milli;
  std::deque<Account> m_accounts;
  std::unordered_map<std::string, std::size_t> m_by_contract;
  std::unordered_map<std::string, std::size_t> m_by_bank_id;
  std::unordered_map<std::string, std::size_t> m_by_iban;
  std::unordered_multimap<std::string, std::size_t> m_by_tenant;
  ContractIndex m_contracts;
  std::deque<Booking> m_journal;
  std::unordered_map<std::string, std::size_t> m_by_reference;
  std::vector<Day> m_days;
  std::map<std::string, Money> m_ledger_balance;
  std::map<std::string, std::map<Date, int>> m_rates;
  std::vector<Distribution> m_distributions;
};

}  // namespace kaution::sandbox
