#include "connectors/dkb/dkb_requests.hpp"

#include "connectors/http/url.hpp"

namespace kaution::dkb {
namespace {

httpclient::Request request(httpclient::Method method, std::string path, std::string_view accept) {
  httpclient::Request r;
  r.method = method;
  r.path = std::move(path);
  r.headers.add("Accept", std::string(accept));
  return r;
}

std::string tenancy_path(std::string_view contract_no) {
  return "/kaution/v1/tenancies/" + httpclient::url_encode(contract_no);
}

// "?ibans=A,B": IBANs are letters and digits, so the commas stay literal.
std::string ibans_query(std::span<const Iban> ibans) {
  std::string out = "?ibans=";
  for (std::size_t i = 0; i < ibans.size(); ++i)
    out += (i == 0 ? "" : ",") + httpclient::url_encode(ibans[i].str());
  return out;
}

}  // namespace

httpclient::Request put_tenancy(std::string_view contract_no, const DkbRecord& record) {
  httpclient::Request r =
      request(httpclient::Method::put, tenancy_path(contract_no), "application/json");
  r.body = record.body.dump();
  r.content_type = "application/json";
  return r;
}

httpclient::Request delete_tenancy(std::string_view contract_no) {
  return request(httpclient::Method::delete_, tenancy_path(contract_no), "application/json");
}

httpclient::Request get_statements(std::span<const Iban> ibans, const std::optional<Date>& from) {
  std::string path = "/kaution/v1/statements" + ibans_query(ibans);
  if (from) path += "&from=" + from->to_string();
  return request(httpclient::Method::get, std::move(path), "application/xml");
}

httpclient::Request get_balances(std::span<const Iban> ibans) {
  return request(httpclient::Method::get, "/kaution/v1/balances" + ibans_query(ibans),
                 "application/json");
}

httpclient::Request get_unassigned(std::span<const Iban> ibans) {
  return request(httpclient::Method::get, "/kaution/v1/unassigned" + ibans_query(ibans),
                 "application/json");
}

httpclient::Request get_booking(std::string_view reference) {
  return request(httpclient::Method::get,
                 "/kaution/v1/bookings/" + httpclient::url_encode(reference), "application/json");
}

}  // namespace kaution::dkb
