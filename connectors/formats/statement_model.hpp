#pragma once
// The normalized bank statement model shared by the camt and MT940 readers:
// document → statements → entries → transactions. Amounts are signed from the account
// holder's view (credit +, debit −) in minor units of their currency (cents for EUR).
// Entries and transactions are compact (their text in an arena shared by the document's
// statements): their views are valid as long as a statement holding the arena lives.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/formats/statement_text.hpp"
#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution::formats {

// A booking or value date: always a valid civil date; `date_time` keeps a date-time as given
// ("2014-12-31T13:15:00+01:00") and is empty when the source gave a plain date.
struct StatementDate {
  Date date;
  std::string date_time;
  std::string to_string() const { return date_time.empty() ? date.to_string() : date_time; }
};

enum class EntryStatus : std::uint8_t { booked, pending, info };

struct Balance {
  std::string type;  // ISO code: OPBD, PRCD, CLBD, CLAV, FWAV, ITBD, …
  Money amount;      // signed: DBIT is negative
  std::string currency;
  std::optional<StatementDate> date;
};

// Views into the statement's text arena (valid while the statement lives).
struct Party {
  std::string_view name;
  std::string_view iban;
  std::string_view other_id;  // account id when not an IBAN (e.g. BLZ/Konto)
  std::string_view bic;
  bool empty() const { return name.empty() && iban.empty() && other_id.empty() && bic.empty(); }
};

struct BankTxCode {
  std::string_view domain;
  std::string_view family;
  std::string_view subfamily;
  std::string_view proprietary;
  std::string_view issuer;
};

// An ISO 4217 code held inline (three letters, or empty).
class CurrencyCode {
 public:
  void set(std::string_view code);
  std::string_view view() const { return {m_code.data(), m_size}; }

 private:
  std::array<char, 3> m_code{};
  std::uint8_t m_size = 0;
};

// What entries and transactions share: their currency, booking reference and text fields.
// Text getters return views into the statement's text arena (statement_text.hpp): they stay
// valid while the statement (or a copy of it) lives; an absent field is empty. Readers fill
// the text with set_texts.
class CompactRecord {
 public:
  std::string_view currency() const { return m_currency.view(); }
  std::string_view booking_ref() const { return m_booking_ref; }  // stable id for deduplication
  std::string_view account_servicer_ref() const { return get(TextField::account_servicer_ref); }
  std::string_view additional_info() const { return get(TextField::additional_info); }

  void set_currency(std::string_view code) { m_currency.set(code); }
  void set_texts(TextFields texts) { m_texts = texts; }
  // `ref` must live in the statement's arena (or be static).
  void set_booking_ref(std::string_view ref) { m_booking_ref = ref; }

 protected:
  std::string_view get(TextField field) const { return m_texts.get(field); }

 private:
  TextFields m_texts;
  std::string_view m_booking_ref;
  CurrencyCode m_currency;
};

// One transaction of an entry.
class Transaction : public CompactRecord {
 public:
  std::optional<Money> amount;  // signed; absent when the source gives none

  std::string_view end_to_end_id() const { return get(TextField::end_to_end_id); }
  std::string_view mandate_id() const { return get(TextField::mandate_id); }
  std::string_view tx_id() const { return get(TextField::tx_id); }
  std::string_view customer_ref() const { return get(TextField::customer_ref); }  // MT940 KREF
  std::string_view creditor_scheme_id() const { return get(TextField::creditor_scheme_id); }
  Party debtor() const;
  Party creditor() const;
  std::string_view ultimate_debtor() const { return get(TextField::ultimate_debtor); }
  std::string_view ultimate_creditor() const { return get(TextField::ultimate_creditor); }
  // Unstructured remittance lines, and the same joined with '\n'.
  std::vector<std::string_view> remittance() const;
  std::string_view remittance_text() const { return get(TextField::remittance); }
  // Structured creditor reference (RF…).
  std::string_view creditor_ref() const { return get(TextField::creditor_ref); }
  std::string_view return_reason() const { return get(TextField::return_reason); }
};

// One entry (Ntry / :61:). AcctSvcrRef is the MT940 bank reference.
class Entry : public CompactRecord {
 public:
  Money amount;  // signed
  bool credit = true;
  bool reversal = false;
  EntryStatus status = EntryStatus::booked;
  std::vector<Transaction> transactions;

  std::optional<StatementDate> booking_date() const;
  std::optional<StatementDate> value_date() const;
  // NtryRef / MT940 customer reference
  std::string_view ref() const { return get(TextField::ref); }
  BankTxCode bank_tx_code() const;

  // Date-times (when the source gave one) go into the texts as booking/value_date_time.
  void set_dates(std::optional<Date> booking, std::optional<Date> value);

 private:
  Date m_booking_date = Date::from_days(0);
  Date m_value_date = Date::from_days(0);
  bool m_has_booking_date = false;
  bool m_has_value_date = false;
};

struct Account {
  std::string iban;
  std::string other_id;
  std::string currency;
  std::string owner;
};

struct Statement {
  std::string id;
  std::string sequence_number;  // electronic sequence number (MT940: :28C:)
  std::string created;
  std::string from;
  std::string to;
  Account account;
  std::vector<Balance> balances;
  std::vector<Entry> entries;
  std::vector<std::string> warnings;
  // The text of the entries and transactions; shared by the statements of a document.
  std::shared_ptr<TextArena> texts = std::make_shared<TextArena>();
};

struct Document {
  std::string file;    // path; "archive.zip/entry.xml" for a zip entry
  std::string format;  // "camt.053.001.02", "MT940", …
  std::vector<Statement> statements;
};

// Why a document was rejected: file, where (line and/or element path) and reason.
struct ParseError {
  std::string file;
  std::string where;
  std::string reason;
  bool not_a_statement = false;
  std::string message() const;
};

// Everything read from one input file: complete documents only, and one error per rejected
// document (a zip may yield both). `ok()` when nothing was rejected.
struct ParsedFile {
  std::string file;
  std::vector<Document> documents;
  std::vector<ParseError> errors;
  bool ok() const { return errors.empty(); }
};

std::string_view to_code(EntryStatus status);

// Told, while parsing, that the bytes before `offset` are no longer needed (the caller may
// drop them, e.g. madvise a mapped file); they may still be read again for an error's line.
using ReleaseFn = std::function<void(std::size_t offset)>;

}  // namespace kaution::formats
