#include "connectors/sandbox/script_control.hpp"

#include "daemon/http/json_body.hpp"

namespace kaution::sandbox {
namespace {

using http::Request;
using http::Response;
using nlohmann::json;

Response bad_request(const std::string& message) {
  return http::json_response(400, {{"error", message}});
}

std::optional<std::string> text_member(const json& body, const char* key) {
  const auto it = body.find(key);
  if (it == body.end() || !it->is_string() || it->get<std::string>().empty()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<Money> positive_amount(const json& body) {
  const auto text = text_member(body, "amount");
  if (!text) return std::nullopt;
  const auto amount = parse_wire_amount(*text);
  if (!amount || amount->cents() <= 0) return std::nullopt;
  return amount;
}

Response booked(const Booking& booking) {
  return http::json_response(
      201, {{"reference", booking.reference}, {"date", booking.date.to_string()}});
}

Response pay(BankContext& context, const Request& request) {
  const auto body = http::parse_json_object(request.body);
  const auto contract = body ? text_member(*body, "contract") : std::nullopt;
  const auto amount = body ? positive_amount(*body) : std::nullopt;
  if (!contract || !amount) return bad_request("{\"contract\", \"amount\": \"1.00\"} expected");
  const std::lock_guard lock(context.world.mutex);
  const Booking* booking = context.world.simulation.book_payment(context.bank, *contract, *amount);
  if (booking == nullptr) {
    return http::json_response(404, {{"error", "no open account for contract " + *contract}});
  }
  return booked(*booking);
}

Response pay_unassignable(BankContext& context, const Request& request) {
  const auto body = http::parse_json_object(request.body);
  const auto amount = body ? positive_amount(*body) : std::nullopt;
  if (!amount) return bad_request("{\"amount\": \"1.00\"} expected");
  const std::lock_guard lock(context.world.mutex);
  return booked(context.world.simulation.book_unassignable(context.bank, *amount));
}

Response reject_next(BankContext& context, const Request& request) {
  const auto body = http::parse_json_object(request.body);
  const auto contract = body ? text_member(*body, "contract") : std::nullopt;
  if (!contract) return bad_request("{\"contract\"} expected");
  Violation violation{text_member(*body, "field").value_or("contractNumber"),
                      text_member(*body, "code").value_or("REJECTED"),
                      text_member(*body, "message").value_or("rejected by the sandbox script")};
  context.script.reject_next(*contract, std::move(violation));
  return Response{204, "application/json", "", {}};
}

Response closed(BankContext& context) {
  const std::lock_guard lock(context.world.mutex);
  json contracts = json::array();
  for (const Account& account : context.world.simulation.books(context.bank).accounts())
    if (account.closed) contracts.push_back(account.contract);
  return http::json_response(200, {{"contracts", contracts}});
}

}  // namespace

void add_script_routes(http::Router& router, BankContext& context) {
  BankContext* c = &context;
  router.add("POST", "/_control/pay", http::Role::none,
             [c](const Request& r) { return pay(*c, r); });
  router.add("POST", "/_control/pay-unassignable", http::Role::none,
             [c](const Request& r) { return pay_unassignable(*c, r); });
  router.add("POST", "/_control/reject-next", http::Role::none,
             [c](const Request& r) { return reject_next(*c, r); });
  router.add("GET", "/_control/closed", http::Role::none,
             [c](const Request&) { return closed(*c); });
}

}  // namespace kaution::sandbox
