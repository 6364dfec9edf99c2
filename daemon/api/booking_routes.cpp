// GET /api/v1/bookings?after=&limit= (ledger: the feed), GET /api/v1/bookings/unassigned
// (operator), POST /api/v1/bookings/{booking_id}/assign (support).
#include <spdlog/spdlog.h>

#include "daemon/api/json_out.hpp"
#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

Response get_feed(ApiContext& context, const Request& request) {
  QueryReader query(request, {"after", "limit"});
  const std::int64_t after = query.integer("after", 0, 0, INT64_MAX);
  const auto limit = static_cast<std::size_t>(query.integer("limit", 1000, 1, 10000));
  if (auto problem = query.problem()) return *problem;
  const auto bookings =
      context.store().with([&](Store& store) { return store.bookings_after(after, limit); });
  auto list = nlohmann::json::array();
  for (const Booking& b : bookings)
    list.push_back(booking_json(b));
  const std::int64_t next = bookings.empty() ? after : bookings.back().seq;
  return http::json_response(200, {{"bookings", std::move(list)},
                                   {"next_after", next},
                                   {"has_more", bookings.size() == limit}});
}

Response get_unassigned(ApiContext& context, const Request& request) {
  QueryReader query(request, {"limit"});
  const auto limit = static_cast<std::size_t>(query.integer("limit", 100, 0, 10000));
  if (auto problem = query.problem()) return *problem;
  const auto groups =
      context.store().with([&](Store& store) { return store.unassigned_bookings(limit); });
  auto accounts = nlohmann::json::array();
  std::int64_t count = 0;
  for (const UnassignedGroup& g : groups) {
    auto bookings = nlohmann::json::array();
    for (const Booking& b : g.bookings)
      bookings.push_back(booking_json(b));
    accounts.push_back({{"connector", g.connector},
                        {"access", g.access},
                        {"account", g.account},
                        {"count", g.count},
                        {"total", g.total.to_string()},
                        {"bookings", std::move(bookings)}});
    count += g.count;
  }
  return http::json_response(200, {{"count", count}, {"accounts", std::move(accounts)}});
}

Response post_assign(ApiContext& context, const Request& request) {
  auto body = read_object_body(request, {"deposit_id"});
  if (!body) return body.error();
  BodyReader reader(*body);
  const auto deposit_id = reader.text("deposit_id", true);
  if (!deposit_id) return invalid_body("invalid assignment", reader.errors());
  const std::string booking_id(request.path_param("booking_id"));
  const AssignOutcome outcome = context.store().with([&](Store& store) {
    return store.assign_booking(booking_id, *deposit_id, request.principal);
  });
  switch (outcome) {
    case AssignOutcome::unknown_booking:
      return not_found("no booking " + booking_id);
    case AssignOutcome::unknown_deposit:
      return invalid_body("invalid assignment",
                          {{"deposit_id", "UNKNOWN_DEPOSIT", "no deposit " + *deposit_id}});
    case AssignOutcome::already_assigned:
      return conflict("booking " + booking_id + " is assigned already",
                      {{"booking_id", booking_id}});
    case AssignOutcome::assigned:
      break;
  }
  spdlog::info("BOOKING_ASSIGNED booking={} deposit={} by={}", booking_id, *deposit_id,
               request.principal);
  context.notify_assignment_queued();
  return http::json_response(200, {{"booking_id", booking_id},
                                   {"deposit_id", *deposit_id},
                                   {"assigned_by", request.principal}});
}

}  // namespace

void add_booking_routes(http::Router& router, ApiContext& context) {
  router.add("GET", "/api/v1/bookings", http::Role::ledger,
             [&context](const Request& r) { return get_feed(context, r); });
  router.add("GET", "/api/v1/bookings/unassigned", http::Role::operator_,
             [&context](const Request& r) { return get_unassigned(context, r); });
  router.add("POST", "/api/v1/bookings/{booking_id}/assign", http::Role::support,
             [&context](const Request& r) { return post_assign(context, r); });
}

}  // namespace kaution::api
