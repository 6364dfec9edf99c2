#include "connectors/formats/mt940_reader.hpp"

#include <algorithm>
#include <memory>
#include <optional>

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

bool is_currency(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The first line of a field value without trailing blanks.
std::string first_line(std::string_view value) {
  value = value.substr(0, value.find('\n'));
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  return std::string(value);
}

// A :61: line whose texts wait for its :86:.
struct PendingEntry {
  mt940::StatementLine line;
  std::optional<mt940::Details> details;
};

class MessageReader {
 public:
  MessageReader(const std::string& file, const Message& message,
                const std::shared_ptr<TextArena>& texts)
      : m_file(file), m_message(message), m_texts(*texts) {
    m_statement.texts = texts;
  }
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
  void commit_pending();
  void warn(std::string& warning) {
    if (!warning.empty()) m_statement.warnings.push_back(std::move(warning));
    warning.clear();
  }

  const std::string& m_file;
  const Message& m_message;
  TextArena& m_texts;
  Statement m_statement;
  std::optional<PendingEntry> m_pending;
  std::string m_currency;
  bool m_seen_account = false;
  bool m_seen_opening = false;
  bool m_seen_line = false;
  bool m_seen_closing = false;
  bool m_interim = false;  // MT942: no balances
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
  Entry& entry = m_statement.entries.emplace_back();
  entry.credit = line->credit;
  entry.reversal = line->reversal;
  entry.amount = line->credit ? *amount : -*amount;
  entry.set_currency(m_currency);
  entry.set_dates(line->entry_date.value_or(line->value_date), line->value_date);
  Transaction& tx = entry.transactions.emplace_back();
  tx.amount = entry.amount;
  tx.set_currency(m_currency);
  m_pending = PendingEntry{std::move(*line), std::nullopt};
  m_seen_line = true;
  return {};
}

void MessageReader::read_details(const Field& field) {
  if (!m_pending || m_pending->details) return;  // statement-level information
  m_pending->details = mt940::parse_details(field.value);
}

void set_counterparty(const mt940::Counterparty& party, bool debtor, TextFieldsWriter& out) {
  out.set(debtor ? TextField::debtor_name : TextField::creditor_name, party.name);
  out.set(debtor ? TextField::debtor_iban : TextField::creditor_iban, party.iban);
  out.set(debtor ? TextField::debtor_other_id : TextField::creditor_other_id, party.other_id);
  out.set(debtor ? TextField::debtor_bic : TextField::creditor_bic, party.bic);
}

// The texts of the last entry, from its :61: and :86: (the counterparty is the debtor of a
// credit and the creditor of a debit).
void MessageReader::commit_pending() {
  if (!m_pending) return;
  const mt940::StatementLine& line = m_pending->line;
  Entry& entry = m_statement.entries.back();
  TextFieldsWriter texts;
  texts.set(TextField::ref, line.customer_ref);
  texts.set(TextField::account_servicer_ref, line.bank_ref);
  texts.set(TextField::additional_info, line.supplementary);
  std::string proprietary = line.type_code;
  texts.set(TextField::issuer, "SWIFT");
  TextFieldsWriter tx_texts;
  std::string remittance;
  if (const auto& details = m_pending->details) {
    if (!details->gvc.empty()) {
      proprietary += "+" + details->gvc;
      if (!details->text_key_extension.empty()) proprietary += "+" + details->text_key_extension;
      texts.set(TextField::issuer, "DK");
      if (!details->booking_text.empty())
        texts.set(TextField::additional_info, details->booking_text);
    }
    set_counterparty(details->counterparty, entry.credit, tx_texts);
    tx_texts.set(TextField::end_to_end_id, details->end_to_end_id);
    tx_texts.set(TextField::customer_ref, details->customer_ref);
    tx_texts.set(TextField::mandate_id, details->mandate_id);
    tx_texts.set(TextField::creditor_scheme_id, details->creditor_scheme_id);
    tx_texts.set(TextField::ultimate_debtor, details->ultimate_debtor);
    tx_texts.set(TextField::ultimate_creditor, details->ultimate_creditor);
    for (const std::string& part : details->remittance)
      remittance += (remittance.empty() ? "" : "\n") + part;
    tx_texts.set(TextField::remittance, remittance);
  }
  texts.set(TextField::proprietary, proprietary);
  entry.set_texts(texts.commit(m_texts));
  entry.transactions.back().set_texts(tx_texts.commit(m_texts));
  m_pending.reset();
}

std::expected<void, ParseError> MessageReader::read_field(const Field& field, bool& interim) {
  const std::string& tag = field.tag;
  if (tag != "86") commit_pending();
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
    m_interim = true;
    if (tag == "34F" && m_currency.empty()) {
      m_currency = field.value.substr(0, 3);
      if (!is_currency(m_currency)) return fail(field, "invalid currency \"" + m_currency + "\"");
    }
    if (tag == "13D" || tag == "13") m_statement.created = first_line(field.value);
  }
  return {};
}

