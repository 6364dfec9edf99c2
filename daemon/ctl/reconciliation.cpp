#include "daemon/ctl/reconciliation.hpp"

#include <algorithm>

#include "daemon/ctl/csv.hpp"
#include "daemon/ctl/json_text.hpp"
#include "daemon/ctl/table.hpp"
#include "daemon/ctl/wire_values.hpp"

namespace kaution::ctl {
namespace {

const Json* rows_of(const Json& answer) {
  return find_rows(answer, {"rows", "deposits", "items"});
}

std::vector<Column> columns() {
  return {
      key_column("ID", {"deposit_id", "id"}),
      key_column("AGREED", {"agreed", "agreed_amount"}, Align::right),
      key_column("PAID BANK", {"bank_paid", "paid_bank"}, Align::right),
      key_column("PAID LEDGER", {"ledger_paid", "paid_ledger"}, Align::right),
      key_column("BAL BANK", {"bank_balance", "balance_bank"}, Align::right),
      key_column("BAL LEDGER", {"ledger_balance", "balance_ledger"}, Align::right),
      key_column("BOOKING DIFF", {"booking_difference_amount", "booking_difference"}, Align::right),
      key_column("LIGHT", {"traffic_light"}),
      key_column("STALE", {"stale"}),
      key_column("REASONS", {"reasons"})};
}

void render(const Json& answer, std::ostream& out) {
  render_list_answer(answer, {"rows", "deposits", "items"}, columns(), out);
}

// The rows of a JSON answer as CSV: every member seen, flattened, in the order first seen.
void write_rows_as_csv(const Json& answer, std::ostream& out) {
  const auto* rows = rows_of(answer);
  std::vector<std::string> keys;
  std::vector<std::vector<std::pair<std::string, std::string>>> flat;
  if (rows != nullptr)
    for (const auto& row : *rows) {
      flat.push_back(flatten(row));
      for (const auto& [key, value] : flat.back())
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  write_csv_row(out, keys);
  for (const auto& row : flat) {
    std::vector<std::string> cells(keys.size());
    for (const auto& [key, value] : row)
      cells[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin())] =
          value == "-" ? "" : value;
    write_csv_row(out, cells);
  }
}

int print_csv(const Context& ctx, const ApiResponse& answer, bool bom) {
  std::string_view body = answer.body;
  if (body.starts_with(k_utf8_bom)) body.remove_prefix(k_utf8_bom.size());
  if (bom) ctx.out << k_utf8_bom;
  if (answer.content_type == "text/csv") {
    ctx.out << body;
    return k_exit_ok;
  }
  const auto json = Json::parse(body, nullptr, false);
  if (json.is_discarded()) {
    ctx.out << body;
    return k_exit_ok;
  }
  write_rows_as_csv(json, ctx.out);
  return k_exit_ok;
}

}  // namespace

int show_reconciliation(const Context& ctx, const ReconciliationQuery& query) {
  std::optional<std::string> as_of;
  if (query.as_of) {
    const auto date = wire_date(*query.as_of);
    if (!date) {
      ctx.err << "kautionctl: --as-of: " << date.error() << "\n";
      return k_exit_usage;
    }
    as_of = *date;
  }
  Query q;
  q.add("as_of", as_of).add_flag("all", query.all);
  ApiRequest request = make_request("GET", "/api/v1/reconciliation" + q.str());
  if (!query.csv) return run_request(ctx, request, render);
  request.accept = "text/csv";
  auto answer = call(ctx, request);
  if (!answer) return answer.error();
  return print_csv(ctx, *answer, query.bom);
}

}  // namespace kaution::ctl
