#include "connectors/formats/mt940_line.hpp"

#include <chrono>

#include "connectors/formats/amount.hpp"

namespace kaution::formats::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

bool digits(std::string_view text, std::size_t from, std::size_t count, unsigned& out) {
  if (text.size() < from + count) return false;
  out = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (!is_digit(text[i])) return false;
    out = out * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return true;
}

std::expected<Date, std::string> clamped_date(int year, unsigned month, unsigned day,
                                              std::string_view text, std::string* warning) {
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return std::unexpected("invalid date \"" + std::string(text) + "\"");
  auto date = Date::from_ymd(year, month, day);
  if (date) return date;
  const std::chrono::year_month_day_last last{
      std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}};
  const unsigned last_day = static_cast<unsigned>(last.day());
  if (warning != nullptr)
    *warning =
        "date \"" + std::string(text) + "\" does not exist; used day " + std::to_string(last_day);
  return Date::from_ymd(year, month, last_day);
}

// Entry date MMDD near the value date: across a year end it belongs to the other year.
std::expected<Date, std::string> entry_date_near(Date value, unsigned month, unsigned day,
                                                 std::string_view text, std::string* warning) {
  int year = value.year();
  if (month == 1 && value.month() == 12) ++year;
  if (month == 12 && value.month() == 1) --year;
  return clamped_date(year, month, day, text, warning);
}

// "C", "D", "RC", "RD" (and MT942's "EC"/"ED" as C/D).
bool read_mark(std::string_view text, std::size_t& pos, StatementLine& out) {
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("RC") || rest.starts_with("RD")) {
    out.reversal = true;
    out.credit = rest[1] == 'D';  // reversal of a debit is a credit
    pos += 2;
    return true;
  }
  if (rest.starts_with("EC") || rest.starts_with("ED")) {
    out.credit = rest[1] == 'C';
    pos += 2;
    return true;
  }
  if (rest.starts_with('C') || rest.starts_with('D')) {
    out.credit = rest[0] == 'C';
    pos += 1;
    return true;
  }
  return false;
}

}  // namespace

std::expected<Date, std::string> parse_yymmdd(std::string_view text, std::string* warning) {
  unsigned yy = 0, mm = 0, dd = 0;
  if (!digits(text, 0, 2, yy) || !digits(text, 2, 2, mm) || !digits(text, 4, 2, dd))
    return std::unexpected("invalid date \"" + std::string(text.substr(0, 6)) + "\"");
  const int year = static_cast<int>(yy) + (yy >= 80 ? 1900 : 2000);
  return clamped_date(year, mm, dd, text.substr(0, 6), warning);
}

std::expected<Money, std::string> parse_amount(std::string_view text, std::string_view currency) {
  const char sep = text.find(',') != std::string_view::npos ? ',' : '.';
  if (text.find(sep) == std::string_view::npos)
    return std::unexpected("amount \"" + std::string(text.substr(0, 40)) +
                           "\" has no decimal comma");
  return parse_statement_amount(text, currency, sep);
}

std::expected<Balance, std::string> parse_balance(std::string_view value, std::string type,
                                                  std::string* warning) {
  Balance out;
  out.type = std::move(type);
  if (value.size() < 11 || (value[0] != 'C' && value[0] != 'D'))
    return std::unexpected("balance \"" + std::string(value.substr(0, 40)) +
                           "\": expected C or D, YYMMDD, currency, amount");
  auto date = parse_yymmdd(value.substr(1), warning);
  if (!date) return std::unexpected(date.error());
  out.date = StatementDate{*date, {}};
  out.currency = std::string(value.substr(7, 3));
  for (char c : out.currency)
    if (!is_upper(c)) return std::unexpected("invalid currency \"" + out.currency + "\"");
  auto amount = parse_amount(value.substr(10), out.currency);
  if (!amount) return std::unexpected(amount.error());
  out.amount = value[0] == 'C' ? *amount : -*amount;
  return out;
}

std::expected<StatementLine, std::string> parse_statement_line(std::string_view value,
                                                               std::string* warning) {
  const std::size_t nl = value.find('\n');
  const std::string_view line = value.substr(0, nl);
  StatementLine out;
  auto value_date = parse_yymmdd(line, warning);
  if (!value_date) return std::unexpected("value date: " + value_date.error());
  out.value_date = *value_date;
  std::size_t pos = 6;
  unsigned mm = 0, dd = 0;
  if (digits(line, 6, 2, mm) && digits(line, 8, 2, dd)) {
    auto entry = entry_date_near(out.value_date, mm, dd, line.substr(6, 4), warning);
    if (!entry) return std::unexpected("entry date: " + entry.error());
    out.entry_date = *entry;
    pos = 10;
  } else if (line.substr(6, 4) == "    ") {
    pos = 10;
  }
  if (!read_mark(line, pos, out))
    return std::unexpected("expected C, D, RC or RD after the dates in \"" +
                           std::string(line.substr(0, 40)) + "\"");
  if (pos + 1 < line.size() && is_upper(line[pos]) && !is_upper(line[pos + 1]))
    ++pos;  // funds code
  const std::size_t amount_end = line.find_first_not_of("0123456789,.", pos);
  out.amount_text = std::string(line.substr(pos, amount_end - pos));
  if (out.amount_text.empty() || amount_end == std::string_view::npos ||
      line.size() < amount_end + 4)
    return std::unexpected("expected amount and transaction type in \"" +
                           std::string(line.substr(0, 40)) + "\"");
  out.type_code = std::string(line.substr(amount_end, 4));
  const std::string_view reference = line.substr(amount_end + 4);
  const std::size_t slashes = reference.find("//");
  out.customer_ref = std::string(reference.substr(0, slashes));
  if (slashes != std::string_view::npos) out.bank_ref = std::string(reference.substr(slashes + 2));
  if (nl != std::string_view::npos) out.supplementary = std::string(value.substr(nl + 1));
  return out;
}

}  // namespace kaution::formats::mt940