std::expected<Statement, ParseError> MessageReader::read(bool& interim) {
  std::size_t lines = 0;
  for (const Field& field : m_message.fields)
    lines += field.tag == "61" ? 1U : 0U;
  m_statement.entries.reserve(lines);
  for (const Field& field : m_message.fields)
    if (auto ok = read_field(field, interim); !ok) return std::unexpected(ok.error());
  commit_pending();
  if (!m_seen_account) return fail(m_message.fields.front(), "message without :25: (account)");
  // MT940 requires both balances, yet some banks' files lack them (see the samples): a
  // warning, since such a message may also be cut off.
  if (!m_interim && !m_seen_opening)
    m_statement.warnings.push_back("line " + std::to_string(m_message.fields.front().line) +
                                   ": message without opening balance (:60F:/:60M:)");
  if (!m_interim && !m_seen_closing)
    m_statement.warnings.push_back(
        "line " + std::to_string(m_message.fields.back().line) +
        ": message ends without closing balance (:62F:/:62M:): incomplete or cut off");
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

// Appends the statement of `message` to `out`; the error when it is malformed.
std::optional<ParseError> read_message(const std::string& file, const Message& message,
                                       const std::shared_ptr<TextArena>& texts, bool& interim,
                                       Document& out) {
  const Field& first = message.fields.front();
  if (first.tag != "20") {
    for (const Field& field : message.fields)
      if (is_statement_tag(field.tag))
        return ParseError{
            file, "line " + std::to_string(field.line),
            ":" + field.tag + ": outside a message: a message starts with :20:", false};
    return std::nullopt;  // header fields before the first :20: (":940:")
  }
  if (message.fields.size() == 1 && !out.statements.empty()) {
    // A bare :20: at the end of a delivery (seen in Rabobank files) carries nothing.
    out.statements.back().warnings.push_back("line " + std::to_string(first.line) +
                                             ": message with only :20: ignored");
    return std::nullopt;
  }
  auto statement = MessageReader(file, message, texts).read(interim);
  if (!statement) return std::move(statement.error());
  out.statements.push_back(std::move(*statement));
  return std::nullopt;
}

}  // namespace

std::expected<Document, ParseError> read_mt940(std::string_view data, const std::string& file,
                                               const ReleaseFn& release) {
  const bool utf8 = invalid_utf8_at(data) == std::string_view::npos;
  const std::string converted = utf8 ? std::string{} : windows1252_to_utf8(data);
  Document out{file, "MT940", {}};
  auto texts = std::make_shared<TextArena>();
  bool interim = false;
  std::optional<ParseError> error;
  mt940::for_each_message(utf8 ? data : std::string_view(converted),
                          [&](const Message& message, std::size_t end) {
                            error = read_message(file, message, texts, interim, out);
                            if (release && utf8) release(end);
                            return !error;
                          });
  if (error) return std::unexpected(std::move(*error));
  if (out.statements.empty())
    return std::unexpected(
        ParseError{file, {}, "not a bank statement: no MT940 message (:20: … :25: …)", true});
  if (interim) out.format = "MT942";
  return out;
}

}  // namespace kaution::formats
