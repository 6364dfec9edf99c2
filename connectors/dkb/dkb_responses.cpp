#include "connectors/dkb/dkb_responses.hpp"

#include "connectors/aak/json_answer.hpp"

namespace kaution::dkb {
namespace {

using connectors::JsonPart;

BalanceItem balance_item(const JsonPart& item) {
  BalanceItem out;
  out.collective_iban = item.optional_text("collectiveIban");
  out.contract_no = item.optional_text("contractNumber");
  out.sub_account = item.optional_text("subAccount");
  if (!out.contract_no && !out.sub_account) item.fail("", "neither contractNumber nor subAccount");
  out.balance = item.money("balance");
  out.as_of = item.date("asOf");
  return out;
}

UnassignedAccount unassigned_account(const JsonPart& item) {
  UnassignedAccount out;
  out.iban = item.text("iban");
  out.count = item.integer("count");
  if (out.count < 0) item.fail("count", "negative");
  for (const JsonPart& booking : item.objects("bookings"))
    out.references.push_back(booking.text("reference"));
  return out;
}

}  // namespace

Result<std::string> read_tenancy_accepted(std::string_view what, const std::string& body) {
  return connectors::read_answer(what, body,
                                 [](const JsonPart& root) { return root.text("subAccount"); });
}

Result<std::vector<BalanceItem>> read_balances(std::string_view what, const std::string& body) {
  return connectors::read_answer(what, body, [](const JsonPart& root) {
    std::vector<BalanceItem> out;
    for (const JsonPart& item : root.objects("items"))
      out.push_back(balance_item(item));
    return out;
  });
}

Result<std::vector<UnassignedAccount>> read_unassigned(std::string_view what,
                                                       const std::string& body) {
  return connectors::read_answer(what, body, [](const JsonPart& root) {
    std::vector<UnassignedAccount> out;
    for (const JsonPart& item : root.objects("items"))
      out.push_back(unassigned_account(item));
    return out;
  });
}

Result<std::optional<std::string>> read_booking_contract(std::string_view what,
                                                         const std::string& body) {
  return connectors::read_answer(what, body, [](const JsonPart& root) {
    auto contract = root.optional_text("contractNumber");
    if (contract && contract->empty()) contract.reset();
    return contract;
  });
}

}  // namespace kaution::dkb
