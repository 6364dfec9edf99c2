// The bookings of the simulation: tenants' payments (batched for aak), reversals,
// interest distributions with their taxes, payouts, payments nobody can assign, extra volume.
#include <fmt/format.h>

#include "connectors/sandbox/behaviour.hpp"
#include "connectors/sandbox/interest.hpp"
#include "connectors/sandbox/names.hpp"
#include "connectors/sandbox/random.hpp"
#include "connectors/sandbox/simulation.hpp"

namespace kaution::sandbox {
namespace {

constexpr int k_reversal_after_days = 3;
constexpr int k_repayment_after_days = 7;
constexpr std::int64_t k_closing_fee_cents = 500;
constexpr std::string_view k_payer_bank_code = "37040044";

std::size_t slot(Bank bank) {
  return static_cast<std::size_t>(bank);
}

std::string compact(Date date) {
  return fmt::format("{:04}{:02}{:02}", date.year(), date.month(), date.day());
}

std::string reference_for(Bank bank, Date date, std::size_t index) {
  switch (bank) {
    case Bank::aak:
      return fmt::format("AAK{}{:07}", compact(date), index + 1);
    case Bank::km:
      return fmt::format("KM-B-{}", 10000 + index);
    case Bank::dkb:
      break;
  }
  return fmt::format("DKB{}{:07}", compact(date), index + 1);
}

}  // namespace

void Simulation::pay(const Event& event, Date date) {
  Books& book = books(event.bank);
  const Account* account = book.account(event.contract);
  const auto k = static_cast<std::size_t>(event.instalment);
  if (account == nullptr || account->closed || k >= account->instalments.size()) return;
  const Behaviour behaviour = behaviour_for(m_options.seed, account->contract);
  const bool first_try = event.kind == Event::Kind::pay;
  Pending pending;
  pending.welfare = behaviour.welfare_office;
  pending.reverse_later = first_try && event.instalment == behaviour.reversed_instalment;
  pending.contract = account->contract;
  pending.instalment = event.instalment;
  Booking& b = pending.booking;
  b.date = date;
  b.amount = account->instalments[k].amount;
  b.kind = BookingKind::payment_in;
  b.party_name =
      behaviour.welfare_office ? welfare_office(behaviour.payer_account) : account->payer_name;
  b.party_iban = make_de_iban(k_payer_bank_code, behaviour.payer_account);
  const bool misdirected = behaviour.misdirected && first_try;
  const std::string plain = fmt::format("Kaution {} Rate {}", account->contract, k + 1);
  switch (event.bank) {
    case Bank::aak:
      b.ledger_account = aak_trust_iban();
      b.sub_account = misdirected ? b.ledger_account : account->iban;
      b.remittance = plain;
      if (const Account* to = book.account_by_iban(b.sub_account)) b.contract = to->contract;
      break;
    case Bank::km:
      b.ledger_account = account->iban;
      b.remittance = first_try ? remittance_text(behaviour, account->contract, event.instalment,
                                                 account->payer_last_name)
                               : plain;
      b.contract = match_remittance(Bank::km, b.remittance);
      break;
    case Bank::dkb:
      b.ledger_account = account->iban;
      if (misdirected) {
        b.remittance = remittance_text(behaviour, account->contract, event.instalment,
                                       account->payer_last_name);
        b.contract = match_remittance(Bank::dkb, b.remittance);
      } else {
        b.sub_account = account->bank_id;
        b.remittance = plain;
        b.contract = account->contract;
      }
      break;
  }
  m_pending[slot(event.bank)].push_back(std::move(pending));
}

const Booking& Simulation::post(Bank bank, Booking booking) {
  Books& book = books(bank);
  const std::string own = reference_for(bank, booking.date, book.journal().size());
  if (booking.end_to_end.empty()) booking.end_to_end = "E2E" + own;
  if (booking.reference.empty()) booking.reference = own;
  if (booking.entry_ref.empty()) booking.entry_ref = booking.reference;
  return book.book(std::move(booking));
}

void Simulation::flush_payments(Bank bank, Date date) {
  std::vector<Pending> pending = std::move(m_pending[slot(bank)]);
  m_pending[slot(bank)].clear();
  std::vector<bool> done(pending.size(), false);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (done[i]) continue;
    std::vector<std::size_t> group{i};
    if (bank == Bank::aak && pending[i].welfare) {
      for (std::size_t j = i + 1; j < pending.size(); ++j) {
        if (!done[j] && pending[j].welfare &&
            pending[j].booking.party_name == pending[i].booking.party_name) {
          group.push_back(j);
        }
      }
    }
    const std::uint32_t batch = group.size() > 1 ? ++m_batches : 0;
    std::string entry_ref;
    for (const std::size_t member : group) {
      done[member] = true;
      Booking booking = pending[member].booking;
      booking.batch = batch;
      if (batch != 0) {
        const std::size_t index = books(bank).journal().size();
        if (entry_ref.empty()) entry_ref = reference_for(bank, date, index);
        booking.end_to_end = "E2E" + reference_for(bank, date, index);
        booking.entry_ref = entry_ref;
        booking.reference = entry_ref + "/" + booking.end_to_end;
      }
      const Booking& booked = post(bank, std::move(booking));
      if (pending[member].reverse_later) {
        m_schedule.emplace(date.plus_days(k_reversal_after_days),
                           Event{Event::Kind::reverse, bank, booked.contract, 0, booked.reference});
        m_schedule.emplace(date.plus_days(k_repayment_after_days), Event{Event::Kind::repay,
                                                                         bank,
                                                                         pending[member].contract,
                                                                         pending[member].instalment,
                                                                         {}});
      }
    }
  }
}

