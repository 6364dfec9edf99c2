#include "connectors/sandbox/faults_wire.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::chrono::milliseconds k_default_hang{30000};

http::Response hang(BankContext& context, const FaultRule& rule) {
  const std::chrono::milliseconds limit =
      rule.latency_ms > 0 ? std::chrono::milliseconds{rule.latency_ms} : k_default_hang;
  context.faults.wait_cleared(limit);
  http::Response response;
  response.delivery = http::Response::Delivery::reset;
  return response;
}

http::Response foreign_page(const FaultRule& rule) {
  http::Response response;
  response.status = 200;
  response.content_type = rule.content_type.value_or("text/html; charset=utf-8");
  response.body =
      "<!DOCTYPE html>\n<html><head><title>Anmeldung</title></head>"
      "<body><h1>Bitte melden Sie sich an</h1><form method=\"post\"></form></body></html>\n";
  return response;
}

}  // namespace

http::Response with_wire_fault(BankContext& context, const FaultRule& rule,
                               const http::Request& request, const http::Handler& handler) {
  switch (rule.kind) {
    case FaultKind::hang:
      return hang(context, rule);
    case FaultKind::reset_body: {
      http::Response response = handler(request);
      response.delivery = http::Response::Delivery::reset_mid_body;
      return response;
    }
    case FaultKind::content_type:
      handler(request);  // the bank did the work; its answer is lost behind the page
      return foreign_page(rule);
    default:
      return handler(request);
  }
}

}  // namespace kaution::sandbox
