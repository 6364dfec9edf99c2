#pragma once
// Test support: generated camt.053 statements (version 001.08 for aak, 001.02 for dkb), with
// the opening and closing balances adding up.

#include <string>
#include <vector>

namespace kaution::test {

struct CamtTx {
  std::string amount;  // own amount (batches); empty: none
  std::string end_to_end_id;
  std::string debtor_name;
  std::string debtor_iban;
  std::string creditor_name;
  std::string creditor_iban;    // an IBAN, or an other id when it contains '-'
  std::string remittance;       // one Ustrd; empty: no RmtInf
  std::string additional_info;  // AddtlTxInf; empty: none
};

struct CamtEntry {
  std::string amount = "100.00";
  bool credit = true;
  bool reversal = false;
  std::string ref;  // AcctSvcrRef; empty: none
  std::string booking_date = "2026-11-20";
  std::string domain;  // BkTxCd/Domn; empty: no Domn
  std::string family;
  std::string subfamily;
  std::string proprietary;  // BkTxCd/Prtry/Cd; empty: none
  std::vector<CamtTx> txs;
};

struct CamtStatement {
  std::string id = "ST-1";
  std::string iban;
  std::vector<CamtEntry> entries;
};

// `version` "08" or "02": one Document with the statements.
std::string camt053(const std::string& version, const std::vector<CamtStatement>& statements);

// Entries of the aak profile.
CamtEntry payment_in(std::string ref, std::string viban, std::string amount,
                     std::string remittance = "Kaution");
CamtEntry iso_entry(std::string ref, bool credit, std::string domain, std::string family,
                    std::string subfamily, std::string proprietary, CamtTx tx,
                    std::string amount = "10.00");

}  // namespace kaution::test
