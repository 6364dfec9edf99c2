#include "connectors/aak/aak_requests.hpp"

#include "connectors/http/url.hpp"

namespace kaution::aak {
namespace {

httpclient::Request json_request(httpclient::Method method, std::string path) {
  httpclient::Request r;
  r.method = method;
  r.path = std::move(path);
  r.headers.add("Accept", "application/json");
  return r;
}

void set_json_body(httpclient::Request& r, const nlohmann::json& body) {
  r.body = body.dump();
  r.content_type = "application/json";
}

}  // namespace

httpclient::Request put_deposit(const ExportItem& item, AakRecord& record) {
  if (item.bank_ref) record.body["uuid"] = *item.bank_ref;
  httpclient::Request r =
      json_request(httpclient::Method::put,
                   "/v1/deposits/" + httpclient::url_encode(item.deposit.rental_contract_no));
  set_json_body(r, record.body);
  return r;
}

httpclient::Request list_statements(const std::optional<std::string>& after) {
  httpclient::Request r = json_request(httpclient::Method::get, "/v1/statements");
  if (after && !after->empty()) r.query.emplace_back("after", *after);
  return r;
}

httpclient::Request next_statements(const std::string& next) {
  if (next.starts_with('/')) return json_request(httpclient::Method::get, next);
  return list_statements(next);
}

httpclient::Request get_statement(std::string_view id) {
  httpclient::Request r;
  r.path = "/v1/statements/" + httpclient::url_encode(id);
  r.headers.add("Accept", "application/xml");
  return r;
}

httpclient::Request get_balances(int page) {
  httpclient::Request r = json_request(httpclient::Method::get, "/v1/balances");
  r.query = {{"page", std::to_string(page)}, {"pageSize", std::to_string(k_balance_page_size)}};
  return r;
}

httpclient::Request get_interest_distributions(int year) {
  httpclient::Request r = json_request(httpclient::Method::get, "/v1/interest-distributions");
  r.query = {{"year", std::to_string(year)}};
  return r;
}

httpclient::Request assign_payment(std::string_view booking_ref, std::string_view uuid) {
  httpclient::Request r = json_request(
      httpclient::Method::post, "/v1/payments/" + httpclient::url_encode(booking_ref) + "/assign");
  set_json_body(r, {{"uuid", uuid}});
  return r;
}

httpclient::Request close_deposit(std::string_view uuid) {
  return json_request(httpclient::Method::post,
                      "/v1/deposits/" + httpclient::url_encode(uuid) + "/close");
}

}  // namespace kaution::aak
