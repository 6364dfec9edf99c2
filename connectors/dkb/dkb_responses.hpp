#pragma once
// Reading the JSON answers of the dkb profile (specs/dkb.md). Each answer is read whole or
// fails with class protocol naming the offending part.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/money.hpp"

namespace kaution::dkb {

// 200/201 {"subAccount": "DKB-KT-0000917", "status": "OPEN"} → the sub-account.
Result<std::string> read_tenancy_accepted(std::string_view what, const std::string& body);

struct BalanceItem {
  std::optional<std::string> collective_iban;
  std::optional<std::string> contract_no;
  std::optional<std::string> sub_account;
  Money balance;
  Date as_of = Date::from_days(0);
};
// {"items": [{"collectiveIban", "contractNumber", "subAccount", "balance", "asOf"}]}
Result<std::vector<BalanceItem>> read_balances(std::string_view what, const std::string& body);

struct UnassignedAccount {
  std::string iban;
  std::int64_t count = 0;
  std::vector<std::string> references;  // of the bookings listed
};
// {"items": [{"iban", "count", "bookings": [{"reference", …}]}]}
Result<std::vector<UnassignedAccount>> read_unassigned(std::string_view what,
                                                       const std::string& body);

// {"reference", "contractNumber"} → the contract number; nullopt when it is null or absent.
Result<std::optional<std::string>> read_booking_contract(std::string_view what,
                                                         const std::string& body);

}  // namespace kaution::dkb
