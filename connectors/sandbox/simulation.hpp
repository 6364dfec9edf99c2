#pragma once
// The simulated banks over simulated days. Model:
// - The portfolio (portfolio.hpp) is the ledger's data; an account exists at a bank only after
//   the daemon exported the contract there and the bank accepted it (register_account).
// - Each simulated day is booked when it begins: scheduled payments of the accounts' tenants
//   (behaviour.hpp), reversals and repayments, payouts at the end of a tenancy, payments nobody
//   can assign ("noise"), and on 31 December the interest distribution with its taxes.
// - advance() closes today (aak cuts the day's statement) and books the next day. The sandbox
//   starts k_history_days before its start date, so some closed statements with unassigned
//   payments exist from the beginning.
// Everything follows from the seed, the size, the start date and the requests received, in the
// order received. Not thread-safe: the Sandbox serialises access.

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "connectors/sandbox/books.hpp"
#include "connectors/sandbox/portfolio.hpp"

namespace kaution::sandbox {

// What a bank keeps from an accepted master-data record.
struct AccountRecord {
  std::string contract;
  std::string iban;  // aak vIBAN, km Treuhandkonto, dkb collective IBAN
  std::string payer_name;
  std::string payer_last_name;
  std::string tenant_key;
  std::vector<Instalment> instalments;
  std::optional<Date> valid_until;
  std::string payout_holder;
  std::string payout_iban;
};

// An aak statement: one closed day of the trust account.
struct AakStatement {
  std::string id;  // "ST-2026-11-20-0001"
  std::uint64_t sequence = 0;
  Date date = Date::from_days(0);
  std::size_t begin = 0;  // journal range
  std::size_t end = 0;
  std::size_t entries = 0;  // Ntry elements (a batch is one)
  Money opening;
  Money closing;
};

inline constexpr int k_history_days = 3;
inline constexpr int k_statement_retention_days = 400;

class Simulation {
 public:
  explicit Simulation(const DataSetOptions& options);

  const DataSetOptions& options() const { return m_options; }
  Date today() const { return m_today; }
  Books& books(Bank bank) { return m_books[static_cast<std::size_t>(bank)]; }
  const std::vector<AakStatement>& aak_statements() const { return m_statements; }

  struct Registered {
    Account* account = nullptr;
    bool created = false;
  };
  // Opens an account or updates an open one (the caller refuses closed ones).
  Registered register_account(Bank bank, AccountRecord record);
  // The uuid aak gives `contract`'s account: a function of the seed and the contract number, so
  // the bank recognises it after a restart (and for "migrated" accounts of the portfolio).
  std::string aak_uuid(const std::string& contract) const;
  // Closes today and books the following `days` days.
  void advance(int days);
  // Books `count` further payments today on the open accounts in turn ("Nachzahlung": volume
  // for benchmarks), assigned. Returns how many were booked: 0 without open accounts.
  std::size_t book_extra_payments(Bank bank, std::size_t count);
  // Scripted bookings today (simulation_script.cpp): a payment of `amount` the bank assigns to
  // `contract`'s open account (nullptr when there is none), and a payment nobody can assign
  // (on the trust or collective account, naming no contract).
  const Booking* book_payment(Bank bank, const std::string& contract, Money amount);
  const Booking& book_unassignable(Bank bank, Money amount);

 private:
  struct Event {
    enum class Kind { pay, repay, reverse, payout };
    Kind kind = Kind::pay;
    Bank bank = Bank::aak;
    std::string contract;
    int instalment = 0;
    std::string reference;  // of the booking to reverse
  };
  struct Pending {
    Booking booking;
    bool welfare = false;        // aak books a welfare office's payments of a day as a batch
    bool reverse_later = false;  // schedule a reversal and a repayment
    std::string contract;        // of the account the payment was meant for
    int instalment = 0;
  };

  void book_day(Date date);
  void close_day();
  void run(const Event& event, Date date);
  void pay(const Event& event, Date date);
  void reverse(const Event& event, Date date);
  void payout(Bank bank, Account& account, Date date);
  void distribute(Bank bank, Account& account, Date date);
  void flush_payments(Bank bank, Date date);
  void book_noise(Bank bank, Date date);
  void schedule_payments(Bank bank, const Account& account);
  void schedule_payout(Bank bank, Account& account);
  const Booking& post(Bank bank, Booking booking);
  std::string match_remittance(Bank bank, const std::string& text);
  std::string bank_id(Bank bank, const std::string& contract);

  DataSetOptions m_options;
  Date m_today;
  std::array<Books, 3> m_books;
  std::multimap<Date, Event> m_schedule;
  std::array<std::vector<Pending>, 3> m_pending;
  std::vector<AakStatement> m_statements;
  std::uint64_t m_statement_sequence = 0;
  std::uint32_t m_batches = 0;
  std::size_t m_extra_cursor = 0;
  bool m_in_history = false;
};

}  // namespace kaution::sandbox
