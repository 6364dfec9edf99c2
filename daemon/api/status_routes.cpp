// GET /api/v1/status (operator); POST /api/v1/deposits/{id}/export and
// POST /api/v1/exports:retrigger (support).
#include <spdlog/spdlog.h>

#include <map>

#include "daemon/api/deposit_intake.hpp"
#include "daemon/api/json_out.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

constexpr std::size_t k_max_listed_ids = 1000;

struct AccessSummary {
  std::string connector;
  std::map<std::string, std::int64_t> counts;  // status (or "none") → deposits
  std::int64_t total = 0;
  std::optional<AccessState> state;
};

nlohmann::json access_json(const std::string& name, const AccessSummary& a) {
  const AccessState state = a.state.value_or(AccessState{name, false, {}, {}, {}, {}});
  return {
      {"access", name.empty() ? nlohmann::json(nullptr) : nlohmann::json(name)},
      {"connector", a.connector.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.connector)},
      {"deposits", a.total},
      {"counts", a.counts},
      {"last_export_ok_at", json_of(state.last_export_ok_at)},
      {"last_import_ok_at", json_of(state.last_import_ok_at)},
      {"credentials_refused", state.credentials_refused},
      {"refused_since", json_of(state.refused_since)},
      {"refused_message", json_of(state.refused_message)}};
}

Response get_status(ApiContext& context, const Request& request) {
  QueryReader query(request, {});
  if (auto problem = query.problem()) return *problem;
  const auto [counts, states] = context.store().with([](Store& store) {
    return std::pair{store.status_counts(), store.access_states()};
  });
  std::map<std::string, AccessSummary> accesses;
  for (const AccessInfo& info : context.settings()->validation.accesses)
    accesses[info.name].connector = std::string(to_string(info.connector));
  std::map<std::string, std::int64_t> totals;
  std::int64_t deposits = 0;
  for (const StatusCount& c : counts) {
    AccessSummary& a = accesses[c.access];
    a.connector = c.connector;
    const std::string status(c.status ? to_string(*c.status) : "none");
    a.counts[status] += c.count;
    a.total += c.count;
    totals[status] += c.count;
    deposits += c.count;
  }
  for (const AccessState& state : states)
    accesses[state.access].state = state;
  auto list = nlohmann::json::array();
  for (const auto& [name, summary] : accesses)
    list.push_back(access_json(name, summary));
  return http::json_response(
      200, {{"deposits", deposits}, {"totals", totals}, {"accesses", std::move(list)}});
}

Response post_export(ApiContext& context, const Request& request) {
  const std::string id(request.path_param("deposit_id"));
  const auto settings = context.settings();
  const auto answer = context.store().with([&](Store& store) -> Response {
    const auto stored = store.get_deposit(id);
    if (!stored) return not_found("no deposit " + id);
    if (stored->closed)
      return conflict("deposit " + id + " is closed; closed deposits are not exported");
    DepositStatus status = DepositStatus::waiting;
    store.transaction([&] {
      store.retrigger_export(id);
      status = record_derived_status(store, id, context.today(), settings->status_rules);
    });
    return http::json_response(200, {{"deposit_id", id}, {"status", to_string(status)}});
  });
  if (answer.status == 200) {
    spdlog::info("EXPORT_RETRIGGERED deposit={} by={}", id, request.principal);
    context.notify_exports_queued();
  }
  return answer;
}

std::expected<DepositFilter, Response> read_selection(const Request& request) {
  auto body = read_object_body(request, {"status", "connector", "access"});
  if (!body) return std::unexpected(body.error());
  BodyReader reader(*body);
  DepositFilter filter;
  filter.closed = false;
  if (auto status = reader.text("status", false)) {
    filter.status = status_from_string(*status);
    if (!filter.status)
      reader.error("status", "INVALID_VALUE", "unknown status \"" + *status + "\"");
  }
  filter.connector = reader.text("connector", false);
  filter.access = reader.text("access", false);
  if (!filter.status && !filter.connector && !filter.access && reader.errors().empty())
    reader.error("status", "REQUIRED", "name at least one of status, connector, access");
  if (!reader.errors().empty())
    return std::unexpected(invalid_body("invalid selection", reader.errors()));
  return filter;
}

// The ids first, then the writes: re-triggering changes the statuses the filter looks at.
std::vector<std::string> retrigger_selection(Store& store, DepositFilter filter, Date today,
                                             const StatusRules& rules) {
  std::vector<std::string> ids;
  filter.limit = 10000;
  for (filter.offset = 0;; filter.offset += filter.limit) {
    const DepositPage page = store.list_deposits(filter);
    for (const StoredDeposit& d : page.items)
      ids.push_back(d.deposit.deposit_id);
    if (static_cast<std::int64_t>(page.items.size()) < filter.limit) break;
  }
  store.transaction([&] {
    for (const std::string& id : ids) {
      store.retrigger_export(id);
      record_derived_status(store, id, today, rules);
    }
  });
  return ids;
}

Response post_retrigger(ApiContext& context, const Request& request) {
  const auto filter = read_selection(request);
  if (!filter) return filter.error();
  const auto settings = context.settings();
  const auto ids = context.store().with([&](Store& store) {
    return retrigger_selection(store, *filter, context.today(), settings->status_rules);
  });
  spdlog::info("EXPORTS_RETRIGGERED count={} by={}", ids.size(), request.principal);
  if (!ids.empty()) context.notify_exports_queued();
  auto listed = nlohmann::json::array();
  for (std::size_t i = 0; i < ids.size() && i < k_max_listed_ids; ++i)
    listed.push_back(ids[i]);
  return http::json_response(200, {{"retriggered", ids.size()},
                                   {"deposit_ids", std::move(listed)},
                                   {"truncated", ids.size() > k_max_listed_ids}});
}

}  // namespace

void add_status_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/api/v1/status", http::Role::operator_,
             [&context](const Request& r) { return get_status(context, r); });
  router.add("POST", "/api/v1/deposits/{deposit_id}/export", http::Role::support,
             [&context](const Request& r) { return post_export(context, r); });
  router.add("POST", "/api/v1/exports:retrigger", http::Role::support,
             [&context](const Request& r) { return post_retrigger(context, r); });
}

}  // namespace kaution::api
