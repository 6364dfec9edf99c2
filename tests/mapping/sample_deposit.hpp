#pragma once
// The deposit of specs/ledger-api.md ("A deposit as the ledger sends it"), verbatim, for the
// mapping tests; and a strict UTF-8 check written independently of mapping/text.hpp.

#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "mapping/deposit.hpp"

namespace kaution::test {

inline constexpr std::string_view k_ledger_example = R"json({
  "deposit_id": "D-2021-000184",
  "rental_contract_no": "1.080000.1047",
  "object_no": "P1096", "object_label": "Mittelweg 30, Dortmund",
  "object_owner": "Wohnbau Dortmund GmbH",
  "unit_no": "10006.1.340",
  "connector": "aak", "access": "aak-main",
  "parties": [{
    "role": "tenant", "salutation": "Frau", "first_name": "Natalie", "last_name": "Schmidt",
    "company_name": null, "birth_date": "1990-01-01", "nationality": "DE",
    "address": {"street": "Mittelweg 30", "postcode": "44267", "city": "Dortmund", "country": "DE"}
  }],
  "account_holder": "Lidia Schott",
  "agreed_amount": "1340.00",
  "instalments": [{"due_date": "2021-01-01", "amount": "446.67"},
                  {"due_date": "2021-02-01", "amount": "446.67"},
                  {"due_date": "2021-03-01", "amount": "446.66"}],
  "valid_from": "2021-01-01", "valid_until": null,
  "virtual_iban": "DE14550104000007223330", "trust_account": null, "bank_ref": null,
  "payout_account": {"holder": "Natalie Schmidt", "iban": "DE02120300000000202051"},
  "net_cold_rent": "670.00", "residential": true
})json";

inline nlohmann::json ledger_example_json() {
  return nlohmann::json::parse(k_ledger_example);
}

inline Deposit ledger_example() {
  auto parsed = parse_deposit(ledger_example_json());
  EXPECT_TRUE(parsed.has_value());
  return *parsed;
}

inline Date day(const char* text) {
  return *Date::parse(text);
}

inline Money eur(const char* text) {
  return *Money::parse(text);
}

inline Iban iban(const char* text) {
  return *Iban::parse(text);
}

// Well-formed UTF-8 per the Unicode standard, table 3-7 (independent of mapping/text.hpp).
inline bool well_formed_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
    return k < s.size() && at(k) >= lo && at(k) <= hi;
  };
  while (i < s.size()) {
    const unsigned b = at(i);
    if (b <= 0x7F) {
      i += 1;
    } else if (b >= 0xC2 && b <= 0xDF && in(i + 1, 0x80, 0xBF)) {
      i += 2;
    } else if (b == 0xE0 && in(i + 1, 0xA0, 0xBF) && in(i + 2, 0x80, 0xBF)) {
      i += 3;
    } else if (((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) && in(i + 1, 0x80, 0xBF) &&
               in(i + 2, 0x80, 0xBF)) {
      i += 3;
    } else if (b == 0xED && in(i + 1, 0x80, 0x9F) && in(i + 2, 0x80, 0xBF)) {
      i += 3;
    } else if (b == 0xF0 && in(i + 1, 0x90, 0xBF) && in(i + 2, 0x80, 0xBF) &&
               in(i + 3, 0x80, 0xBF)) {
      i += 4;
    } else if (b >= 0xF1 && b <= 0xF3 && in(i + 1, 0x80, 0xBF) && in(i + 2, 0x80, 0xBF) &&
               in(i + 3, 0x80, 0xBF)) {
      i += 4;
    } else if (b == 0xF4 && in(i + 1, 0x80, 0x8F) && in(i + 2, 0x80, 0xBF) &&
               in(i + 3, 0x80, 0xBF)) {
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

inline std::string repeat(std::string_view unit, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i)
    out += unit;
  return out;
}

}  // namespace kaution::test
