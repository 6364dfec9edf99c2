#pragma once
// The normalized bank statement model shared by the camt and MT940 readers:
// document → statements → entries → transactions. Amounts are signed from the account
// holder's view (credit +, debit −) in minor units of their currency (cents for EUR).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

enum class EntryStatus { booked, pending, info };

struct Balance {
  std::string type;  // ISO code: OPBD, PRCD, CLBD, CLAV, FWAV, ITBD, …
  Money amount;      // signed: DBIT is negative
  std::string currency;
  std::optional<StatementDate> date;
};

struct Party {
  std::string name;
  std::string iban;
  std::string other_id;  // account id when not an IBAN (e.g. BLZ/Konto)
  std::string bic;
  bool empty() const { return name.empty() && iban.empty() && other_id.empty() && bic.empty(); }
};

struct BankTxCode {
  std::string domain;
  std::string family;
  std::string subfamily;
  std::string proprietary;
  std::string issuer;
};

struct Transaction {
  std::optional<Money> amount;  // signed; absent when the source gives none
  std::string currency;
  std::string booking_ref;  // stable id of this booking for deduplication
  std::string end_to_end_id;
  std::string mandate_id;
  std::string tx_id;
  std::string account_servicer_ref;
  std::string customer_ref;        // MT940 KREF
  std::string creditor_scheme_id;  // SEPA creditor id (CRED)
  Party debtor;
  Party creditor;
  std::string ultimate_debtor;  // name (ISO parties without account)
  std::string ultimate_creditor;
  std::vector<std::string> remittance;  // unstructured lines
  std::string creditor_ref;             // structured creditor reference (e.g. RF…)
  std::string additional_info;
  std::string return_reason;
};

struct Entry {
  Money amount;  // signed
  std::string currency;
  bool credit = true;
  bool reversal = false;
  EntryStatus status = EntryStatus::booked;
  std::optional<StatementDate> booking_date;
  std::optional<StatementDate> value_date;
  std::string ref;                   // NtryRef / MT940 customer reference
  std::string account_servicer_ref;  // AcctSvcrRef / MT940 bank reference
  std::string booking_ref;           // stable id of this entry for deduplication
  BankTxCode bank_tx_code;
  std::string additional_info;
  std::vector<Transaction> transactions;
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

}  // namespace kaution::formats
