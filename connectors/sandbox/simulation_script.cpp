// The scripted bookings of the simulation (control endpoints of script_control.cpp): exact
// payments for tests, booked today like the simulation's own.
#include "connectors/sandbox/simulation.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::string_view k_payer_bank_code = "37040044";
constexpr std::uint64_t k_payer_account = 4711000815;

Booking payment(Date date, Money amount, std::string remittance) {
  Booking b;
  b.date = date;
  b.amount = amount;
  b.kind = BookingKind::payment_in;
  b.party_name = "Erika Mustermann";
  b.party_iban = make_de_iban(k_payer_bank_code, k_payer_account);
  b.remittance = std::move(remittance);
  return b;
}

}  // namespace

const Booking* Simulation::book_payment(Bank bank, const std::string& contract, Money amount) {
  const Account* account = books(bank).account(contract);
  if (account == nullptr || account->closed) return nullptr;
  Booking b = payment(m_today, amount, "Kaution " + contract);
  b.ledger_account = bank == Bank::aak ? aak_trust_iban() : account->iban;
  b.sub_account = bank == Bank::aak   ? account->iban
                  : bank == Bank::dkb ? account->bank_id
                                      : std::string();
  b.contract = account->contract;
  return &post(bank, std::move(b));
}

const Booking& Simulation::book_unassignable(Bank bank, Money amount) {
  Booking b = payment(m_today, amount, "Miete Januar");
  switch (bank) {
    case Bank::aak:
      b.ledger_account = aak_trust_iban();
      b.sub_account = b.ledger_account;  // to the trust account itself: no vIBAN, no deposit
      break;
    case Bank::km:
      b.ledger_account = std::string(k_km_trust_account);
      break;
    case Bank::dkb:
      b.ledger_account = dkb_collective_ibans().front();
      break;
  }
  return post(bank, std::move(b));
}

}  // namespace kaution::sandbox
