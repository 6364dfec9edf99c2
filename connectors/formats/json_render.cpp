#include "connectors/formats/json_render.hpp"

namespace kaution::formats {
namespace {

using nlohmann::json;

json party_json(const Party& party) {
  json out = {{"name", party.name}, {"iban", party.iban}};
  if (!party.other_id.empty()) out["account"] = party.other_id;
  if (!party.bic.empty()) out["bic"] = party.bic;
  return out;
}

json optional_date(const std::optional<StatementDate>& date) {
  return date ? json(date->to_string()) : json(nullptr);
}

json transaction_json(const Transaction& tx) {
  json out = {
      {"amount_cents", tx.amount ? json(tx.amount->cents()) : json(nullptr)},
      {"currency", tx.currency()},
      {"booking_ref", tx.booking_ref()},
      {"end_to_end_id", tx.end_to_end_id()},
      {"mandate_id", tx.mandate_id()},
      {"tx_id", tx.tx_id()},
      {"account_servicer_ref", tx.account_servicer_ref()},
      {"remittance", tx.remittance_text()},
      {"remittance_lines", tx.remittance()},
      {"creditor_ref", tx.creditor_ref()},
      {"debtor", party_json(tx.debtor())},
      {"creditor", party_json(tx.creditor())},
      {"ultimate_debtor", tx.ultimate_debtor()},
      {"ultimate_creditor", tx.ultimate_creditor()},
      {"additional_info", tx.additional_info()},
      {"return_reason", tx.return_reason()},
  };
  if (!tx.customer_ref().empty()) out["customer_ref"] = tx.customer_ref();
  if (!tx.creditor_scheme_id().empty()) out["creditor_scheme_id"] = tx.creditor_scheme_id();
  return out;
}

json entry_json(const Entry& entry) {
  const BankTxCode code = entry.bank_tx_code();
  json txs = json::array();
  for (const Transaction& tx : entry.transactions)
    txs.push_back(transaction_json(tx));
  return {
      {"ref", entry.ref()},
      {"account_servicer_ref", entry.account_servicer_ref()},
      {"booking_ref", entry.booking_ref()},
      {"amount_cents", entry.amount.cents()},
      {"currency", entry.currency()},
      {"credit_debit", entry.credit ? "CRDT" : "DBIT"},
      {"status", to_code(entry.status)},
      {"reversal", entry.reversal},
      {"booking_date", optional_date(entry.booking_date())},
      {"value_date", optional_date(entry.value_date())},
      {"bank_tx_code",
       {{"domain", code.domain},
        {"family", code.family},
        {"subfamily", code.subfamily},
        {"proprietary", code.proprietary},
        {"issuer", code.issuer}}},
      {"additional_info", entry.additional_info()},
      {"transactions", std::move(txs)},
  };
}

json statement_json(const Statement& s) {
  json balances = json::array();
  for (const Balance& b : s.balances)
    balances.push_back({{"type", b.type},
                        {"amount_cents", b.amount.cents()},
                        {"currency", b.currency},
                        {"date", optional_date(b.date)}});
  json entries = json::array();
  for (const Entry& e : s.entries)
    entries.push_back(entry_json(e));
  json account = {{"iban", s.account.iban}, {"currency", s.account.currency}};
  if (!s.account.other_id.empty()) account["other_id"] = s.account.other_id;
  if (!s.account.owner.empty()) account["owner"] = s.account.owner;
  return {{"id", s.id},
          {"sequence_number", s.sequence_number},
          {"created", s.created},
          {"from", s.from},
          {"to", s.to},
          {"account", std::move(account)},
          {"balances", std::move(balances)},
          {"entries", std::move(entries)},
          {"warnings", s.warnings}};
}

}  // namespace

json to_json(const Document& document) {
  json statements = json::array();
  for (const Statement& s : document.statements)
    statements.push_back(statement_json(s));
  return {
      {"file", document.file}, {"format", document.format}, {"statements", std::move(statements)}};
}

json to_json(const ParseError& error) {
  return {{"file", error.file},
          {"where", error.where},
          {"reason", error.reason},
          {"not_a_statement", error.not_a_statement},
          {"message", error.message()}};
}

json to_json(const ParsedFile& file) {
  json out = {{"documents", json::array()}, {"errors", json::array()}};
  for (const Document& d : file.documents)
    out["documents"].push_back(to_json(d));
  for (const ParseError& e : file.errors)
    out["errors"].push_back(to_json(e));
  return out;
}

json to_json(const std::vector<ParsedFile>& files) {
  json out = {{"documents", json::array()}, {"errors", json::array()}};
  for (const ParsedFile& file : files) {
    json one = to_json(file);
    for (json& d : one["documents"])
      out["documents"].push_back(std::move(d));
    for (json& e : one["errors"])
      out["errors"].push_back(std::move(e));
  }
  return out;
}

}  // namespace kaution::formats
