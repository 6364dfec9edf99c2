#pragma once
// How the tenant of a contract behaves once the contract is at the bank: when they pay, whether
// a payment bounces, how they word the remittance, whether the deposit is paid out at the end.
// A pure function of the seed and the contract number, so a contract behaves the same whether
// it came from the seeded portfolio or from anywhere else.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kaution::sandbox {

enum class Remittance {
  with_contract,  // "Kaution 1.080000.1047 Rate 1": assignable
  spaced,         // "Kaution 1.080000. 1047": assignable (whitespace is ignored)
  typo,           // a contract number that does not exist: stays unassigned
  without,        // "Mietkaution Schmidt": stays unassigned
};

struct Behaviour {
  std::array<int, 3> lag_days{};  // 1…5 days after the due date (or the account's opening)
  int instalments_paid = 3;       // how many instalments are paid at all (0…3)
  int reversed_instalment = -1;   // this instalment's payment bounces and is paid again
  bool welfare_office = false;    // paid by a Jobcenter (aak books these as batches)
  Remittance remittance = Remittance::with_contract;  // km and dkb payments to the trust account
  bool misdirected = false;  // aak: paid to the trust account itself; dkb: to the collective one
  bool church_tax = false;   // KiSt withheld on interest
  bool tax_exempt = false;   // a Freistellungsauftrag covers the interest
  bool paid_out = true;      // at valid_until the bank pays the balance out
  bool closing_fee = false;  // a fee is charged before the payout
  std::uint64_t payer_account = 0;  // the payer's account number (payer IBAN)
};

Behaviour behaviour_for(std::uint64_t seed, std::string_view contract);

// The remittance text of instalment `k` (0-based) of `contract`.
std::string remittance_text(const Behaviour& behaviour, std::string_view contract, int k,
                            std::string_view payer_last_name);

}  // namespace kaution::sandbox
