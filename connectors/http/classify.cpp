#include "connectors/http/classify.hpp"

#include <string>

#include "core/redact.hpp"
#include "core/retry.hpp"

namespace kaution::httpclient {

std::optional<FailureClass> status_class(int status) {
  if (status >= 200 && status < 300) return std::nullopt;
  switch (status) {
    case 401:
    case 403:
      return FailureClass::credentials;
    case 408:
    case 425:
    case 429:
      return FailureClass::transient;
    case 405:
    case 406:
    case 415:
    case 501:
      return FailureClass::protocol;
    default:
      break;
  }
  if (status >= 500 && status < 600) return FailureClass::transient;
  if (status >= 400 && status < 500) return FailureClass::rejected;
  return FailureClass::protocol;
}

HttpFailure status_failure(std::string_view what, Response response, TimePoint now) {
  HttpFailure failure;
  failure.failure_class = status_class(response.status).value_or(FailureClass::protocol);
  std::string message = std::string(what) + ": HTTP " + std::to_string(response.status);
  if (failure.failure_class == FailureClass::credentials) message += " (credentials refused)";
  if (!response.request_id.empty()) message += " (request id " + response.request_id + ")";
  failure.message = scrub(message);
  if (failure.failure_class == FailureClass::transient) {
    if (auto value = response.headers.get("Retry-After"))
      failure.retry_after = parse_retry_after(*value, now);
  }
  failure.response = std::move(response);
  return failure;
}

Failure protocol_failure(std::string_view what, std::string_view detail) {
  Failure failure;
  failure.failure_class = FailureClass::protocol;
  failure.message = scrub(std::string(what) + ": " + std::string(detail));
  return failure;
}

std::string scrub(std::string_view text) {
  return Redactor::global().scrub(text);
}

}  // namespace kaution::httpclient
