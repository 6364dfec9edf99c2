#include "connectors/aak/aak_requests.hpp"

#include "connectors/http/url.hpp"

namespace kaution::aak {
namespace {

http::Request json_request(http::Method method, std::string path) {
  http::Request r;
  r.method = method;
  r.path = std::move(path);
  r.headers.add("Accept", "application/json");
  return r;
}

void set_json_body(http::Request& r, const nlohmann::json& body) {
  r.body = body.dump();
  r.content_type = "application/json";
}

}  // namespace

http::Request put_deposit(const ExportItem& item, AakRecord& record) {
  if (item.bank_ref) record.body["uuid"] = *item.bank_ref;
  http::Request r = json_request(
      http::Method::put, "/v1/deposits/" + http::url_encode(item.deposit.rental_contract_no));
  set_json_body(r, record.body);
  return r;
}

http::Request list_statements(const std::optional<std::string>& after) {
  http::Request r = json_request(http::Method::get, "/v1/statements");
  if (after && !after->empty()) r.query.emplace_back("after", *after);
  return r;
}

http::Request next_statements(const std::string& next) {
  if (next.starts_with('/')) return json_request(http::Method::get, next);
  return list_statements(next);
}

http::Request get_statement(std::string_view id) {
  http::Request r;
  r.path = "/v1/statements/" + http::url_encode(id);
  r.headers.add("Accept", "application/xml");
  return r;
}

http::Request get_balances(int page) {
  http::Request r = json_request(http::Method::get, "/v1/balances");
  r.query = {{"page", std::to_string(page)}, {"pageSize", std::to_string(k_balance_page_size)}};
  return r;
}

http::Request get_interest_distributions(int year) {
  http::Request r = json_request(http::Method::get, "/v1/interest-distributions");
  r.query = {{"year", std::to_string(year)}};
  return r;
}

http::Request assign_payment(std::string_view booking_ref, std::string_view uuid) {
  http::Request r =
      json_request(http::Method::post, "/v1/payments/" + http::url_encode(booking_ref) + "/assign");
  set_json_body(r, {{"uuid", uuid}});
  return r;
}

http::Request close_deposit(std::string_view uuid) {
  return json_request(http::Method::post, "/v1/deposits/" + http::url_encode(uuid) + "/close");
}

}  // namespace kaution::aak
