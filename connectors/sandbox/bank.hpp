#pragma once
// The three sandbox banks: their names, the accounts and credentials they are set up with.
// The values match examples/kautiond.json and examples/sandbox.env.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::sandbox {

enum class Bank { aak, km, dkb };
inline constexpr std::array<Bank, 3> k_banks{Bank::aak, Bank::km, Bank::dkb};

std::string_view bank_name(Bank bank);    // "aak", "km", "dkb"
std::string_view access_name(Bank bank);  // "aak-main", … as in examples/kautiond.json

struct Credentials {
  std::string user;
  std::string secret;
};
Credentials default_credentials(Bank bank);

// aak's bank code; vIBANs and the trust collective account are DE IBANs under it.
inline constexpr std::string_view k_aak_bank_code = "55010400";
// The km trust account of the example config; the one km books unmatched payments on.
inline constexpr std::string_view k_km_trust_account = "DE89370400440532013000";
// The dkb collective accounts the bank keeps for the property manager; the first is the one of
// the example config and the one the portfolio uses.
std::vector<std::string> dkb_collective_ibans();
std::string aak_trust_iban();

// A German IBAN with correct check digits for an 8-digit bank code and a 10-digit account.
std::string make_de_iban(std::string_view bank_code, std::uint64_t account);

}  // namespace kaution::sandbox
