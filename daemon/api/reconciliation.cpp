#include "daemon/api/reconciliation.hpp"

#include <array>
#include <cstdint>
#include <string_view>

namespace kaution::api {
namespace {

// Appends money as digits with two decimals and `separator` ("-1340.00", "1340,00").
void append_money(std::string& out, Money money, char separator) {
  std::int64_t cents = money.cents();
  const bool negative = cents < 0;
  // Without overflow for INT64_MIN: work with the negative remainder.
  std::array<char, 24> digits{};
  std::size_t n = 0;
  do {
    const std::int64_t digit = cents % 10;
    digits[n++] = static_cast<char>('0' + (digit < 0 ? -digit : digit));
    cents /= 10;
    if (n == 2) digits[n++] = separator;
  } while (cents != 0 || n < 4);
  if (negative) out += '-';
  while (n > 0)
    out += digits[--n];
}

void append_two(std::string& out, unsigned value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// "YYYY-MM-DD" (years 0–9999, as Date::to_string).
void append_date(std::string& out, Date date) {
  const auto year = static_cast<unsigned>(date.year());
  append_two(out, year / 100);
  append_two(out, year % 100);
  out += '-';
  append_two(out, date.month());
  out += '-';
  append_two(out, date.day());
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20) {
      out += "\\u00";
      out += k_hex[byte >> 4U];
      out += k_hex[byte & 0xFU];
    } else {
      out += c;
    }
  }
  out += '"';
}

// One JSON object per line: "name":value pairs.
class JsonSink {
 public:
  explicit JsonSink(std::string& out) : m_out(out) {}
  void begin() { m_out += '{'; }
  void end() {
    m_out += '}';
    m_first = true;
  }
  void text(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(m_out, value);
  }
  void money(std::string_view name, const std::optional<Money>& value) {
    key(name);
    if (!value) return null();
    m_out += '"';
    append_money(m_out, *value, '.');
    m_out += '"';
  }
  void date(std::string_view name, const std::optional<Date>& value) {
    key(name);
    if (!value) return null();
    m_out += '"';
    append_date(m_out, *value);
    m_out += '"';
  }
  void flag(std::string_view name, bool value) {
    key(name);
    m_out += value ? "true" : "false";
  }
  void reasons(std::string_view name, const std::vector<std::string_view>& values) {
    key(name);
    m_out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) m_out += ',';
      append_json_string(m_out, values[i]);
    }
    m_out += ']';
  }

 private:
  void key(std::string_view name) {
    if (!m_first) m_out += ',';
    m_first = false;
    append_json_string(m_out, name);
    m_out += ':';
  }
  void null() { m_out += "null"; }
  std::string& m_out;
  bool m_first = true;
};

// One CSV record per line: ';' between cells, decimal comma, CRLF.
class CsvSink {
 public:
  explicit CsvSink(std::string& out) : m_out(out) {}
  void begin() {}
  void end() {
    m_out += "\r\n";
    m_first = true;
  }
  // Free text: quoted when needed; a leading = + - @ gets a "'" (no formulas in spreadsheets).
  void text(std::string_view, std::string_view value) {
    cell();
    const bool formula = !value.empty() && (value.front() == '=' || value.front() == '+' ||
                                            value.front() == '-' || value.front() == '@');
    const bool quote = value.find_first_of(";\"\r\n") != std::string_view::npos;
    if (quote) m_out += '"';
    if (formula) m_out += '\'';
    for (char c : value) {
      if (c == '"') m_out += '"';
      m_out += c;
    }
    if (quote) m_out += '"';
  }
  void money(std::string_view, const std::optional<Money>& value) {
    cell();
    if (value) append_money(m_out, *value, ',');
  }
  void date(std::string_view, const std::optional<Date>& value) {
    cell();
    if (value) append_date(m_out, *value);
  }
  void flag(std::string_view, bool value) {
    cell();
    m_out += value ? "true" : "false";
  }
  void reasons(std::string_view, const std::vector<std::string_view>& values) {
    cell();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) m_out += ',';
      m_out += values[i];
    }
  }

 private:
  void cell() {
    if (!m_first) m_out += ';';
    m_first = false;
  }
  std::string& m_out;
  bool m_first = true;
};

// The columns of a line, in the order of the CSV header.
template <typename Sink>
void write_line(Sink& sink, const ReconciliationLine& line) {
  const ReconcileFacts& f = line.facts;
  const ReconcileRow& r = line.row;
  sink.begin();
  sink.text("deposit_id", f.deposit_id);
  sink.text("connector", f.connector);
  sink.text("access", f.access);
  sink.text("tenant", f.tenant_name);
  sink.money("agreed", f.agreed);
  sink.money("bank_paid", r.figures.bank_paid);
  sink.money("ledger_paid", r.figures.ledger_paid);
  sink.money("bank_balance", f.bank_balance);
  sink.date("bank_balance_date", f.bank_balance_date);
  sink.money("ledger_balance", r.figures.ledger_balance);
  sink.date("ledger_as_of", f.ledger ? std::optional<Date>(f.ledger->as_of) : std::nullopt);
  sink.money("bookings_total", f.bookings_total);
  sink.money("booking_difference", r.booking_difference_amount);
  sink.text("traffic_light", to_string(r.traffic_light));
  sink.flag("stale", r.figures.stale);
  sink.flag("differs", r.differs);
  sink.reasons("reasons", r.reasons);
  sink.end();
}

constexpr std::string_view k_csv_header =
    "deposit_id;connector;access;tenant;agreed;bank_paid;ledger_paid;bank_balance;"
    "bank_balance_date;ledger_balance;ledger_as_of;bookings_total;booking_difference;"
    "traffic_light;stale;differs;reasons\r\n";

}  // namespace

ReconciliationLine reconcile_line(ReconcileFacts facts) {
  ReconcileInput in;
  in.agreed = facts.agreed;
  if (facts.any_payment) in.bank_paid = facts.payments;
  in.bank_balance = facts.bank_balance;
  in.bookings_total = facts.bookings_total;
  if (facts.ledger) {
    in.ledger_paid = facts.ledger->paid;
    in.ledger_balance = facts.ledger->balance;
  }
  in.stale = facts.status == DepositStatus::stale;
  ReconcileRow row = reconcile(in);
  return {std::move(facts), std::move(row)};
}

std::string german_decimal(Money money) {
  std::string out;
  append_money(out, money, ',');
  return out;
}

std::string reconciliation_json(const ReconciliationReport& report) {
  std::string out;
  out.reserve(256 + report.lines.size() * 420);
  out += "{\"as_of\":\"";
  append_date(out, report.as_of);
  out += "\",\"deposits\":" + std::to_string(report.deposits) +
         ",\"differing\":" + std::to_string(report.differing) + ",\"rows\":[";
  JsonSink sink(out);
  for (std::size_t i = 0; i < report.lines.size(); ++i) {
    if (i > 0) out += ',';
    write_line(sink, report.lines[i]);
  }
  out += "]}";
  return out;
}

std::string reconciliation_csv(const ReconciliationReport& report, bool bom) {
  std::string out;
  out.reserve(256 + report.lines.size() * 150);
  if (bom) out += "\xEF\xBB\xBF";
  out += k_csv_header;
  CsvSink sink(out);
  for (const ReconciliationLine& line : report.lines)
    write_line(sink, line);
  return out;
}

}  // namespace kaution::api
