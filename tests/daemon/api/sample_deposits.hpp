#pragma once
// Test support: deposits as the ledger sends them, with valid IBANs.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace kaution::test {

// A German IBAN with valid check digits for a 10-digit account at bank code 55010400.
std::string de_iban(std::uint64_t account);

// A valid aak deposit (§551-clean): agreed 1340.00 in one instalment due on valid_from
// 2026-01-01, net cold rent 670.00, a tenant "Schmidt, Natalie", a virtual IBAN derived from
// `number`.
nlohmann::json aak_deposit(const std::string& id, const std::string& contract,
                           std::uint64_t number = 1);

}  // namespace kaution::test
