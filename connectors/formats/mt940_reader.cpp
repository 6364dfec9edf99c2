#include "connectors/formats/mt940_reader.hpp"

#include "connectors/formats/mt940_details.hpp"
#include "connectors/formats/mt940_fields.hpp"
#include "connectors/formats/mt940_line.hpp"
#include "connectors/formats/text_encoding.hpp"

namespace kaution::formats {
namespace {

using mt940::Field;
using mt940::Message;

bool is_iban_like(std::string_view s) {
  if (s.size() < 15 || s.size() > 34) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if ((i < 2 && !letter) || (i >= 2 && i < 4 && !digit) || (!letter && !digit)) return false;
  }
  return true;
}

// The first line of a field value without trailing blanks.
std::string first_line(std::string_view value) {
  value = value.substr(0, value.find('\n'));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  return std::string(value);
}

class MessageReader {
 public:
  MessageReader(const std::string& file, const Message& message)
      : m_file(file), m_message(message) {}
  std::expected<Statement, ParseError> read(bool& interim);

 private:
  std::unexpected<ParseError> fail(const Field& field, std::string reason) const {
    return std::unexpected(
        ParseError{m_file, "line " + std::to_string(field.line) + " (:" + field.tag + ":)",
                   std::move(reason), false});
  }
  std::expected<void, ParseError> read_field(const Field& field, bool& interim);
  std::expected<void, ParseError> read_balance(const Field& field, std::string type);
  std::expected<void, ParseError> read_line(const Field& field);
  void read_details(const Field& field);
  void warn(std::string& warning) {
    if (!warning.empty()) m_statement.warnings.push_back(std::move(warning));
    warning.clear();
  }

