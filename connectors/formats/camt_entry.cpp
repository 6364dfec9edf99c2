#include "connectors/formats/camt_entry.hpp"

#include <vector>

namespace kaution::formats::camt {
namespace {

ElementResult<EntryStatus> status_of(pugi::xml_node ntry, pugi::xml_node sts) {
  if (!sts) return std::unexpected(ElementError{ntry, "missing Sts"});
  std::string_view code = text(sts);
  if (code.empty()) code = text_at(sts, {"Cd"});
  if (code.empty()) code = text_at(sts, {"Prtry"});
  if (code == "BOOK") return EntryStatus::booked;
  if (code == "PDNG" || code == "FUTR") return EntryStatus::pending;
  if (code == "INFO") return EntryStatus::info;
  return std::unexpected(
      ElementError{sts, "unknown entry status \"" + std::string(code.substr(0, 40)) + "\""});
}

ElementResult<bool> reversal_of(pugi::xml_node ind) {
  const std::string_view value = text(ind);
  if (!ind || value == "false" || value == "0") return false;
  if (value == "true" || value == "1") return true;
  return std::unexpected(ElementError{ind, "RvslInd must be true or false"});
}

void read_bank_tx_code(pugi::xml_node code, TextFieldsWriter& out) {
  const pugi::xml_node domain = child(code, "Domn");
  out.set(TextField::domain, text_at(domain, {"Cd"}));
  out.set(TextField::family, text_at(domain, {"Fmly", "Cd"}));
  out.set(TextField::subfamily, text_at(domain, {"Fmly", "SubFmlyCd"}));
  out.set(TextField::proprietary, text_at(code, {"Prtry", "Cd"}));
  out.set(TextField::issuer, text_at(code, {"Prtry", "Issr"}));
}

// Party: v01–v07 <Dbtr><Nm>…, v08+ <Dbtr><Pty><Nm>…
std::string_view party_name(pugi::xml_node party) {
  if (pugi::xml_node pty = child(party, "Pty")) party = pty;
  return text_at(party, {"Nm"});
}

void read_account(pugi::xml_node account, TextField iban, TextFieldsWriter& out) {
  const pugi::xml_node id = child(account, "Id");
  const std::string_view value = text_at(id, {"IBAN"});
  out.set(iban, value);
  // The other id follows the IBAN field (debtor_iban → debtor_other_id).
  if (value.empty())
    out.set(static_cast<TextField>(static_cast<int>(iban) + 1), text_at(id, {"Othr", "Id"}));
}

std::string_view agent_bic(pugi::xml_node agent) {
  const pugi::xml_node inst = child(agent, "FinInstnId");
  const std::string_view bic = text_at(inst, {"BICFI"});
  return bic.empty() ? text_at(inst, {"BIC"}) : bic;
}

void read_parties(pugi::xml_node parties, TextFieldsWriter& out) {
  for_each_child(parties, [&](std::string_view name, pugi::xml_node c) {
    if (name == "Dbtr")
      out.set(TextField::debtor_name, party_name(c));
    else if (name == "Cdtr")
      out.set(TextField::creditor_name, party_name(c));
    else if (name == "DbtrAcct")
      read_account(c, TextField::debtor_iban, out);
    else if (name == "CdtrAcct")
      read_account(c, TextField::creditor_iban, out);
    else if (name == "UltmtDbtr")
      out.set(TextField::ultimate_debtor, party_name(c));
    else if (name == "UltmtCdtr")
      out.set(TextField::ultimate_creditor, party_name(c));
  });
}

void read_agents(pugi::xml_node agents, TextFieldsWriter& out) {
  for_each_child(agents, [&](std::string_view name, pugi::xml_node c) {
    if (name == "DbtrAgt")
      out.set(TextField::debtor_bic, agent_bic(c));
    else if (name == "CdtrAgt")
      out.set(TextField::creditor_bic, agent_bic(c));
  });
}

void read_refs(pugi::xml_node refs, TextFieldsWriter& out) {
  for_each_child(refs, [&](std::string_view name, pugi::xml_node c) {
    if (name == "EndToEndId")
      out.set(TextField::end_to_end_id, text(c));
    else if (name == "MndtId")
      out.set(TextField::mandate_id, text(c));
    else if (name == "TxId")
      out.set(TextField::tx_id, text(c));
    else if (name == "AcctSvcrRef")
      out.set(TextField::account_servicer_ref, text(c));
  });
}

// Ustrd lines are joined with '\n' into `lines` (which must outlive the commit).
void read_remittance(pugi::xml_node info, std::string& lines, TextFieldsWriter& out,
                     bool& have_creditor_ref) {
  for (pugi::xml_node c = info.first_child(); c; c = c.next_sibling()) {
    const std::string_view name = local_name(c);
    if (name == "Ustrd") {
      if (!lines.empty()) lines += '\n';
      lines += text(c);
    } else if (name == "Strd" && !have_creditor_ref) {
      const std::string_view ref = text_at(c, {"CdtrRefInf", "Ref"});
      out.set(TextField::creditor_ref, ref);
      have_creditor_ref = !ref.empty();
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
  std::string_view currency;
  auto value = amount_of(amt, credit, &currency);
  if (!value) return std::unexpected(value.error());
  out.amount = *value;
  out.set_currency(currency);
  return {};
}

// Fills `out` in place.
ElementResult<void> read_transaction(pugi::xml_node tx, bool entry_credit, TextArena& arena,
                                     Transaction& out) {
  if (auto amount = read_tx_amount(tx, entry_credit, out); !amount)
    return std::unexpected(amount.error());
  TextFieldsWriter texts;
  std::string remittance;
  bool have_creditor_ref = false;
  for_each_child(tx, [&](std::string_view name, pugi::xml_node c) {
    if (name == "Refs")
      read_refs(c, texts);
    else if (name == "RltdPties")
      read_parties(c, texts);
    else if (name == "RltdAgts")
      read_agents(c, texts);
    else if (name == "RmtInf")
      read_remittance(c, remittance, texts, have_creditor_ref);
    else if (name == "AddtlTxInf")
      texts.set(TextField::additional_info, text(c));
    else if (name == "RtrInf") {
      const pugi::xml_node reason = child(c, "Rsn");
      const std::string_view code = text_at(reason, {"Cd"});
      texts.set(TextField::return_reason, code.empty() ? text_at(reason, {"Prtry"}) : code);
    }
  });
  texts.set(TextField::remittance, remittance);
  out.set_texts(texts.commit(arena));
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

ElementResult<void> read_transactions(const EntryNodes& nodes, TextArena& arena, Entry& entry) {
  std::size_t count = 0;
  for (pugi::xml_node details : nodes.details)
    for (pugi::xml_node tx = details.first_child(); tx; tx = tx.next_sibling())
      count += local_name(tx) == "TxDtls" ? 1U : 0U;
  entry.transactions.reserve(count);
  for (pugi::xml_node details : nodes.details) {
    for (pugi::xml_node tx = details.first_child(); tx; tx = tx.next_sibling()) {
      if (local_name(tx) != "TxDtls") continue;
      auto read = read_transaction(tx, entry.credit, arena, entry.transactions.emplace_back());
      if (!read) return std::unexpected(read.error());
    }
  }
  // A single transaction without an amount of its own is the whole entry.
  if (entry.transactions.size() == 1 && !entry.transactions.front().amount) {
    entry.transactions.front().amount = entry.amount;
    entry.transactions.front().set_currency(entry.currency());
  }
  return {};
}

// A Dt/DtTm choice: the date, and the date-time text into `field` when given.
ElementResult<std::optional<Date>> read_date(pugi::xml_node node, TextField field,
                                             TextFieldsWriter& texts) {
  if (!node) return std::nullopt;
  auto date = date_of(node);
  if (!date) return std::unexpected(date.error());
  if (!date->date_time.empty()) texts.set(field, text_at(node, {"DtTm"}));
  return date->date;
}

}  // namespace

ElementResult<void> read_entry(pugi::xml_node ntry, TextArena& arena, Entry& entry) {
  const EntryNodes nodes = entry_nodes(ntry);
  auto credit = credit_of(ntry);
  if (!credit) return std::unexpected(credit.error());
  entry.credit = *credit;
  if (!nodes.amt) return std::unexpected(ElementError{ntry, "missing Amt"});
  std::string_view currency;
  auto amount = amount_of(nodes.amt, entry.credit, &currency);
  if (!amount) return std::unexpected(amount.error());
  entry.amount = *amount;
  entry.set_currency(currency);
  auto reversal = reversal_of(nodes.reversal);
  if (!reversal) return std::unexpected(reversal.error());
  entry.reversal = *reversal;
  auto status = status_of(ntry, nodes.status);
  if (!status) return std::unexpected(status.error());
  entry.status = *status;
  TextFieldsWriter texts;
  auto booking = read_date(nodes.booking, TextField::booking_date_time, texts);
  if (!booking) return std::unexpected(booking.error());
  auto value = read_date(nodes.value, TextField::value_date_time, texts);
  if (!value) return std::unexpected(value.error());
  entry.set_dates(*booking, *value);
  texts.set(TextField::ref, text(nodes.ref));
  texts.set(TextField::account_servicer_ref, text(nodes.servicer_ref));
  read_bank_tx_code(nodes.code, texts);
  texts.set(TextField::additional_info, text(nodes.info));
  entry.set_texts(texts.commit(arena));
  if (auto txs = read_transactions(nodes, arena, entry); !txs) return std::unexpected(txs.error());
  return {};
}

}  // namespace kaution::formats::camt
