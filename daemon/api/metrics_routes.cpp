// GET /metrics: Prometheus text format 0.0.4. The counters and the duration histogram come from
// the process's registry (metrics/sync_metrics.hpp); the gauges are read from the store at each
// scrape. No label carries a deposit id or personal data.
#include <spdlog/spdlog.h>

#include <map>
#include <set>

#include "daemon/api/routes.hpp"
#include "daemon/http/listen_socket.hpp"
#include "metrics/registry.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

struct Scrape {
  std::vector<StatusCount> counts;
  std::vector<AccessState> states;
  std::vector<QueueFigures> queues;
};

double unix_seconds(TimePoint t) {
  return static_cast<double>(
      std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

void deposit_gauges(metrics::Registry& r, const ApiSettings& settings,
                    const std::vector<StatusCount>& counts) {
  std::map<std::pair<std::string, std::string>, std::int64_t> by;  // (connector, status)
  std::set<std::string> connectors;
  for (const AccessInfo& a : settings.validation.accesses)
    connectors.emplace(to_string(a.connector));
  for (const StatusCount& c : counts) {
    connectors.insert(c.connector);
    by[{c.connector, std::string(c.status ? to_string(*c.status) : "none")}] += c.count;
  }
  for (const std::string& connector : connectors)
    for (const DepositStatus s : k_all_statuses)
      by.try_emplace({connector, std::string(to_string(s))}, 0);
  for (const auto& [key, count] : by)
    r.gauge_set("kautiond_deposits", "Deposits by connector and status.",
                {{"connector", key.first}, {"status", key.second}}, static_cast<double>(count));
}

void access_gauges(metrics::Registry& r, const ApiSettings& settings, const Scrape& scrape,
                   TimePoint now) {
  std::map<std::string, QueueFigures> queues;
  for (const AccessInfo& a : settings.validation.accesses)
    queues[a.name].access = a.name;
  for (const QueueFigures& q : scrape.queues)
    if (!q.access.empty()) queues[q.access] = q;
  for (const auto& [access, q] : queues) {
    const double age =
        q.oldest_waiting_since
            ? std::max(0.0, std::chrono::duration<double>(now - *q.oldest_waiting_since).count())
            : 0.0;
    r.gauge_set("kautiond_export_queue_oldest_age_seconds",
                "Age of the oldest export waiting to be sent (0: none waits).",
                {{"access", access}}, age);
    r.gauge_set("kautiond_exports_waiting", "Exports waiting to be sent.", {{"access", access}},
                static_cast<double>(q.waiting_exports));
    r.gauge_set("kautiond_unassigned_bookings", "Bookings not assigned to a deposit.",
                {{"access", access}}, static_cast<double>(q.unassigned_bookings));
  }
  for (const AccessState& s : scrape.states) {
    r.gauge_set("kautiond_access_credentials_refused",
                "1 while the access is paused because the bank refused its credentials.",
                {{"access", s.access}}, s.credentials_refused ? 1.0 : 0.0);
    if (s.last_import_ok_at)
      r.gauge_set("kautiond_last_import_success_timestamp_seconds",
                  "Unix time of the access's last complete import.", {{"access", s.access}},
                  unix_seconds(*s.last_import_ok_at));
    if (s.last_export_ok_at)
      r.gauge_set("kautiond_last_export_success_timestamp_seconds",
                  "Unix time of the access's last accepted export.", {{"access", s.access}},
                  unix_seconds(*s.last_export_ok_at));
  }
}

Response get_metrics(ApiContext& context) {
  const Scrape scrape = context.store().with([](Store& store) {
    return Scrape{store.status_counts(), store.access_states(), store.queue_figures()};
  });
  metrics::Registry gauges;
  const auto settings = context.settings();
  deposit_gauges(gauges, *settings, scrape.counts);
  access_gauges(gauges, *settings, scrape, context.clock().now());
  return Response{200,
                  "text/plain; version=0.0.4; charset=utf-8",
                  gauges.render() + metrics::Registry::global().render(),
                  {}};
}

}  // namespace

http::Role metrics_role(const ApiConfig& api) {
  if (api.tcp && !http::is_loopback(api.tcp->address)) return http::Role::operator_;
  return http::Role::none;
}

void add_metrics_route(http::Router& router, ApiContext& context, http::Role role) {
  router.add("GET", "/metrics", role, [&context](const Request&) { return get_metrics(context); });
}

}  // namespace kaution::api