  const std::string& m_file;
  const Message& m_message;
  Statement m_statement;
  std::string m_currency;
  bool m_seen_account = false;
  bool m_seen_opening = false;
  bool m_seen_line = false;
  bool m_seen_closing = false;
  bool m_details_open = false;  // the last :61: still takes a :86:
};

std::expected<void, ParseError> MessageReader::read_balance(const Field& field, std::string type) {
  std::string warning;
  auto balance = mt940::parse_balance(first_line(field.value), std::move(type), &warning);
  if (!balance) return fail(field, balance.error());
  warn(warning);
  if (m_currency.empty()) m_currency = balance->currency;
  m_statement.balances.push_back(std::move(*balance));
  return {};
}

std::expected<void, ParseError> MessageReader::read_line(const Field& field) {
  if (m_seen_closing) return fail(field, "statement line after the closing balance");
  std::string warning;
  auto line = mt940::parse_statement_line(field.value, &warning);
  if (!line) return fail(field, line.error());
  warn(warning);
  if (m_currency.empty())
    return fail(field, "statement line before any balance names the currency");
  auto amount = mt940::parse_amount(line->amount_text, m_currency);
  if (!amount) return fail(field, amount.error());
  Entry entry;
  entry.credit = line->credit;
  entry.reversal = line->reversal;
  entry.amount = line->credit ? *amount : -*amount;
  entry.currency = m_currency;
  entry.value_date = StatementDate{line->value_date, {}};
  entry.booking_date = StatementDate{line->entry_date.value_or(line->value_date), {}};
  entry.ref = line->customer_ref;
  entry.account_servicer_ref = line->bank_ref;
  entry.bank_tx_code.proprietary = line->type_code;
  entry.bank_tx_code.issuer = "SWIFT";
  entry.additional_info = line->supplementary;
  Transaction tx;
  tx.amount = entry.amount;
  tx.currency = entry.currency;
  entry.transactions.push_back(std::move(tx));
  m_statement.entries.push_back(std::move(entry));
  m_seen_line = true;
  m_details_open = true;
  return {};
}

void MessageReader::read_details(const Field& field) {
  if (!m_details_open) return;  // statement-level information
  m_details_open = false;
  mt940::Details details = mt940::parse_details(field.value);
  Entry& entry = m_statement.entries.back();
  Transaction& tx = entry.transactions.back();
  if (!details.gvc.empty()) {
    entry.bank_tx_code.proprietary += "+" + details.gvc;
    if (!details.text_key_extension.empty())
      entry.bank_tx_code.proprietary += "+" + details.text_key_extension;
    entry.bank_tx_code.issuer = "DK";
    if (!details.booking_text.empty()) entry.additional_info = details.booking_text;
  }
  (entry.credit ? tx.debtor : tx.creditor) = std::move(details.counterparty);
  tx.end_to_end_id = std::move(details.end_to_end_id);
  tx.customer_ref = std::move(details.customer_ref);
  tx.mandate_id = std::move(details.mandate_id);
  tx.creditor_scheme_id = std::move(details.creditor_scheme_id);
  tx.ultimate_debtor = std::move(details.ultimate_debtor);
  tx.ultimate_creditor = std::move(details.ultimate_creditor);
  tx.remittance = std::move(details.remittance);
}

std::expected<void, ParseError> MessageReader::read_field(const Field& field, bool& interim) {
  const std::string& tag = field.tag;
  if (tag != "86") m_details_open = false;
  if (tag == "20") {
    m_statement.id = first_line(field.value);
  } else if (tag == "25") {
    if (m_seen_opening || m_seen_line)
      return fail(field, ":25: (account) inside the statement body");
    const std::string account = first_line(field.value);
    (is_iban_like(account) ? m_statement.account.iban : m_statement.account.other_id) = account;
    m_seen_account = true;
  } else if (tag == "28" || tag == "28C") {
    m_statement.sequence_number = first_line(field.value);
  } else if (tag == "60F" || tag == "60M") {
    if (m_seen_opening || m_seen_line) return fail(field, "second opening balance in one message");
    m_seen_opening = true;
    return read_balance(field, "OPBD");
  } else if (tag == "62F" || tag == "62M") {
    if (m_seen_closing) return fail(field, "second closing balance in one message");
    m_seen_closing = true;
    return read_balance(field, "CLBD");
  } else if (tag == "64") {
    return read_balance(field, "CLAV");
  } else if (tag == "65") {
    return read_balance(field, "FWAV");
  } else if (tag == "61") {
    return read_line(field);
  } else if (tag == "86") {
    read_details(field);
  } else if (tag == "34F" || tag == "13D" || tag == "13" || tag == "90D" || tag == "90C") {
    interim = true;
    if (tag == "34F" && m_currency.empty()) m_currency = field.value.substr(0, 3);
    if (tag == "13D" || tag == "13") m_statement.created = first_line(field.value);
  }
  return {};
}

std::expected<Statement, ParseError> MessageReader::read(bool& interim) {
  for (const Field& field : m_message.fields)
    if (auto ok = read_field(field, interim); !ok) return std::unexpected(ok.error());
  if (!m_seen_account) return fail(m_message.fields.front(), "message without :25: (account)");
  m_statement.account.currency = m_currency;
  for (const Balance& b : m_statement.balances) {
    if (b.type == "OPBD" && b.date) m_statement.from = b.date->date.to_string();
    if (b.type == "CLBD" && b.date) m_statement.to = b.date->date.to_string();
  }
  return std::move(m_statement);
}

bool is_statement_tag(std::string_view tag) {
  return tag == "25" || tag == "28C" || tag == "60F" || tag == "60M" || tag == "61" ||
         tag == "62F" || tag == "62M" || tag == "86";
}

}  // namespace

std::expected<Document, ParseError> read_mt940(std::string_view data, const std::string& file) {
  const bool utf8 = invalid_utf8_at(data) == std::string_view::npos;
  const std::string converted = utf8 ? std::string{} : latin1_to_utf8(data);
  const std::vector<Message> messages =
      mt940::split_messages(utf8 ? data : std::string_view(converted));
  Document out{file, "MT940", {}};
  bool interim = false;
  for (const Message& message : messages) {
    const Field& first = message.fields.front();
    if (first.tag != "20") {
      for (const Field& field : message.fields)
        if (is_statement_tag(field.tag))
          return std::unexpected(ParseError{
              file, "line " + std::to_string(field.line),
              ":" + field.tag + ": outside a message: a message starts with :20:", false});
      continue;  // header fields before the first :20: (":940:")
    }
    if (message.fields.size() == 1 && !out.statements.empty()) {
      // A bare :20: at the end of a delivery (seen in Rabobank files) carries nothing.
      out.statements.back().warnings.push_back("line " + std::to_string(first.line) +
                                               ": message with only :20: ignored");
      continue;
    }
    auto statement = MessageReader(file, message).read(interim);
    if (!statement) return std::unexpected(statement.error());
    out.statements.push_back(std::move(*statement));
  }
  if (out.statements.empty())
    return std::unexpected(
        ParseError{file, {}, "not a bank statement: no MT940 message (:20: … :25: …)", true});
  if (interim) out.format = "MT942";
  return out;
}

}  // namespace kaution::formats