void Simulation::reverse(const Event& event, Date date) {
  const Booking* original = books(event.bank).booking(event.reference);
  if (original == nullptr) return;
  Booking b;
  b.date = date;
  b.amount = -original->amount;
  b.kind = BookingKind::reversal;
  b.ledger_account = original->ledger_account;
  b.sub_account = original->sub_account;
  b.contract = original->contract;
  b.party_name = original->party_name;
  b.party_iban = original->party_iban;
  b.remittance = "Rueckueberweisung " + original->remittance;
  b.end_to_end = original->end_to_end;
  b.reverses = original->reference;
  post(event.bank, std::move(b));
}

void Simulation::distribute(Bank bank, Account& account, Date date) {
  Books& book = books(bank);
  book.accrue(account, date.plus_days(1));
  const Money gross = gross_interest(account.accrual.weighted);
  const Date from = account.accrual.period_from;
  account.accrual = Accrual{date.plus_days(1), date.plus_days(1), 0};
  if (gross.is_zero()) return;
  const Behaviour behaviour = behaviour_for(m_options.seed, account.contract);
  const InterestSplit split = split_interest(gross, behaviour.church_tax, behaviour.tax_exempt);
  const std::string period = fmt::format("{} bis {}", from.to_string(), date.to_string());
  const auto book_part = [&](BookingKind kind, Money amount, const std::string& text) {
    if (amount.is_zero()) return;
    Booking b;
    b.date = date;
    b.amount = amount;
    b.kind = kind;
    b.ledger_account = bank == Bank::aak ? aak_trust_iban() : account.iban;
    b.sub_account = bank == Bank::aak   ? account.iban
                    : bank == Bank::dkb ? account.bank_id
                                        : std::string();
    b.contract = account.contract;
    b.remittance = text + " " + period;
    post(bank, std::move(b));
  };
  book_part(BookingKind::interest, split.gross, "Zinsen");
  book_part(BookingKind::withholding_tax, -split.withholding_tax, "Kapitalertragsteuer");
  book_part(BookingKind::solidarity_surcharge, -split.solidarity_surcharge,
            "Solidaritaetszuschlag");
  book_part(BookingKind::church_tax, -split.church_tax, "Kirchensteuer");
  book.distributions().push_back(Distribution{
      account.contract, account.bank_id, from, date, book.rate_at(account.iban, date), split.gross,
      split.withholding_tax, split.solidarity_surcharge, split.church_tax, split.net});
}

