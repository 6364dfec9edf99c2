#include "connectors/formats/camt_statement.hpp"

namespace kaution::formats::camt {
namespace {

Account account_of(pugi::xml_node acct) {
  Account out;
  const pugi::xml_node id = child(acct, "Id");
  out.iban = text_at(id, {"IBAN"});
  if (out.iban.empty()) out.other_id = text_at(id, {"Othr", "Id"});
  if (out.iban.empty() && out.other_id.empty()) out.other_id = text_at(id, {"PrtryAcct", "Id"});
  out.currency = text_at(acct, {"Ccy"});
  out.owner = text_at(acct, {"Ownr", "Nm"});
  if (out.owner.empty()) out.owner = text_at(acct, {"Nm"});
  return out;
}

// v02+: Tp/CdOrPrtry/{Cd|Prtry}; v01: Tp/{Cd|Prtry}.
std::string balance_type(pugi::xml_node bal) {
  pugi::xml_node type = child(bal, "Tp");
  if (pugi::xml_node choice = child(type, "CdOrPrtry")) type = choice;
  const std::string_view code = text_at(type, {"Cd"});
  return std::string(code.empty() ? text_at(type, {"Prtry"}) : code);
}

ElementResult<Balance> balance_of(pugi::xml_node bal) {
  Balance out;
  out.type = balance_type(bal);
  if (out.type.empty()) return std::unexpected(ElementError{bal, "balance without type"});
  auto credit = credit_of(bal);
  if (!credit) return std::unexpected(credit.error());
  const pugi::xml_node amt = child(bal, "Amt");
  if (!amt) return std::unexpected(ElementError{bal, "missing Amt"});
  std::string_view currency;
  auto amount = amount_of(amt, *credit, &currency);
  if (!amount) return std::unexpected(amount.error());
  out.currency = currency;
  out.amount = *amount;
  if (pugi::xml_node dt = child(bal, "Dt")) {
    auto date = date_of(dt);
    if (!date) return std::unexpected(date.error());
    out.date = std::move(*date);
  }
  return out;
}

}  // namespace

ElementResult<Statement> read_statement_header(pugi::xml_node record) {
  Statement out;
  out.id = text_at(record, {"Id"});
  out.sequence_number = text_at(record, {"ElctrncSeqNb"});
  out.created = text_at(record, {"CreDtTm"});
  const pugi::xml_node period = child(record, "FrToDt");
  out.from = text_at(period, {"FrDtTm"});
  out.to = text_at(period, {"ToDtTm"});
  out.account = account_of(child(record, "Acct"));
  for (pugi::xml_node c = record.first_child(); c; c = c.next_sibling()) {
    if (local_name(c) != "Bal") continue;
    auto balance = balance_of(c);
    if (!balance) return std::unexpected(balance.error());
    out.balances.push_back(std::move(*balance));
  }
  return out;
}

}  // namespace kaution::formats::camt
