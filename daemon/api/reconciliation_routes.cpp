// GET /api/v1/reconciliation?as_of=&all=&format=&bom= (operator): JSON, or CSV with
// Accept: text/csv or format=csv.
#include "daemon/api/problems.hpp"
#include "daemon/api/reconciliation.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

struct Options {
  Date as_of = Date::from_days(0);
  bool all = false;
  bool csv = false;
  bool bom = false;
};

bool accepts_csv(const Request& request) {
  const auto accept = request.header("accept");
  return accept && accept->find("text/csv") != std::string_view::npos;
}

std::expected<Options, Response> read_options(const Request& request, Date today) {
  QueryReader query(request, {"as_of", "all", "format", "bom"});
  Options o;
  o.as_of = query.date("as_of").value_or(today);
  o.all = query.flag("all").value_or(false);
  o.bom = query.flag("bom").value_or(false);
  const auto format = query.text("format");
  if (format && *format != "csv" && *format != "json")
    query.error("format", "expected csv or json, got \"" + *format + "\"");
  o.csv = format ? *format == "csv" : accepts_csv(request);
  if (auto problem = query.problem()) return std::unexpected(*problem);
  return o;
}

// Under the store mutex: only the facts are read; lines are kept when they differ (or all).
ReconciliationReport load(Store& store, const Options& o) {
  ReconciliationReport report;
  report.as_of = o.as_of;
  store.for_each_reconcile_facts(o.as_of, [&](const ReconcileFacts& facts) {
    ++report.deposits;
    ReconciliationLine line = reconcile_line(facts);
    if (line.row.differs) ++report.differing;
    if (line.row.differs || o.all) report.lines.push_back(std::move(line));
  });
  return report;
}

Response get_reconciliation(ApiContext& context, const Request& request) {
  const auto options = read_options(request, context.today());
  if (!options) return options.error();
  const ReconciliationReport report =
      context.store().with([&](Store& store) { return load(store, *options); });
  if (!options->csv) return Response{200, "application/json", reconciliation_json(report), {}};
  Response response{200, "text/csv; charset=utf-8", reconciliation_csv(report, options->bom), {}};
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"reconciliation-" +
                                                           options->as_of.to_string() + ".csv\"");
  return response;
}

}  // namespace

void add_reconciliation_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/api/v1/reconciliation", http::Role::operator_,
             [&context](const Request& r) { return get_reconciliation(context, r); });
}

}  // namespace kaution::api
