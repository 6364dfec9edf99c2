#include "connectors/km/km_service.hpp"

#include "connectors/http/classify.hpp"

namespace kaution::km {
namespace {

std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool has_password(const AccessConfig& access) {
  return access.password && access.password->value.is_resolved() &&
         !access.password->value.reveal().empty();
}

std::string_view fault_prefix(FaultKind kind) {
  switch (kind) {
    case FaultKind::credentials:
      return "credentials refused: ";
    case FaultKind::client:
      return "refused: ";
    case FaultKind::server:
      return "KM server error: ";
    case FaultKind::other:
      break;
  }
  return "unexpected fault: ";
}

std::string fault_detail(const SoapFault& fault) {
  std::string text = std::string(fault_prefix(fault.kind)) + "SOAP fault " + fault.code;
  if (!fault.text.empty()) text += ": " + fault.text;
  text += describe(fault.errors);
  return text;
}

}  // namespace

httpclient::HttpClientSettings http_settings(const AccessConfig& access) {
  httpclient::HttpClientSettings s;
  s.access_name = access.name;
  s.base_url = access.base_url;
  s.tls.verify = access.tls.verify;
  if (access.tls.ca_file) s.tls.ca_file = access.tls.ca_file->string();
  if (access.tls.client_cert) s.tls.client_cert = access.tls.client_cert->string();
  if (access.tls.client_key) s.tls.client_key = access.tls.client_key->string();
  s.tls.pinned_public_key = access.tls.pinned_public_key.value_or("");
  s.timeouts.connect_ms = access.timeouts.connect_ms;
  s.timeouts.total_ms = access.timeouts.total_ms;
  s.timeouts.low_speed_limit_bytes = access.timeouts.low_speed_limit_bytes;
  s.timeouts.low_speed_time_s = access.timeouts.low_speed_time_s;
  s.limits.max_in_flight = access.limits.max_in_flight;
  s.limits.requests_per_second = access.limits.requests_per_second;
  return s;
}

KmService::KmService(const AccessConfig& access, const ConnectorEnv& env)
    : m_access(access.name),
      m_username(access.username.value_or("")),
      m_password(has_password(access) ? access.password->value : Secret{}),
      m_client(http_settings(access), env) {
  if (!has_password(access)) return;
  const std::string& password = m_password.reveal();
  for (Redactor* r : {&m_redactor, &Redactor::global()}) {
    r->add_secret(password);
    r->add_secret(xml_escaped(password));
  }
}

Result<void> KmService::credentials_present() const {
  if (m_username.empty() || m_password.reveal().empty())
    return std::unexpected(failure(FailureClass::credentials, "credentials",
                                   "the access has no username or password"));
  return {};
}

SoapEnvelope KmService::envelope(std::string_view operation) const {
  return SoapEnvelope(operation, m_username, m_password);
}

Result<SoapAnswer> KmService::call(const SoapEnvelope& envelope) {
  const std::string& operation = envelope.operation();
  if (auto present = credentials_present(); !present) return std::unexpected(present.error());
  httpclient::Request request;
  request.method = httpclient::Method::post;
  request.path = std::string(k_service_path);
  request.headers.add("SOAPAction", soap_action(operation));
  request.content_type = "text/xml; charset=utf-8";
  request.body = envelope.str();
  httpclient::HttpResult response = m_client.send(request);
  if (!response) return std::unexpected(from_http(operation, response.error()));
  auto answer = SoapAnswer::parse(response->body);
  if (!answer) return std::unexpected(protocol(operation, answer.error()));
  if (auto fault = find_fault(answer->body()))
    return std::unexpected(from_fault(operation, *fault));
  return std::move(*answer);
}

Failure KmService::failure(FailureClass failure_class, std::string_view operation,
                           std::string_view detail, std::vector<FieldError> fields) const {
  Failure f;
  f.failure_class = failure_class;
  f.message = scrub(m_access + ": km " + std::string(operation) + ": " + std::string(detail));
  for (FieldError& e : fields) {
    e.field = scrub(e.field);
    e.code = scrub(e.code);
    e.message = scrub(e.message);
  }
  f.fields = std::move(fields);
  return f;
}

std::string KmService::scrub(std::string_view text) const {
  return m_redactor.scrub(httpclient::scrub(text));
}

Failure KmService::from_fault(std::string_view operation, const SoapFault& fault) const {
  return failure(failure_class(fault.kind), operation, fault_detail(fault), fault.errors);
}

// A SOAP fault in the body of a failed exchange (km.md: faults arrive as HTTP 500) decides
// the class; otherwise the HTTP client's class stands.
Failure KmService::from_http(std::string_view operation,
                             const httpclient::HttpFailure& failure) const {
  if (failure.response && !failure.response->body.empty()) {
    if (auto answer = SoapAnswer::parse(failure.response->body)) {
      if (auto fault = find_fault(answer->body())) {
        Failure f = from_fault(operation, *fault);
        if (f.failure_class == FailureClass::transient) f.retry_after = failure.retry_after;
        return f;
      }
    }
  }
  std::string_view message = failure.message;
  if (message.starts_with(m_access + ": ")) message.remove_prefix(m_access.size() + 2);
  Failure f = this->failure(failure.failure_class, operation, message);
  f.retry_after = failure.retry_after;
  return f;
}

}  // namespace kaution::km
