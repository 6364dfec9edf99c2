#include "connectors/formats/text_render.hpp"

#include "connectors/formats/statement_checks.hpp"

namespace kaution::formats {
namespace {

std::string date_text(const std::optional<StatementDate>& date) {
  return date ? date->to_string() : "-";
}

std::string counterparty(const Entry& entry) {
  if (entry.transactions.empty()) return std::string(entry.additional_info());
  const Transaction& tx = entry.transactions.front();
  const Party party = entry.credit ? tx.debtor() : tx.creditor();
  std::string out(party.name.empty() ? party.iban : party.name);
  const std::vector<std::string_view> lines = tx.remittance();
  if (!lines.empty()) (out += out.empty() ? "" : " | ") += lines.front();
  return out;
}

void write_entry(std::ostream& out, const Entry& entry) {
  out << "    " << date_text(entry.booking_date()).substr(0, 10) << "  " << to_code(entry.status)
      << "  " << format_amount(entry.amount, entry.currency());
  if (entry.reversal) out << "  REVERSAL";
  if (entry.transactions.size() > 1) out << "  batch of " << entry.transactions.size();
  out << "  " << entry.booking_ref();
  if (const std::string who = counterparty(entry); !who.empty()) out << "  " << who;
  out << '\n';
}

void write_statement(std::ostream& out, const Statement& s) {
  const std::string account = s.account.iban.empty() ? s.account.other_id : s.account.iban;
  out << "  statement " << (s.id.empty() ? "-" : s.id) << "  account " << account;
  if (!s.account.currency.empty()) out << " (" << s.account.currency << ")";
  if (!s.from.empty() || !s.to.empty()) out << "  " << s.from << " .. " << s.to;
  out << '\n';
  for (const Balance& b : s.balances)
    out << "    balance " << b.type << " " << date_text(b.date) << "  "
        << format_amount(b.amount, b.currency) << '\n';
  out << "    " << s.entries.size() << " entries\n";
  for (const Entry& e : s.entries)
    write_entry(out, e);
  for (const std::string& w : s.warnings)
    out << "    warning: " << w << '\n';
}

}  // namespace

void write_summary(std::ostream& out, const Document& document) {
  out << document.file << ": " << document.format << ", " << document.statements.size()
      << (document.statements.size() == 1 ? " statement\n" : " statements\n");
  for (const Statement& s : document.statements)
    write_statement(out, s);
}

void write_error(std::ostream& out, const ParseError& error) {
  out << (error.not_a_statement ? "not a statement: " : "rejected: ") << error.message() << '\n';
}

}  // namespace kaution::formats
