#include "connectors/sandbox/bank.hpp"

#include <fmt/format.h>

namespace kaution::sandbox {

std::string_view bank_name(Bank bank) {
  switch (bank) {
    case Bank::aak:
      return "aak";
    case Bank::km:
      return "km";
    case Bank::dkb:
      break;
  }
  return "dkb";
}

std::string_view access_name(Bank bank) {
  switch (bank) {
    case Bank::aak:
      return "aak-main";
    case Bank::km:
      return "km-main";
    case Bank::dkb:
      break;
  }
  return "dkb-main";
}

Credentials default_credentials(Bank bank) {
  const std::string name(bank_name(bank));
  const std::string user = bank == Bank::km ? "sandbox-km-user" : "sandbox-" + name + "-client";
  return {user, "sandbox-" + name + "-secret"};
}

std::vector<std::string> dkb_collective_ibans() {
  return {"DE45120300001234567890", make_de_iban("12030000", 1234567891)};
}

std::string aak_trust_iban() {
  return make_de_iban(k_aak_bank_code, 9900000001);
}

std::string make_de_iban(std::string_view bank_code, std::uint64_t account) {
  const std::string bban = fmt::format("{}{:010}", bank_code, account % 10000000000ULL);
  // ISO 13616: BBAN + "DE00" with letters as numbers (D=13, E=14), mod 97, check = 98 - rest.
  const std::string digits = bban + "131400";
  unsigned rest = 0;
  for (const char c : digits)
    rest = (rest * 10 + static_cast<unsigned>(c - '0')) % 97;
  return fmt::format("DE{:02}{}", 98 - rest, bban);
}

}  // namespace kaution::sandbox
