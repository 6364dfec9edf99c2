#include "tests/daemon/ctl/stub_server.hpp"

#include "daemon/http/json_body.hpp"

namespace kaution::ctl::test {
namespace {

using http::json_response;
using http::problem;
using http::Request;
using http::Response;
using http::Role;
using nlohmann::json;

const std::string k_deposit = R"({"deposit_id": "D-1", "status": "active",
  "rental_contract_no": "1.080000.1047", "agreed_amount": "1340.00",
  "parties": [{"role": "tenant", "first_name": "Natalie", "last_name": "Schmidt"}],
  "bank_balance": "1342.17", "bank_balance_date": "2026-11-01"})";

Response batch_results(const json& deposits) {
  json results = json::array();
  for (const auto& d : deposits) {
    const auto id = d.value("deposit_id", std::string());
    if (!d.contains("parties") || id == "D-5")
      results.push_back({{"deposit_id", id},
                         {"result", "rejected"},
                         {"errors", {{{"field", "parties"}, {"message", "at least one party"}}}}});
    else
      results.push_back({{"deposit_id", id}, {"result", id == "D-1" ? "changed" : "created"}});
  }
  return json_response(200, {{"results", results}});
}

}  // namespace

const std::string k_stub_deposit_list = R"({"deposits": [
  {"deposit_id": "D-1", "status": "active", "object_no": "P1096",
   "object_label": "Mittelweg 30, Dortmund", "tenant": "Natalie Schmidt", "unit_no": "10006.1.340",
   "connector": "aak", "instalments": 3, "virtual_iban": "DE14550104000007223330",
   "valid_from": "2021-01-01", "valid_until": null, "agreed": "1340.00", "paid": "1340.00",
   "outstanding": "0.00", "bank_balance": "1342.17"},
  {"deposit_id": "D-2", "status": "faulty", "object_no": "P2000", "object_label": "Hafenstraße 1",
   "tenant": "Jörg Müller", "unit_no": "1.2", "connector": "km", "instalments": 1,
   "virtual_iban": null, "valid_from": "2025-05-01", "valid_until": null, "agreed": "900.00",
   "paid": "0.00", "outstanding": "900.00", "bank_balance": null}],
  "sums": {"agreed": "2240.00", "paid": "1340.00", "outstanding": "900.00"}})";

StubDaemon::StubDaemon() : m_socket(m_dir.path() / "api.sock") {
  http::ServerOptions options;
  options.socket = m_socket;
  m_server = std::make_unique<http::HttpServer>(
      options, router(),
      std::vector<http::ApiToken>{{"erp", Role::ledger, k_ledger_secret},
                                  {"helpdesk", Role::support, k_support_secret},
                                  {"monitor", Role::operator_, k_operator_secret}});
}

std::vector<json> StubDaemon::batches() const {
  std::lock_guard lock(m_mutex);
  return m_batches;
}

http::Router StubDaemon::router() {
  http::Router r;
  r.add("GET", "/api/v1/status", Role::operator_, [](const Request&) {
    return json_response(200, json::parse(R"({"counts": [
        {"connector": "aak", "access": "aak-main", "status": "active", "count": 12},
        {"connector": "km", "access": "km-1", "status": "faulty", "count": 1}]})"));
  });
  r.add("GET", "/api/v1/deposits", Role::operator_,
        [](const Request&) { return json_response(200, json::parse(k_stub_deposit_list)); });
  r.add("GET", "/api/v1/deposits/{id}", Role::operator_, [](const Request& q) {
    if (q.path_param("id") == "D-1") return json_response(200, json::parse(k_deposit));
    return problem(404, "Deposit not found", "no deposit " + std::string(q.path_param("id")));
  });
  r.add("PUT", "/api/v1/deposits/{id}", Role::ledger, [](const Request& q) {
    auto body = http::parse_json_object(q.body);
    if (!body) return body.error();
    if (!body->contains("parties"))
      return problem(422, "Invalid deposit", "2 errors",
                     {{"parties", "at least one party"}, {"agreed_amount", "required"}});
    return json_response(201, {{"deposit_id", q.path_param("id")}, {"status", "waiting"}});
  });
  r.add("POST", "/api/v1/deposits/{id}/close", Role::support, [](const Request&) {
    return problem(409, "Balance not zero", "the bank balance is 1342.17");
  });
  r.add("POST", "/api/v1/deposits:batch", Role::ledger, [this](const Request& q) {
    const auto deposits = json::parse(q.body, nullptr, false);
    if (!deposits.is_array()) return problem(400, "Malformed JSON", "expected an array");
    {
      std::lock_guard lock(m_mutex);
      m_batches.push_back(deposits);
    }
    return batch_results(deposits);
  });
  r.add("GET", "/api/v1/reconciliation", Role::operator_, [](const Request& q) {
    return json_response(200, {{"as_of", std::string(q.query_param("as_of").value_or("today"))},
                               {"rows",
                                {{{"deposit_id", "D-2"},
                                  {"agreed", "900.00"},
                                  {"bank_paid", "0.00"},
                                  {"ledger_paid", "900.00"},
                                  {"traffic_light", "yellow"}}}}});
  });
  return r;
}

}  // namespace kaution::ctl::test
