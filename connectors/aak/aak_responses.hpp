#pragma once
// Reading the JSON answers of the aak profile (specs/aak.md). Each answer is read whole or
// fails with class protocol naming the offending part.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/connector.hpp"

namespace kaution::aak {

// 200/201 {"uuid": …, "state": "ACCEPTED"} → the uuid.
Result<std::string> read_accepted(std::string_view what, const std::string& body);

// {"items": [{"id", "date", "entries"}], "next": …} → ids in order, and the cursor of the rest.
struct StatementList {
  std::vector<std::string> ids;
  std::optional<std::string> next;
};
Result<StatementList> read_statement_list(std::string_view what, const std::string& body);

struct BalanceItem {
  std::optional<std::string> uuid;
  std::optional<std::string> contract_no;
  std::optional<std::string> virtual_iban;
  Money balance;
  Date as_of = Date::from_days(0);
};
struct BalancePage {
  std::vector<BalanceItem> items;
  std::int64_t total = 0;
};
// {"items": [...], "page", "pageSize", "total"}; a currency other than EUR is protocol.
Result<BalancePage> read_balance_page(std::string_view what, const std::string& body);

// {"items": [{"uuid", "period": {"from", "to"}, "rate", "gross", …}]}; each assigned by uuid
// (directory.by_bank_ref), deposit_id empty when unknown.
Result<std::vector<InterestDistribution>> read_interest_distributions(
    std::string_view what, const std::string& body, const DepositDirectory& directory);

}  // namespace kaution::aak
