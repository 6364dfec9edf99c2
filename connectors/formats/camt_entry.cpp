#include "connectors/formats/camt_entry.hpp"

#include <vector>

namespace kaution::formats::camt {
namespace {

ElementResult<EntryStatus> status_of(pugi::xml_node ntry, pugi::xml_node sts) {
  if (!sts) return std::unexpected(ElementError{ntry, "missing Sts"});
  std::string code = text(sts);
  if (code.empty()) code = text_at(sts, {"Cd"});
  if (code.empty()) code = text_at(sts, {"Prtry"});
  if (code == "BOOK") return EntryStatus::booked;
  if (code == "PDNG" || code == "FUTR") return EntryStatus::pending;
  if (code == "INFO") return EntryStatus::info;
  return std::unexpected(ElementError{sts, "unknown entry status \"" + code + "\""});
}

ElementResult<bool> reversal_of(pugi::xml_node ind) {
  const std::string value = text(ind);
  if (!ind || value == "false" || value == "0") return false;
  if (value == "true" || value == "1") return true;
  return std::unexpected(ElementError{ind, "RvslInd must be true or false"});
}

BankTxCode bank_tx_code_of(pugi::xml_node code) {
  BankTxCode out;
  const pugi::xml_node domain = child(code, "Domn");
  out.domain = text_at(domain, {"Cd"});
  out.family = text_at(domain, {"Fmly", "Cd"});
  out.subfamily = text_at(domain, {"Fmly", "SubFmlyCd"});
  out.proprietary = text_at(code, {"Prtry", "Cd"});
  out.issuer = text_at(code, {"Prtry", "Issr"});
  return out;
}

// Party: v01–v07 <Dbtr><Nm>…, v08+ <Dbtr><Pty><Nm>…
std::string party_name(pugi::xml_node party) {
  if (pugi::xml_node pty = child(party, "Pty")) party = pty;
  return text_at(party, {"Nm"});
}

void read_account(pugi::xml_node account, Party& party) {
  const pugi::xml_node id = child(account, "Id");
  party.iban = text_at(id, {"IBAN"});
  if (party.iban.empty()) party.other_id = text_at(id, {"Othr", "Id"});
}

std::string agent_bic(pugi::xml_node agent) {
  const pugi::xml_node inst = child(agent, "FinInstnId");
  std::string bic = text_at(inst, {"BICFI"});
  return bic.empty() ? text_at(inst, {"BIC"}) : bic;
}

void read_parties(pugi::xml_node parties, Transaction& out) {
  for_each_child(parties, [&](std::string_view name, pugi::xml_node c) {
    if (name == "Dbtr")
      out.debtor.name = party_name(c);
    else if (name == "Cdtr")
      out.creditor.name = party_name(c);
    else if (name == "DbtrAcct")
      read_account(c, out.debtor);
    else if (name == "CdtrAcct")
      read_account(c, out.creditor);
    else if (name == "UltmtDbtr")
      out.ultimate_debtor = party_name(c);
    else if (name == "UltmtCdtr")
      out.ultimate_creditor = party_name(c);
  });
}

void read_agents(pugi::xml_node agents, Transaction& out) {
  for_each_child(agents, [&](std::string_view name, pugi::xml_node c) {
    if (name == "DbtrAgt")
      out.debtor.bic = agent_bic(c);
    else if (name == "CdtrAgt")
      out.creditor.bic = agent_bic(c);
  });
}

void read_refs(pugi::xml_node refs, Transaction& out) {
  for_each_child(refs, [&](std::string_view name, pugi::xml_node c) {
    if (name == "EndToEndId")
      out.end_to_end_id = text(c);
    else if (name == "MndtId")
      out.mandate_id = text(c);
    else if (name == "TxId")
      out.tx_id = text(c);
    else if (name == "AcctSvcrRef")
      out.account_servicer_ref = text(c);
  });
}

void read_remittance(pugi::xml_node info, Transaction& out) {
  for (pugi::xml_node c = info.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c);
    if (name == "Ustrd") {
      out.remittance.push_back(text(c));
    } else if (name == "Strd" && out.creditor_ref.empty()) {
      out.creditor_ref = text_at(c, {"CdtrRefInf", "Ref"});
    }
  }
}

// The transaction amount: TxDtls/Amt, else AmtDtls/InstdAmt, else AmtDtls/TxAmt.
ElementResult<void> read_tx_amount(pugi::xml_node tx, bool entry_credit, Transaction& out) {
  pugi::xml_node amt = child(tx, "Amt");
  if (!amt) amt = descend(tx, {"AmtDtls", "InstdAmt", "Amt"});
  if (!amt) amt = descend(tx, {"AmtDtls", "TxAmt", "Amt"});
  if (!amt) return {};
  bool credit = entry_credit;
  if (child(tx, "CdtDbtInd")) {
    auto ind = credit_of(tx);
    if (!ind) return std::unexpected(ind.error());
    credit = *ind;
  }
  auto value = amount_of(amt, credit, &out.currency);
  if (!value) return std::unexpected(value.error());
  out.amount = *value;
  return {};
}

// Fills `out` in place (transactions are large: no moves).
ElementResult<void> read_transaction(pugi::xml_node tx, bool entry_credit, Transaction& out) {
  if (auto amount = read_tx_amount(tx, entry_credit, out); !amount)
    return std::unexpected(amount.error());
  for_each_child(tx, [&](std::string_view name, pugi::xml_node c) {
    if (name == "Refs")
      read_refs(c, out);
    else if (name == "RltdPties")
      read_parties(c, out);
    else if (name == "RltdAgts")
      read_agents(c, out);
    else if (name == "RmtInf")
      read_remittance(c, out);
    else if (name == "AddtlTxInf")
      out.additional_info = text(c);
    else if (name == "RtrInf") {
      const pugi::xml_node reason = child(c, "Rsn");
      out.return_reason = text_at(reason, {"Cd"});
      if (out.return_reason.empty()) out.return_reason = text_at(reason, {"Prtry"});
    }
  });
  return {};
}

// The children of an Ntry, found in one pass.
struct EntryNodes {
  pugi::xml_node amt, ind, reversal, status, booking, value, ref, servicer_ref, code, info;
  std::vector<pugi::xml_node> details;
};

EntryNodes entry_nodes(pugi::xml_node ntry) {
  EntryNodes n;
  for_each_child(ntry, [&](std::string_view name, pugi::xml_node c) {
    if (name == "Amt")
      n.amt = c;
    else if (name == "CdtDbtInd")
      n.ind = c;
    else if (name == "RvslInd")
      n.reversal = c;
    else if (name == "Sts")
      n.status = c;
    else if (name == "BookgDt")
      n.booking = c;
    else if (name == "ValDt")
      n.value = c;
    else if (name == "NtryRef")
      n.ref = c;
    else if (name == "AcctSvcrRef")
      n.servicer_ref = c;
    else if (name == "BkTxCd")
      n.code = c;
    else if (name == "AddtlNtryInf")
      n.info = c;
    else if (name == "NtryDtls")
      n.details.push_back(c);
  });
  return n;
}

ElementResult<void> read_transactions(const EntryNodes& nodes, Entry& entry) {
  for (pugi::xml_node details : nodes.details) {
    for (pugi::xml_node tx = details.first_child(); tx; tx = tx.next_sibling()) {
      if (local_name(tx) != "TxDtls") continue;
      auto read = read_transaction(tx, entry.credit, entry.transactions.emplace_back());
      if (!read) return std::unexpected(read.error());
    }
  }
  // A single transaction without an amount of its own is the whole entry.
  if (entry.transactions.size() == 1 && !entry.transactions.front().amount) {
    entry.transactions.front().amount = entry.amount;
    entry.transactions.front().currency = entry.currency;
  }
  return {};
}

ElementResult<void> read_dates(const EntryNodes& nodes, Entry& entry) {
  if (nodes.booking) {
    auto date = date_of(nodes.booking);
    if (!date) return std::unexpected(date.error());
    entry.booking_date = std::move(*date);
  }
  if (nodes.value) {
    auto date = date_of(nodes.value);
    if (!date) return std::unexpected(date.error());
    entry.value_date = std::move(*date);
  }
  return {};
}

}  // namespace

ElementResult<void> read_entry(pugi::xml_node ntry, Entry& entry) {
  const EntryNodes nodes = entry_nodes(ntry);
  auto credit = credit_of(ntry);
  if (!credit) return std::unexpected(credit.error());
  entry.credit = *credit;
  if (!nodes.amt) return std::unexpected(ElementError{ntry, "missing Amt"});
  auto amount = amount_of(nodes.amt, entry.credit, &entry.currency);
  if (!amount) return std::unexpected(amount.error());
  entry.amount = *amount;
  auto reversal = reversal_of(nodes.reversal);
  if (!reversal) return std::unexpected(reversal.error());
  entry.reversal = *reversal;
  auto status = status_of(ntry, nodes.status);
  if (!status) return std::unexpected(status.error());
  entry.status = *status;
  if (auto dates = read_dates(nodes, entry); !dates) return std::unexpected(dates.error());
  entry.ref = text(nodes.ref);
  entry.account_servicer_ref = text(nodes.servicer_ref);
  entry.bank_tx_code = bank_tx_code_of(nodes.code);
  entry.additional_info = text(nodes.info);
  if (auto txs = read_transactions(nodes, entry); !txs) return std::unexpected(txs.error());
  return {};
}

}  // namespace kaution::formats::camt
