#pragma once
// The fixed-format MT940 fields: balances (:60a:, :62a:, :64:, :65:, :34F:) and the
// statement line :61:.

#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats::mt940 {

// YYMMDD (years 80–99 are 19xx). A day past the month's end (Sparkassen's 30 February) is
// moved to the last day and reported in `warning`.
std::expected<Date, std::string> parse_yymmdd(std::string_view text, std::string* warning);

// An amount with a decimal comma (a dot is accepted where banks use one) in minor units.
std::expected<Money, std::string> parse_amount(std::string_view text, std::string_view currency);

// "C070903EUR766656,49" as a signed balance of type `type`.
std::expected<Balance, std::string> parse_balance(std::string_view value, std::string type,
                                                  std::string* warning);

struct StatementLine {
  Date value_date = Date::from_days(0);
  std::optional<Date> entry_date;
  bool credit = true;
  bool reversal = false;
  std::string amount_text;
  std::string type_code;      // "NTRF", "N024", …
  std::string customer_ref;   // before "//"
  std::string bank_ref;       // after "//"
  std::string supplementary;  // second line
};

// ":61:" value: YYMMDD[MMDD](C|D|RC|RD)[funds code]amount type reference[//bank ref][\ndetails].
// RC (reversal of a credit) is a debit, RD a credit.
std::expected<StatementLine, std::string> parse_statement_line(std::string_view value,
                                                               std::string* warning);

}  // namespace kaution::formats::mt940