void Simulation::payout(Bank bank, Account& account, Date date) {
  distribute(bank, account, date);
  const Behaviour behaviour = behaviour_for(m_options.seed, account.contract);
  Booking b;
  b.date = date;
  b.ledger_account = bank == Bank::aak ? aak_trust_iban() : account.iban;
  b.sub_account = bank == Bank::aak   ? account.iban
                  : bank == Bank::dkb ? account.bank_id
                                      : std::string();
  b.contract = account.contract;
  if (behaviour.closing_fee && account.balance.cents() >= k_closing_fee_cents) {
    Booking fee = b;
    fee.amount = Money::from_cents(-k_closing_fee_cents);
    fee.kind = BookingKind::fee;
    fee.remittance = "Kontofuehrung Abschlussgebuehr " + account.contract;
    post(bank, std::move(fee));
  }
  if (account.balance.cents() <= 0) return;
  b.amount = -account.balance;
  b.kind = BookingKind::payout;
  b.party_name = account.payout_holder.empty() ? account.payer_name : account.payout_holder;
  b.party_iban = account.payout_iban;
  b.remittance = "Auszahlung Mietkaution " + account.contract;
  post(bank, std::move(b));
}

std::size_t Simulation::book_extra_payments(Bank bank, std::size_t count) {
  Books& book = books(bank);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < book.accounts().size(); ++i)
    if (!book.accounts()[i].closed) open.push_back(i);
  if (open.empty()) return 0;
  Rng rng = Rng::keyed(m_options.seed, fmt::format("extra-{}-{}-{}", bank_name(bank),
                                                   m_today.to_string(), book.journal().size()));
  for (std::size_t k = 0; k < count; ++k) {
    const Account& account = book.accounts()[open[m_extra_cursor++ % open.size()]];
    Booking b;
    b.date = m_today;
    b.amount = Money::from_cents(rng.between(10, 100) * 100);
    b.kind = BookingKind::payment_in;
    b.party_name = account.payer_name;
    b.party_iban = make_de_iban(k_payer_bank_code,
                                behaviour_for(m_options.seed, account.contract).payer_account);
    b.remittance = "Nachzahlung Kaution " + account.contract;
    b.ledger_account = bank == Bank::aak ? aak_trust_iban() : account.iban;
    b.sub_account = bank == Bank::aak   ? account.iban
                    : bank == Bank::dkb ? account.bank_id
                                        : std::string();
    b.contract = account.contract;
    post(bank, std::move(b));
  }
  return count;
}

void Simulation::book_noise(Bank bank, Date date) {
  if (m_options.scripted) return;
  Rng rng =
      Rng::keyed(m_options.seed, fmt::format("noise-{}-{}", bank_name(bank), date.to_string()));
  std::uint64_t count = rng.below(2 + m_options.size / 50);
  if (m_in_history && count == 0) count = 1;
  for (std::uint64_t n = 0; n < count; ++n) {
    PersonName payer = tenant_name(rng.below(1000000), rng);
    Booking b;
    b.date = date;
    b.amount = Money::from_cents(rng.between(200, 1500) * 100);
    b.kind = BookingKind::payment_in;
    b.party_name = payer.first + " " + payer.last;
    b.party_iban = make_de_iban(k_payer_bank_code, 1000000000ULL + rng.below(8000000000ULL));
    const std::size_t other = static_cast<std::size_t>(rng.below(m_options.size + 1));
    const std::uint64_t wording = rng.below(3);
    if (wording == 0) {
      b.remittance = "Mietkaution " + payer.last;
    } else if (wording == 1) {
      std::string typo = contract_number(bank, other);
      typo.insert(typo.find('.') + 1, "0");
      b.remittance = "Kaution " + typo;
    } else {
      b.remittance = fmt::format("Kaution {} und {}", contract_number(bank, other),
                                 contract_number(bank, other + 1));
    }
    switch (bank) {
      case Bank::aak:
        b.ledger_account = aak_trust_iban();
        b.sub_account = rng.percent(50)
                            ? make_de_iban(k_aak_bank_code, 8000000000ULL + rng.below(999999999))
                            : b.ledger_account;
        if (const Account* to = books(bank).account_by_iban(b.sub_account)) {
          b.contract = to->contract;
        }
        break;
      case Bank::km:
        b.ledger_account = std::string(k_km_trust_account);
        b.contract = match_remittance(bank, b.remittance);
        break;
      case Bank::dkb:
        b.ledger_account = dkb_collective_ibans().front();
        b.contract = match_remittance(bank, b.remittance);
        break;
    }
    post(bank, std::move(b));
  }
}

}  // namespace kaution::sandbox
