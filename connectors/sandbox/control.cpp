#include "connectors/sandbox/control.hpp"

#include "connectors/sandbox/state.hpp"
#include "daemon/http/json_body.hpp"

namespace kaution::sandbox {
namespace {

using http::Request;
using http::Response;
using nlohmann::json;

constexpr std::int64_t k_max_advance_days = 3660;
constexpr std::uint64_t k_max_extra_bookings = 1000000;

Response bad_request(const std::string& message) {
  return http::json_response(400, {{"error", message}});
}

Response no_content() {
  return Response{204, "application/json", "", {}};
}

Response post_faults(BankContext& context, const Request& request) {
  auto body = http::parse_json(request.body);
  if (!body) return bad_request("the body is not JSON");
  auto ids = add_faults(context.faults, *body);
  if (!ids) return bad_request(ids.error());
  return http::json_response(201, {{"ids", *ids}});
}

Response advance(BankContext& context, const Request& request) {
  auto body = http::parse_json_object(request.body);
  if (!body || !body->contains("days") || !(*body)["days"].is_number_integer()) {
    return bad_request("{\"days\": n} is required");
  }
  const auto days = (*body)["days"].get<std::int64_t>();
  if (days < 0 || days > k_max_advance_days) return bad_request("days must be 0…3660");
  const std::lock_guard lock(context.world.mutex);
  context.world.simulation.advance(static_cast<int>(days));
  return http::json_response(200, {{"today", context.world.simulation.today().to_string()}});
}

// Further payments today, for volume (benchmarks).
Response extra_bookings(BankContext& context, const Request& request) {
  auto body = http::parse_json_object(request.body);
  if (!body || !body->contains("count") || !(*body)["count"].is_number_unsigned()) {
    return bad_request("{\"count\": n} is required");
  }
  const auto count = (*body)["count"].get<std::uint64_t>();
  if (count > k_max_extra_bookings) return bad_request("count must be 0…1000000");
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  const std::size_t booked = simulation.book_extra_payments(context.bank, count);
  return http::json_response(
      200, {{"booked", booked}, {"bookings", simulation.books(context.bank).journal().size()}});
}

Response state(BankContext& context) {
  const std::lock_guard lock(context.world.mutex);
  Simulation& simulation = context.world.simulation;
  const Books& books = simulation.books(context.bank);
  std::size_t open = 0;
  for (const Account& account : books.accounts())
    open += account.closed ? 0U : 1U;
  std::size_t unassigned = 0;
  for (const Booking& booking : books.journal())
    unassigned += booking.contract.empty() ? 1U : 0U;
  return http::json_response(200, {{"bank", bank_name(context.bank)},
                                   {"today", simulation.today().to_string()},
                                   {"accounts", open},
                                   {"bookings", books.journal().size()},
                                   {"unassigned", unassigned}});
}

}  // namespace

std::expected<std::vector<std::uint64_t>, std::string> add_faults(FaultSet& faults,
                                                                  const json& rules) {
  const json list = rules.is_array() ? rules : json::array({rules});
  std::vector<FaultRule> parsed;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto rule = parse_fault(list[i]);
    if (!rule) return std::unexpected("rule " + std::to_string(i) + ": " + rule.error());
    parsed.push_back(std::move(*rule));
  }
  std::vector<std::uint64_t> ids;
  for (FaultRule& rule : parsed)
    ids.push_back(faults.add(std::move(rule)));
  return ids;
}

void add_control_routes(http::Router& router, BankContext& context) {
  BankContext* c = &context;
  router.add("POST", "/_control/faults", http::Role::none,
             [c](const Request& r) { return post_faults(*c, r); });
  router.add("GET", "/_control/faults", http::Role::none, [c](const Request&) {
    return http::json_response(200, {{"faults", c->faults.to_json()}});
  });
  router.add("DELETE", "/_control/faults", http::Role::none, [c](const Request&) {
    c->faults.clear();
    return no_content();
  });
  router.add("GET", "/_control/stats", http::Role::none,
             [c](const Request&) { return http::json_response(200, c->stats.to_json()); });
  router.add("DELETE", "/_control/stats", http::Role::none, [c](const Request&) {
    c->stats.reset();
    return no_content();
  });
  router.add("POST", "/_control/advance", http::Role::none,
             recorded(context, "POST", "/_control/advance",
                      [c](const Request& r) { return advance(*c, r); }));
  router.add("POST", "/_control/bookings", http::Role::none,
             recorded(context, "POST", "/_control/bookings",
                      [c](const Request& r) { return extra_bookings(*c, r); }));
  router.add("GET", "/_control/state", http::Role::none, [c](const Request&) { return state(*c); });
}

}  // namespace kaution::sandbox
