#include "tests/daemon/http/server_fixture.hpp"

#include <stdexcept>

#include "daemon/http/json_body.hpp"

namespace kaution::test {

using http::json_response;
using http::Request;
using http::Response;
using http::Role;

std::vector<http::ApiToken> example_tokens() {
  return {{"erp", Role::ledger, k_ledger_token},
          {"helpdesk", Role::support, k_support_token},
          {"monitor", Role::operator_, k_operator_token}};
}

http::Router example_router(std::shared_ptr<SlowGate> gate) {
  http::Router router;
  router.add("PUT", "/api/v1/deposits/{deposit_id}", Role::ledger, [](const Request& r) {
    auto body = http::parse_json_object(r.body);
    if (!body) return body.error();
    return json_response(200, {{"deposit_id", r.path_param("deposit_id")}, {"by", r.principal}});
  });
  router.add("GET", "/api/v1/deposits/{deposit_id}", Role::operator_, [](const Request& r) {
    return json_response(200, {{"deposit_id", r.path_param("deposit_id")}, {"by", r.principal}});
  });
  router.add("POST", "/api/v1/deposits:batch", Role::ledger, [](const Request& r) {
    return json_response(200, {{"bytes", r.body.size()}});
  });
  router.add("POST", "/api/v1/bookings/{booking_id}/assign", Role::support, [](const Request& r) {
    return json_response(
        200, {{"booking_id", r.path_param("booking_id")}, {"assigned_by", r.principal}});
  });
  router.add("GET", "/api/v1/bookings/unassigned", Role::operator_, [](const Request&) {
    return json_response(200, {{"route", "unassigned"}});
  });
  router.add("POST", "/api/v1/exports:retrigger", Role::support, [](const Request&) {
    return json_response(202, {{"queued", 0}});
  });
  router.add("GET", "/api/v1/echo", Role::operator_, [](const Request& r) {
    nlohmann::json query = nlohmann::json::object();
    for (const auto& [key, value] : r.query)
      query[key] = value;
    return json_response(200, {{"path", r.path},
                               {"query", query},
                               {"has_authorization", r.header("authorization").has_value()},
                               {"role", http::role_name(r.role)}});
  });
  router.add("GET", "/api/v1/boom", Role::operator_, [](const Request&) -> Response {
    throw std::runtime_error("internal detail /var/lib/kautiond/secret.db");
  });
  router.add("GET", "/api/v1/slow", Role::operator_, [gate](const Request&) {
    gate->entered.set_value();
    gate->release.wait_for(std::chrono::seconds{10});
    return json_response(200, {{"slow", true}});
  });
  return router;
}

ServerFixture::ServerFixture(http::ServerOptions options) : m_socket(m_dir.path() / "api.sock") {
  if (options.socket.empty()) options.socket = m_socket;
  m_socket = options.socket;
  m_server = std::make_unique<http::HttpServer>(std::move(options), example_router(m_gate),
                                                example_tokens());
}

}  // namespace kaution::test
