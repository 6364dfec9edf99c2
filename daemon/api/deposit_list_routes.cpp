// GET /api/v1/deposits — the deposit list [Liste der Kautionskonten] (operator): filters
// status, connector, access, q (tenant name or IBAN), active_only (not closed, tenancy not ended
// today), ended_only (valid_until before today), from (valid_from on or after); paged with
// offset/limit; sums over every matching deposit.
#include "daemon/api/json_out.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

struct ListRow {
  StoredDeposit stored;
  Money paid;
};

struct ListResult {
  std::vector<ListRow> rows;
  std::int64_t total = 0;
  DepositTotals totals;
};

std::expected<DepositFilter, Response> read_filter(const Request& request, Date today) {
  QueryReader query(request, {"status", "connector", "access", "q", "active_only", "ended_only",
                              "from", "offset", "limit"});
  DepositFilter filter;
  if (auto status = query.text("status")) {
    filter.status = status_from_string(*status);
    if (!filter.status) query.error("status", "unknown status \"" + *status + "\"");
  }
  filter.connector = query.text("connector");
  if (filter.connector && !bank_profile_from_string(*filter.connector))
    query.error("connector", "unknown connector \"" + *filter.connector + "\" (aak, km or dkb)");
  filter.access = query.text("access");
  filter.text = query.text("q");
  if (query.flag("active_only").value_or(false)) filter.running_on = today;
  if (query.flag("ended_only").value_or(false)) filter.ended_before = today;
  filter.valid_from_min = query.date("from");
  filter.offset = query.integer("offset", 0, 0, INT64_MAX);
  filter.limit = query.integer("limit", 100, 1, 10000);
  if (auto problem = query.problem()) return std::unexpected(*problem);
  return filter;
}

ListResult load(Store& store, const DepositFilter& filter) {
  ListResult result;
  DepositPage page = store.list_deposits(filter);
  result.total = page.total;
  result.totals = store.deposit_totals(filter);
  result.rows.reserve(page.items.size());
  for (StoredDeposit& item : page.items) {
    const auto facts = store.facts(item.deposit.deposit_id);
    result.rows.push_back({std::move(item), facts ? facts->payments : Money()});
  }
  return result;
}

nlohmann::json member(const nlohmann::json& master, const char* key) {
  const auto it = master.find(key);
  return it == master.end() ? nlohmann::json(nullptr) : *it;
}

nlohmann::json row_json(const ListRow& row) {
  const DepositRecord& d = row.stored.deposit;
  const nlohmann::json master = nlohmann::json::parse(d.master_json, nullptr, false);
  const nlohmann::json instalments = member(master, "instalments");
  return {
      {"deposit_id", d.deposit_id},
      {"object_no", member(master, "object_no")},
      {"object_label", member(master, "object_label")},
      {"tenant", d.tenant_name},
      {"unit_no", member(master, "unit_no")},
      {"connector", d.connector.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.connector)},
      {"access", d.access.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.access)},
      {"instalments", instalments.is_array() ? instalments.size() : 0},
      {"iban", d.virtual_iban ? json_of(d.virtual_iban) : json_of(d.trust_account)},
      {"valid_from", json_of(d.valid_from)},
      {"valid_until", json_of(d.valid_until)},
      {"agreed", d.agreed.to_string()},
      {"paid", row.paid.to_string()},
      {"outstanding", (d.agreed - row.paid).to_string()},
      {"bank_balance", json_of(row.stored.bank.balance)},
      {"status", row.stored.status ? nlohmann::json(to_string(row.stored.status->status))
                                   : nlohmann::json(nullptr)},
      {"closed", row.stored.closed}};
}

nlohmann::json sums_json(const DepositTotals& t) {
  return {{"count", t.count},
          {"agreed", t.agreed.to_string()},
          {"paid", t.paid.to_string()},
          {"outstanding", (t.agreed - t.paid).to_string()},
          {"bank_balance", t.bank_balance.to_string()}};
}

Response list_deposits(ApiContext& context, const Request& request) {
  const auto filter = read_filter(request, context.today());
  if (!filter) return filter.error();
  const ListResult result =
      context.store().with([&](Store& store) { return load(store, *filter); });
  auto items = nlohmann::json::array();
  for (const ListRow& row : result.rows)
    items.push_back(row_json(row));
  return http::json_response(200, {{"total", result.total},
                                   {"offset", filter->offset},
                                   {"limit", filter->limit},
                                   {"items", std::move(items)},
                                   {"sums", sums_json(result.totals)}});
}

}  // namespace

void add_deposit_list_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/api/v1/deposits", http::Role::operator_,
             [&context](const Request& r) { return list_deposits(context, r); });
}

}  // namespace kaution::api
