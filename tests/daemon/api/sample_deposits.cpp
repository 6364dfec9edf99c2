#include "tests/daemon/api/sample_deposits.hpp"

namespace kaution::test {
namespace {

// The IBAN check digits: 98 - (BBAN + "DE00" as digits) mod 97.
std::string check_digits(const std::string& bban) {
  const std::string digits = bban + "131400";  // D=13, E=14, "00"
  unsigned remainder = 0;
  for (char c : digits)
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  const unsigned check = 98 - remainder;
  return (check < 10 ? "0" : "") + std::to_string(check);
}

std::string ten_digits(std::uint64_t n) {
  std::string s = std::to_string(n % 10000000000ULL);
  return std::string(10 - s.size(), '0') + s;
}

}  // namespace

std::string de_iban(std::uint64_t account) {
  const std::string bban = "55010400" + ten_digits(account);
  return "DE" + check_digits(bban) + bban;
}

nlohmann::json aak_deposit(const std::string& id, const std::string& contract,
                           std::uint64_t number) {
  return {{"deposit_id", id},
          {"rental_contract_no", contract},
          {"object_no", "P1096"},
          {"object_label", "Mittelweg 30, Dortmund"},
          {"object_owner", "Wohnbau Dortmund GmbH"},
          {"unit_no", "10006.1.340"},
          {"connector", "aak"},
          {"access", "aak-main"},
          {"parties",
           {{{"role", "tenant"},
             {"salutation", "Frau"},
             {"first_name", "Natalie"},
             {"last_name", "Schmidt"},
             {"address",
              {{"street", "Mittelweg 30"},
               {"postcode", "44267"},
               {"city", "Dortmund"},
               {"country", "DE"}}}}}},
          {"account_holder", "Natalie Schmidt"},
          {"agreed_amount", "1340.00"},
          {"instalments", {{{"due_date", "2026-01-01"}, {"amount", "1340.00"}}}},
          {"valid_from", "2026-01-01"},
          {"valid_until", nullptr},
          {"virtual_iban", de_iban(7223330 + number)},
          {"net_cold_rent", "670.00"},
          {"residential", true}};
}

}  // namespace kaution::test
