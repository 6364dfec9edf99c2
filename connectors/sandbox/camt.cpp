#include "connectors/sandbox/camt.hpp"

#include <fmt/format.h>

#include "connectors/sandbox/xml_out.hpp"
#include "core/clock.hpp"

namespace kaution::sandbox {
namespace {

enum class Version { v02, v08 };

struct IsoCode {
  const char* domain;
  const char* family;
  const char* subfamily;
};

IsoCode iso_code(BookingKind kind) {
  switch (kind) {
    case BookingKind::payment_in:
    case BookingKind::reversal:
      return {"PMNT", "RCDT", "ESCT"};
    case BookingKind::interest:
      return {"ACMT", "MCOP", "INTR"};
    case BookingKind::withholding_tax:
    case BookingKind::solidarity_surcharge:
    case BookingKind::church_tax:
      return {"ACMT", "MDOP", "TAXE"};
    case BookingKind::payout:
      return {"PMNT", "ICDT", "ESCT"};
    case BookingKind::fee:
      return {"ACMT", "MDOP", "CHRG"};
    case BookingKind::other:
      break;
  }
  return {"PMNT", "MCOP", "OTHR"};
}

std::string tax_code(BookingKind kind) {
  switch (kind) {
    case BookingKind::withholding_tax:
      return "KAPEST";
    case BookingKind::solidarity_surcharge:
      return "SOLZ";
    case BookingKind::church_tax:
      return "KIST";
    default:
      return {};
  }
}

// dkb: German bank transaction codes (GVC) in BkTxCd/Prtry/Cd.
std::string dkb_code(BookingKind kind) {
  switch (kind) {
    case BookingKind::payment_in:
      return "NTRF+166+000";
    case BookingKind::reversal:
      return "NRTI+159+000";
    case BookingKind::payout:
      return "NTRF+116+000";
    case BookingKind::interest:
      return "NINT+805+000";
    case BookingKind::fee:
      return "NCHG+808+000";
    default:
      break;
  }
  const std::string tax = tax_code(kind);
  return tax.empty() ? std::string("NMSC+000+000") : "NTAX+" + tax;
}

bool is_iban(const std::string& account) {
  return account.size() >= 15 && account[0] >= 'A' && account[0] <= 'Z' && account[2] >= '0' &&
         account[2] <= '9';
}

std::string amount_text(Money amount) {
  return (amount.cents() < 0 ? -amount : amount).to_string();
}

void add_amount(XmlOut& out, std::string_view name, Money amount) {
  out.leaf(name, "Ccy", "EUR", amount_text(amount));
}

void add_account(XmlOut& out, std::string_view name, const std::string& account) {
  if (account.empty()) return;
  const XmlOut::Scope outer(out, name);
  const XmlOut::Scope id(out, "Id");
  if (is_iban(account)) {
    out.leaf("IBAN", account);
  } else {
    const XmlOut::Scope other(out, "Othr");
    out.leaf("Id", account);
  }
}

void add_party(XmlOut& out, std::string_view name, const std::string& party, Version v) {
  if (party.empty()) return;
  const XmlOut::Scope outer(out, name);
  if (v == Version::v08) {
    const XmlOut::Scope pty(out, "Pty");
    out.leaf("Nm", party);
  } else {
    out.leaf("Nm", party);
  }
}

void add_parties(XmlOut& out, const Booking& b, Version v) {
  const XmlOut::Scope parties(out, "RltdPties");
  const std::string& own = b.sub_account.empty() ? b.ledger_account : b.sub_account;
  switch (b.kind) {
    case BookingKind::payment_in:
    case BookingKind::reversal:
      add_party(out, "Dbtr", b.party_name, v);
      add_account(out, "DbtrAcct", b.party_iban);
      add_account(out, "CdtrAcct", own);
      return;
    case BookingKind::interest:
      add_account(out, "CdtrAcct", own);
      return;
    case BookingKind::payout:
      add_account(out, "DbtrAcct", own);
      add_party(out, "Cdtr", b.party_name, v);
      add_account(out, "CdtrAcct", b.party_iban);
      return;
    default:
      add_account(out, "DbtrAcct", own);
      return;
  }
}

void add_balance(XmlOut& out, const char* code, Money amount, Date date) {
  const XmlOut::Scope bal(out, "Bal");
  {
    const XmlOut::Scope type(out, "Tp");
    const XmlOut::Scope choice(out, "CdOrPrtry");
    out.leaf("Cd", code);
  }
  add_amount(out, "Amt", amount);
  out.leaf("CdtDbtInd", amount.cents() < 0 ? "DBIT" : "CRDT");
  const XmlOut::Scope dt(out, "Dt");
  out.leaf("Dt", date.to_string());
}

void add_transaction(XmlOut& out, const Booking& b, Version v, bool dkb) {
  const XmlOut::Scope tx(out, "TxDtls");
  {
    const XmlOut::Scope refs(out, "Refs");
    out.leaf("EndToEndId", b.end_to_end);
  }
  if (v == Version::v08) {
    add_amount(out, "Amt", b.amount);
    out.leaf("CdtDbtInd", b.amount.cents() < 0 ? "DBIT" : "CRDT");
  } else {
    const XmlOut::Scope details(out, "AmtDtls");
    const XmlOut::Scope amount(out, "TxAmt");
    add_amount(out, "Amt", b.amount);
  }
  add_parties(out, b, v);
  if (!b.remittance.empty()) {
    const XmlOut::Scope info(out, "RmtInf");
    out.leaf("Ustrd", b.remittance);
  }
  if (dkb && !b.contract.empty()) out.leaf("AddtlTxInf", "KAUTION:" + b.contract);
}

void add_code(XmlOut& out, BookingKind kind, bool dkb) {
  const XmlOut::Scope code(out, "BkTxCd");
  const IsoCode iso = iso_code(kind);
  {
    const XmlOut::Scope domain(out, "Domn");
    out.leaf("Cd", iso.domain);
    const XmlOut::Scope family(out, "Fmly");
    out.leaf("Cd", iso.family);
    out.leaf("SubFmlyCd", iso.subfamily);
  }
  const std::string proprietary = dkb ? dkb_code(kind) : tax_code(kind);
  if (proprietary.empty()) return;
  const XmlOut::Scope prtry(out, "Prtry");
  out.leaf("Cd", proprietary);
  if (dkb) out.leaf("Issr", "DK");
}

// One Ntry for `count` bookings of the journal from `first` (a batch, or a single booking).
void add_entry(XmlOut& out, const std::deque<Booking>& journal, std::size_t first,
               std::size_t count, Version v, bool dkb) {
  Money total;
  for (std::size_t i = first; i < first + count; ++i)
    total += journal[i].amount;
  const Booking& b = journal[first];
  const XmlOut::Scope ntry(out, "Ntry");
  add_amount(out, "Amt", total);
  out.leaf("CdtDbtInd", total.cents() < 0 ? "DBIT" : "CRDT");
  if (b.kind == BookingKind::reversal) out.leaf("RvslInd", "true");
  if (v == Version::v08) {
    const XmlOut::Scope status(out, "Sts");
    out.leaf("Cd", "BOOK");
  } else {
    out.leaf("Sts", "BOOK");
  }
  {
    const XmlOut::Scope booked(out, "BookgDt");
    out.leaf("Dt", b.date.to_string());
  }
  {
    const XmlOut::Scope value(out, "ValDt");
    out.leaf("Dt", b.date.to_string());
  }
  out.leaf("AcctSvcrRef", b.entry_ref);
  add_code(out, b.kind, dkb);
  const XmlOut::Scope details(out, "NtryDtls");
  for (std::size_t i = first; i < first + count; ++i)
    add_transaction(out, journal[i], v, dkb);
}

// Opens Document and BkToCstmrStmt (the caller closes them) and writes the group header.
void start_document(XmlOut& out, std::string_view ns, const std::string& message_id,
                    const std::string& created) {
  out.open("Document", "xmlns", ns);
  out.open("BkToCstmrStmt");
  const XmlOut::Scope header(out, "GrpHdr");
  out.leaf("MsgId", message_id);
  out.leaf("CreDtTm", created);
}

void end_document(XmlOut& out) {
  out.close("BkToCstmrStmt");
  out.close("Document");
}

// Everything of a Stmt up to its balances; the caller closes it.
void start_stmt(XmlOut& out, const std::string& id, std::uint64_t sequence, Date date,
                const std::string& iban, const std::string& created) {
  out.open("Stmt");
  out.leaf("Id", id);
  out.leaf("ElctrncSeqNb", std::to_string(sequence));
  out.leaf("CreDtTm", created);
  {
    const XmlOut::Scope period(out, "FrToDt");
    out.leaf("FrDtTm", berlin_time(date, 0));
    out.leaf("ToDtTm", berlin_time(date, 23, 59, 59));
  }
  const XmlOut::Scope account(out, "Acct");
  {
    const XmlOut::Scope id_scope(out, "Id");
    out.leaf("IBAN", iban);
  }
  out.leaf("Ccy", "EUR");
  const XmlOut::Scope owner(out, "Ownr");
  out.leaf("Nm", "Hausverwaltung Sandbox GmbH Treuhandkonto");
}

}  // namespace

std::string berlin_time(Date date, int hour, int minute, int second) {
  const auto offset = berlin_utc_offset(utc_time(date, hour));
  return fmt::format("{}T{:02}:{:02}:{:02}+{:02}:00", date.to_string(), hour, minute, second,
                     offset.count() / 3600);
}

std::string aak_statement_xml(const AakStatement& statement, const Books& books) {
  XmlOut out;
  const std::string created = berlin_time(statement.date.plus_days(1), 6);
  start_document(out, k_camt053_v08, statement.id, created);
  start_stmt(out, statement.id, statement.sequence, statement.date, aak_trust_iban(), created);
  add_balance(out, "OPBD", statement.opening, statement.date);
  add_balance(out, "CLBD", statement.closing, statement.date);
  const auto& journal = books.journal();
  for (std::size_t i = statement.begin; i < statement.end;) {
    std::size_t n = 1;
    while (journal[i].batch != 0 && i + n < statement.end &&
           journal[i + n].batch == journal[i].batch) {
      ++n;
    }
    add_entry(out, journal, i, n, Version::v08, false);
    i += n;
  }
  out.close("Stmt");
  end_document(out);
  return out.take();
}

std::string dkb_statements_xml(const Books& books, const std::vector<std::string>& ibans, Date from,
                               Date today) {
  XmlOut out;
  const std::string created = berlin_time(today, 6);
  start_document(out, k_camt053_v02, fmt::format("DKB-{}-{}", today.to_string(), from.to_string()),
                 created);
  const Date oldest = today.plus_days(-k_statement_retention_days);
  const auto& journal = books.journal();
  const auto& days = books.days();
  for (const std::string& iban : ibans) {
    for (std::size_t d = 0; d < days.size(); ++d) {
      const Day& day = days[d];
      if (day.date < from || day.date < oldest) continue;
      const auto opening_it = day.opening.find(iban);
      const Money opening = opening_it == day.opening.end() ? Money{} : opening_it->second;
      Money closing = opening;
      for (std::size_t i = day.begin; i < day.end; ++i)
        if (journal[i].ledger_account == iban) closing += journal[i].amount;
      start_stmt(out, fmt::format("{}-{}", iban, day.date.to_string()), d + 1, day.date, iban,
                 created);
      add_balance(out, "OPBD", opening, day.date);
      add_balance(out, "CLBD", closing, day.date);
      for (std::size_t i = day.begin; i < day.end; ++i) {
        if (journal[i].ledger_account == iban) add_entry(out, journal, i, 1, Version::v02, true);
      }
      out.close("Stmt");
    }
  }
  end_document(out);
  return out.take();
}

}  // namespace kaution::sandbox
