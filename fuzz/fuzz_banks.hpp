#pragma once
// Shared by the bank answer fuzz targets: a small directory of deposits the answers may name
// (contract numbers, aak vIBANs, dkb sub-accounts and bank references as the sandbox makes
// them), and the check that a refusal says why.

#include <cstdlib>
#include <string>

#include "connectors/connector.hpp"

namespace kaution::fuzz {

inline DepositDirectory sample_directory() {
  DepositDirectory d;
  const char* contracts[] = {"1.080000.1000", "2.080000.1000", "2.080000.1001", "3.080000.1000"};
  for (const char* c : contracts) {
    d.contracts.add(c);
    d.by_contract.emplace(c, std::string("dep-") + c);
  }
  d.by_account.add("DE02550104000000001000", "dep-1.080000.1000");
  d.by_account.add("DKB-KT-0000001", "dep-3.080000.1000");
  d.by_bank_ref.emplace("KM-000001", "dep-2.080000.1000");
  d.by_bank_ref.emplace("8f0c5a6e-0000-4000-8000-000000000001", "dep-1.080000.1000");
  return d;
}

// A failure must name what went wrong.
template <typename T>
void check(const Result<T>& result) {
  if (!result && result.error().message.empty()) std::abort();
}

}  // namespace kaution::fuzz
