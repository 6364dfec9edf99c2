#include "connectors/aak/aak_responses.hpp"

#include "connectors/aak/json_answer.hpp"

namespace kaution::aak {
namespace {

using connectors::JsonPart;

BalanceItem balance_item(const JsonPart& item) {
  BalanceItem out;
  out.uuid = item.optional_text("uuid");
  out.contract_no = item.optional_text("contractNumber");
  out.virtual_iban = item.optional_text("virtualIban");
  if (!out.uuid && !out.contract_no && !out.virtual_iban)
    item.fail("", "neither uuid, contractNumber nor virtualIban");
  out.balance = item.money("balance");
  out.as_of = item.date("asOf");
  if (const auto currency = item.optional_text("currency"); currency && *currency != "EUR")
    item.fail("currency", "not EUR");
  return out;
}

InterestDistribution distribution(const JsonPart& item, const DepositDirectory& directory) {
  const std::string uuid = item.text("uuid");
  const auto deposit = directory.by_bank_ref.find(uuid);
  const JsonPart period = item.object("period");
  return InterestDistribution{
      .deposit_id = deposit == directory.by_bank_ref.end() ? "" : deposit->second,
      .contract_no = item.optional_text("contractNumber").value_or(""),
      .period_from = period.date("from"),
      .period_to = period.date("to"),
      .rate = item.decimal_text("rate"),
      .gross = item.money("gross"),
      .withholding_tax = item.money("withholdingTax"),
      .solidarity_surcharge = item.money("solidaritySurcharge"),
      .church_tax = item.money("churchTax"),
      .net = item.money("net")};
}

}  // namespace

Result<std::string> read_accepted(std::string_view what, const std::string& body) {
  return connectors::read_answer(what, body,
                                 [](const JsonPart& root) { return root.text("uuid"); });
}

Result<StatementList> read_statement_list(std::string_view what, const std::string& body) {
  return connectors::read_answer(what, body, [](const JsonPart& root) {
    StatementList out;
    for (const JsonPart& item : root.objects("items"))
      out.ids.push_back(item.text("id"));
    out.next = root.optional_text("next");
    if (out.next && out.next->empty()) out.next.reset();
    return out;
  });
}

Result<BalancePage> read_balance_page(std::string_view what, const std::string& body) {
  return connectors::read_answer(what, body, [](const JsonPart& root) {
    BalancePage out;
    for (const JsonPart& item : root.objects("items"))
      out.items.push_back(balance_item(item));
    out.total = root.integer("total");
    if (out.total < 0) root.fail("total", "negative");
    return out;
  });
}

Result<std::vector<InterestDistribution>> read_interest_distributions(
    std::string_view what, const std::string& body, const DepositDirectory& directory) {
  return connectors::read_answer(what, body, [&](const JsonPart& root) {
    std::vector<InterestDistribution> out;
    for (const JsonPart& item : root.objects("items"))
      out.push_back(distribution(item, directory));
    return out;
  });
}

}  // namespace kaution::aak
