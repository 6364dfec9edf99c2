#include "connectors/sandbox/gate.hpp"

#include "connectors/sandbox/faults_wire.hpp"

#include <fmt/format.h>

#include <atomic>

namespace kaution::sandbox {
namespace {

std::atomic<std::uint64_t> g_request_ids{0};

http::Response with_fault(BankContext& context, const FaultAnswers& answers, const FaultRule& rule,
                          const http::Request& request, const http::Handler& handler) {
  context.stats.record_fault();
  switch (rule.kind) {
    case FaultKind::latency:
      // Cut short when the faults are cleared (or the sandbox stops).
      context.faults.wait_cleared(std::chrono::milliseconds(rule.latency_ms));
      return handler(request);
    case FaultKind::status: {
      http::Response response = answers.status(rule.status);
      if (const auto retry_after = retry_after_value(rule)) {
        response.headers.emplace_back("Retry-After", *retry_after);
      }
      return response;
    }
    case FaultKind::reset: {
      http::Response response;
      response.delivery = http::Response::Delivery::reset;
      return response;
    }
    case FaultKind::truncate: {
      http::Response response = handler(request);
      response.delivery = http::Response::Delivery::truncated;
      return response;
    }
    case FaultKind::malformed: {
      http::Response response = handler(request);
      response.body.resize(response.body.size() / 2);
      return response;
    }
    case FaultKind::credentials:
      break;
    case FaultKind::hang:
    case FaultKind::reset_body:
    case FaultKind::content_type:
      return with_wire_fault(context, rule, request, handler);
  }
  return answers.refused(request);
}

// What a rule's path_prefix is matched against: the path, and for km's one SOAP endpoint the
// operation after '#' ("/ws#VertraegeUebertragen"), so that a rule can aim at one operation.
std::string fault_path(const http::Request& request, const std::string& key) {
  const auto hash = key.find('#');
  return hash == std::string::npos ? request.path : request.path + key.substr(hash);
}

}  // namespace

http::Handler gated(BankContext& context, FaultAnswers answers, KeyOf key, http::Handler handler) {
  return [&context, answers = std::move(answers), key = std::move(key),
          handler = std::move(handler)](const http::Request& request) {
    const std::string stats_key = key(request);
    context.stats.record(stats_key);
    const std::optional<FaultRule> rule = context.faults.decide(fault_path(request, stats_key));
    http::Response response =
        rule ? with_fault(context, answers, *rule, request, handler) : handler(request);
    response.headers.emplace_back(
        "X-Request-Id", fmt::format("{}-{:08}", bank_name(context.bank), ++g_request_ids));
    return response;
  };
}

void add_gated(http::Router& router, BankContext& context, const FaultAnswers& answers,
               const std::string& method, const std::string& pattern, http::Handler handler) {
  const std::string key = method + " " + pattern;
  router.add(
      method, pattern, http::Role::none,
      gated(
          context, answers, [key](const http::Request&) { return key; }, std::move(handler)));
}

}  // namespace kaution::sandbox
