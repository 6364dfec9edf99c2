#pragma once
// KmService: one access's channel to the KM web service. Sends an envelope as
// `POST {base}/ws` with its SOAPAction and `Content-Type: text/xml; charset=utf-8`, and turns
// the answer into its soap:Body or a classified failure: SOAP faults as km.md says (also when
// they arrive as HTTP 500), other HTTP failures as the HTTP client classified them (503 with
// Retry-After → transient), an answer that is not a SOAP envelope → protocol. The password
// never reaches a message: it is registered with the global Redactor and scrubbed from every
// text this class builds.

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "connectors/connector.hpp"
#include "connectors/http/http_client.hpp"
#include "connectors/km/soap_answer.hpp"
#include "connectors/km/soap_envelope.hpp"
#include "core/redact.hpp"

namespace kaution::km {

inline constexpr std::string_view k_service_path = "/ws";

// The HTTP client settings of a km access (tls, timeouts, limits of config.md).
httpclient::HttpClientSettings http_settings(const AccessConfig& access);

class KmService {
 public:
  KmService(const AccessConfig& access, const ConnectorEnv& env);

  // Class credentials when the access has no username or password.
  Result<void> credentials_present() const;
  // An envelope for `operation` carrying the access's credentials.
  SoapEnvelope envelope(std::string_view operation) const;
  // Sends the envelope (after credentials_present()); the answer's body has no fault.
  Result<SoapAnswer> call(const SoapEnvelope& envelope);

  // Failures about an operation, with the access and operation named, scrubbed.
  Failure failure(FailureClass failure_class, std::string_view operation, std::string_view detail,
                  std::vector<FieldError> fields = {}) const;
  Failure protocol(std::string_view operation, std::string_view detail) const {
    return failure(FailureClass::protocol, operation, detail);
  }
  std::string scrub(std::string_view text) const;

 private:
  Failure from_fault(std::string_view operation, const SoapFault& fault) const;
  Failure from_http(std::string_view operation, const httpclient::HttpFailure& failure) const;

  std::string m_access;
  std::string m_username;
  Secret m_password;
  Redactor m_redactor;  // the password in every form it is sent in
  httpclient::HttpClient m_client;
};

}  // namespace kaution::km
