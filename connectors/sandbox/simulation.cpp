#include "connectors/sandbox/simulation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "connectors/sandbox/behaviour.hpp"
#include "connectors/sandbox/random.hpp"

namespace kaution::sandbox {
namespace {

constexpr int k_aak_rate_milli = 250;  // 0.250 % a year; aak sets its rates itself
constexpr int k_dkb_rate_milli = 100;  // 0.100 %
constexpr int k_payout_after_days = 14;

std::string uuid_for(std::uint64_t seed, const std::string& contract) {
  Rng rng = Rng::keyed(seed, "uuid:" + contract);
  const std::uint64_t a = rng.next();
  const std::uint64_t b = rng.next();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xfff,
                     0x8000 | ((b >> 48) & 0x3fff), b & 0xffffffffffffULL);
}

bool is_new_year_eve(Date date) {
  return date.month() == 12 && date.day() == 31;
}

}  // namespace

Simulation::Simulation(const DataSetOptions& options)
    : m_options(options),
      m_today(options.start.plus_days(-k_history_days)),
      m_books{Books(Bank::aak, k_aak_rate_milli), Books(Bank::km, 0),
              Books(Bank::dkb, k_dkb_rate_milli)} {
  m_in_history = true;
  book_day(m_today);
  advance(k_history_days - 1);
  m_in_history = false;
  advance(1);
}

std::string Simulation::aak_uuid(const std::string& contract) const {
  return uuid_for(m_options.seed, contract);
}

std::string Simulation::bank_id(Bank bank, const std::string& contract) {
  const std::size_t n = books(bank).accounts().size() + 1;
  switch (bank) {
    case Bank::aak:
      return uuid_for(m_options.seed, contract);
    case Bank::km:
      return fmt::format("KM-{:06}", n);
    case Bank::dkb:
      break;
  }
  return fmt::format("DKB-KT-{:07}", n);
}

Simulation::Registered Simulation::register_account(Bank bank, AccountRecord record) {
  Books& book = books(bank);
  if (Account* existing = book.account(record.contract)) {
    const std::string old_iban = existing->iban;
    existing->iban = record.iban;
    existing->payer_name = record.payer_name;
    existing->payer_last_name = record.payer_last_name;
    existing->instalments = record.instalments;
    existing->valid_until = record.valid_until;
    existing->payout_holder = record.payout_holder;
    existing->payout_iban = record.payout_iban;
    book.reindex_iban(old_iban, *existing);
    if (existing->tenant_key != record.tenant_key) {
      existing->tenant_key = record.tenant_key;
      book.reindex_tenant(*existing);
    }
    schedule_payout(bank, *existing);
    return {existing, false};
  }
  Account account;
  account.contract = record.contract;
  account.bank_id = bank_id(bank, record.contract);
  account.iban = record.iban;
  account.payer_name = record.payer_name;
  account.payer_last_name = record.payer_last_name;
  account.tenant_key = record.tenant_key;
  account.instalments = record.instalments;
  account.valid_until = record.valid_until;
  account.payout_holder = record.payout_holder;
  account.payout_iban = record.payout_iban;
  account.opened = m_today;
  account.accrual = Accrual{m_today, m_today, 0};
  Account& added = book.add_account(std::move(account));
  schedule_payments(bank, added);
  schedule_payout(bank, added);
  return {&added, true};
}

void Simulation::schedule_payments(Bank bank, const Account& account) {
  if (m_options.scripted) return;
  const Behaviour behaviour = behaviour_for(m_options.seed, account.contract);
  const auto count = std::min<std::size_t>(static_cast<std::size_t>(behaviour.instalments_paid),
                                           account.instalments.size());
  for (std::size_t k = 0; k < count; ++k) {
    const Date due = std::max(account.instalments[k].due_date, m_today);
    m_schedule.emplace(due.plus_days(behaviour.lag_days[k]),
                       Event{Event::Kind::pay, bank, account.contract, static_cast<int>(k), {}});
  }
}

void Simulation::schedule_payout(Bank bank, Account& account) {
  if (m_options.scripted || account.payout_scheduled || !account.valid_until) return;
  if (!behaviour_for(m_options.seed, account.contract).paid_out) return;
  account.payout_scheduled = true;
  const Date end = std::max(*account.valid_until, m_today);
  m_schedule.emplace(end.plus_days(k_payout_after_days),
                     Event{Event::Kind::payout, bank, account.contract, 0, {}});
}

void Simulation::advance(int days) {
  for (int i = 0; i < days; ++i) {
    close_day();
    m_today = m_today.plus_days(1);
    book_day(m_today);
  }
}

void Simulation::close_day() {
  Books& aak = books(Bank::aak);
  const Day& day = aak.days().back();
  AakStatement statement;
  statement.sequence = ++m_statement_sequence;
  statement.id = fmt::format("ST-{}-0001", day.date.to_string());
  statement.date = day.date;
  statement.begin = day.begin;
  statement.end = day.end;
  const std::string trust = aak_trust_iban();
  const auto opening = day.opening.find(trust);
  statement.opening = opening == day.opening.end() ? Money{} : opening->second;
  statement.closing = aak.ledger_balance(trust);
  for (std::size_t i = day.begin; i < day.end; ++i) {
    const Booking& b = aak.journal()[i];
    if (b.batch == 0 || i == day.begin || aak.journal()[i - 1].batch != b.batch) {
      ++statement.entries;
    }
  }
  m_statements.push_back(statement);
  const Date oldest = m_today.plus_days(-k_statement_retention_days);
  std::erase_if(m_statements, [&](const AakStatement& s) { return s.date < oldest; });
}

void Simulation::book_day(Date date) {
  for (Books& book : m_books)
    book.begin_day(date);
  const auto [first, last] = m_schedule.equal_range(date);
  std::vector<Event> events;
  for (auto it = first; it != last; ++it)
    events.push_back(it->second);
  m_schedule.erase(first, last);
  for (const Event& event : events)
    run(event, date);
  for (const Bank bank : k_banks) {
    flush_payments(bank, date);
    book_noise(bank, date);
    if (is_new_year_eve(date)) {
      for (Account& account : books(bank).accounts()) {
        if (!account.closed) distribute(bank, account, date);
      }
    }
  }
}

void Simulation::run(const Event& event, Date date) {
  switch (event.kind) {
    case Event::Kind::pay:
    case Event::Kind::repay:
      pay(event, date);
      return;
    case Event::Kind::reverse:
      reverse(event, date);
      return;
    case Event::Kind::payout:
      break;
  }
  Account* account = books(event.bank).account(event.contract);
  if (account != nullptr && !account->closed) payout(event.bank, *account, date);
}

std::string Simulation::match_remittance(Bank bank, const std::string& text) {
  Books& book = books(bank);
  const ContractMatch match = find_contract_numbers(text, book.contracts());
  if (!match.contract_no) return {};
  const Account* account = book.account(*match.contract_no);
  return account != nullptr && !account->closed ? account->contract : std::string();
}

}  // namespace kaution::sandbox
