#include "daemon/api/reconciliation.hpp"

#include <cstdio>

namespace kaution::api {
namespace {

constexpr std::string_view k_columns[] = {"deposit_id",
                                          "connector",
                                          "access",
                                          "tenant",
                                          "agreed",
                                          "bank_paid",
                                          "ledger_paid",
                                          "bank_balance",
                                          "bank_balance_date",
                                          "ledger_balance",
                                          "ledger_as_of",
                                          "bookings_total",
                                          "booking_difference",
                                          "traffic_light",
                                          "stale",
                                          "differs",
                                          "reasons"};

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// The values of one line, in k_columns order, as text (nullopt: not known). Money uses `money`.
template <typename MoneyText>
std::vector<std::optional<std::string>> values(const ReconciliationLine& line, MoneyText money) {
  const ReconcileFacts& f = line.facts;
  const ReconcileRow& r = line.row;
  const auto opt_money = [&](const std::optional<Money>& m) -> std::optional<std::string> {
    return m ? std::optional<std::string>(money(*m)) : std::nullopt;
  };
  std::string reasons;
  for (std::string_view reason : r.reasons)
    reasons += (reasons.empty() ? "" : ",") + std::string(reason);
  return {f.deposit_id,
          f.connector,
          f.access,
          f.tenant_name,
          money(f.agreed),
          opt_money(r.figures.bank_paid),
          opt_money(r.figures.ledger_paid),
          opt_money(f.bank_balance),
          f.bank_balance_date ? std::optional<std::string>(f.bank_balance_date->to_string())
                              : std::nullopt,
          opt_money(r.figures.ledger_balance),
          f.ledger ? std::optional<std::string>(f.ledger->as_of.to_string()) : std::nullopt,
          money(f.bookings_total),
          opt_money(r.booking_difference_amount),
          std::string(to_string(r.traffic_light)),
          std::string(r.figures.stale ? "true" : "false"),
          std::string(r.differs ? "true" : "false"),
          reasons};
}

// Columns written as JSON strings; the others (stale, differs) are literals.
bool json_literal(std::size_t column) {
  return k_columns[column] == "stale" || k_columns[column] == "differs";
}

void append_json_line(std::string& out, const ReconciliationLine& line) {
  const auto row = values(line, [](Money m) { return m.to_string(); });
  out += '{';
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, k_columns[i]);
    out += ':';
    if (k_columns[i] == "reasons") {
      out += '[';
      bool first = true;
      for (std::string_view reason : line.row.reasons) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, reason);
      }
      out += ']';
    } else if (!row[i]) {
      out += "null";
    } else if (json_literal(i)) {
      out += *row[i];
    } else {
      append_json_string(out, *row[i]);
    }
  }
  out += '}';
}

void append_csv_field(std::string& out, std::string_view text, bool is_text) {
  std::string value;
  if (is_text && !text.empty() &&
      (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@'))
    value = "'";
  value += text;
  if (value.find_first_of(";\"\r\n") == std::string::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Text columns (free text from the ledger) are guarded against formulas; figures are not.
bool csv_text_column(std::size_t column) {
  return column <= 3;
}

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
  std::string text = money.to_string();
  const std::size_t dot = text.rfind('.');
  if (dot != std::string::npos) text[dot] = ',';
  return text;
}

std::string reconciliation_json(const ReconciliationReport& report) {
  std::string out;
  out.reserve(256 + report.lines.size() * 400);
  out += "{\"as_of\":\"" + report.as_of.to_string() +
         "\",\"deposits\":" + std::to_string(report.deposits) +
         ",\"differing\":" + std::to_string(report.differing) + ",\"rows\":[";
  for (std::size_t i = 0; i < report.lines.size(); ++i) {
    if (i > 0) out += ',';
    append_json_line(out, report.lines[i]);
  }
  out += "]}";
  return out;
}

std::string reconciliation_csv(const ReconciliationReport& report, bool bom) {
  std::string out;
  out.reserve(256 + report.lines.size() * 200);
  if (bom) out += "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < std::size(k_columns); ++i)
    out += (i > 0 ? ";" : "") + std::string(k_columns[i]);
  out += "\r\n";
  for (const ReconciliationLine& line : report.lines) {
    const auto row = values(line, german_decimal);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ';';
      if (row[i]) append_csv_field(out, *row[i], csv_text_column(i));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kaution::api
