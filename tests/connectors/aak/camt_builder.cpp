#include "tests/connectors/aak/camt_builder.hpp"

#include "core/money.hpp"

namespace kaution::test {
namespace {

std::string element(const std::string& name, const std::string& content) {
  return "<" + name + ">" + content + "</" + name + ">";
}

std::string amount(const std::string& value) {
  return "<Amt Ccy=\"EUR\">" + value + "</Amt>";
}

std::string party(const std::string& version, const std::string& name) {
  return version == "02" ? element("Nm", name) : element("Pty", element("Nm", name));
}

// An IBAN, or another account id (one with a '-', like DKB's sub-accounts "DKB-KT-…").
std::string account(const std::string& id) {
  if (id.find('-') != std::string::npos) return element("Id", element("Othr", element("Id", id)));
  return element("Id", element("IBAN", id));
}

std::string parties(const std::string& version, const CamtTx& tx) {
  std::string out;
  if (!tx.debtor_name.empty()) out += element("Dbtr", party(version, tx.debtor_name));
  if (!tx.debtor_iban.empty()) out += element("DbtrAcct", account(tx.debtor_iban));
  if (!tx.creditor_name.empty()) out += element("Cdtr", party(version, tx.creditor_name));
  if (!tx.creditor_iban.empty()) out += element("CdtrAcct", account(tx.creditor_iban));
  return out.empty() ? "" : element("RltdPties", out);
}

std::string transaction(const std::string& version, const CamtTx& tx) {
  std::string out;
  if (!tx.end_to_end_id.empty()) out += element("Refs", element("EndToEndId", tx.end_to_end_id));
  if (!tx.amount.empty()) out += amount(tx.amount);
  out += parties(version, tx);
  if (!tx.remittance.empty()) out += element("RmtInf", element("Ustrd", tx.remittance));
  if (!tx.additional_info.empty()) out += element("AddtlTxInf", tx.additional_info);
  return element("TxDtls", out);
}

std::string bank_code(const CamtEntry& e) {
  std::string out;
  if (!e.domain.empty())
    out += element(
        "Domn", element("Cd", e.domain) +
                    element("Fmly", element("Cd", e.family) + element("SubFmlyCd", e.subfamily)));
  if (!e.proprietary.empty())
    out += element("Prtry", element("Cd", e.proprietary) + element("Issr", "DK"));
  return out.empty() ? "" : element("BkTxCd", out);
}

std::string entry(const std::string& version, const CamtEntry& e) {
  std::string out = amount(e.amount) + element("CdtDbtInd", e.credit ? "CRDT" : "DBIT");
  if (e.reversal) out += element("RvslInd", "true");
  out += element("Sts", version == "02" ? "BOOK" : element("Cd", "BOOK"));
  out += element("BookgDt", element("Dt", e.booking_date));
  out += element("ValDt", element("Dt", e.booking_date));
  if (!e.ref.empty()) out += element("AcctSvcrRef", e.ref);
  out += bank_code(e);
  std::string details;
  for (const CamtTx& tx : e.txs)
    details += transaction(version, tx);
  if (!details.empty()) out += element("NtryDtls", details);
  return element("Ntry", out);
}

std::string balance(const std::string& type, Money value, const std::string& date) {
  std::string digits = (value.cents() < 0 ? -value : value).to_string();
  return element("Bal", element("Tp", element("CdOrPrtry", element("Cd", type))) + amount(digits) +
                            element("CdtDbtInd", value.cents() < 0 ? "DBIT" : "CRDT") +
                            element("Dt", element("Dt", date)));
}

std::string statement(const std::string& version, const CamtStatement& s) {
  Money total = Money::from_cents(1000000);
  for (const CamtEntry& e : s.entries) {
    const Money value = *Money::parse(e.amount);
    total += e.credit ? value : -value;
  }
  const std::string date = s.entries.empty() ? "2026-11-20" : s.entries.front().booking_date;
  std::string out = element("Id", s.id) + element("CreDtTm", date + "T18:00:00+01:00") +
                    element("Acct", account(s.iban) + element("Ccy", "EUR")) +
                    balance("OPBD", Money::from_cents(1000000), date) +
                    balance("CLBD", total, date);
  for (const CamtEntry& e : s.entries)
    out += entry(version, e);
  return element("Stmt", out);
}

}  // namespace

std::string camt053(const std::string& version, const std::vector<CamtStatement>& statements) {
  std::string body = element(
      "GrpHdr", element("MsgId", "MSG-1") + element("CreDtTm", "2026-11-20T18:00:00+01:00"));
  for (const CamtStatement& s : statements)
    body += statement(version, s);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." +
         version + "\">" + element("BkToCstmrStmt", body) + "</Document>\n";
}

CamtEntry payment_in(std::string ref, std::string viban, std::string value,
                     std::string remittance) {
  CamtTx tx;
  tx.end_to_end_id = "E2E-" + ref;
  tx.debtor_name = "Natalie Schmidt";
  tx.debtor_iban = "DE02120300000000202051";
  tx.creditor_iban = std::move(viban);
  tx.remittance = std::move(remittance);
  return iso_entry(std::move(ref), true, "PMNT", "RCDT", "ESCT", "", std::move(tx),
                   std::move(value));
}

CamtEntry iso_entry(std::string ref, bool credit, std::string domain, std::string family,
                    std::string subfamily, std::string proprietary, CamtTx tx, std::string value) {
  CamtEntry e;
  e.amount = std::move(value);
  e.credit = credit;
  e.ref = std::move(ref);
  e.domain = std::move(domain);
  e.family = std::move(family);
  e.subfamily = std::move(subfamily);
  e.proprietary = std::move(proprietary);
  e.txs.push_back(std::move(tx));
  return e;
}

}  // namespace kaution::test
