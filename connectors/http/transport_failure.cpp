#include "connectors/http/transport_failure.hpp"

#include <string>

#include "connectors/http/classify.hpp"

namespace kaution::httpclient::detail {

namespace {

struct Verdict {
  FailureClass failure_class;
  std::string_view summary;
};

// A TLS alert from the server about a certificate means it refused ours (dkb.md: credentials).
bool peer_refused_certificate(std::string_view error) {
  const std::size_t alert = error.find("alert ");
  if (alert == std::string_view::npos) return false;
  const std::string_view rest = error.substr(alert);
  return rest.find("certificate") != std::string_view::npos ||
         rest.find("unknown ca") != std::string_view::npos;
}

Verdict tls_verdict(CURLcode code, std::string_view error) {
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
      return {FailureClass::transient,
              "TLS certificate verification failed: the bank's server certificate was not "
              "accepted (check tls.ca_file and the host in base_url)"};
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return {FailureClass::transient,
              "TLS certificate verification failed: the server's public key does not match "
              "tls.pinned_public_key"};
    case CURLE_SSL_CERTPROBLEM:
      return {FailureClass::credentials,
              "TLS client certificate or key unusable (check tls.client_cert and tls.client_key)"};
    case CURLE_SSL_CACERT_BADFILE:
      return {FailureClass::credentials, "TLS CA file unusable (check tls.ca_file)"};
    default:
      break;
  }
  if (peer_refused_certificate(error))
    return {FailureClass::credentials, "TLS handshake: the bank refused the client certificate"};
  return {FailureClass::transient, "TLS handshake failed"};
}

Verdict verdict(const Transfer& t) {
  switch (t.code) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
      return tls_verdict(t.code, t.error);
    case CURLE_OPERATION_TIMEDOUT:
      return {FailureClass::transient, "timed out"};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return {FailureClass::transient, "could not connect"};
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      if (peer_refused_certificate(t.error)) return tls_verdict(t.code, t.error);
      return {FailureClass::transient, "connection broke off"};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {FailureClass::protocol, "bad URL"};
    default:
      return {FailureClass::transient, "transfer failed"};
  }
}

}  // namespace

HttpFailure transport_failure(std::string_view what, const Transfer& transfer,
                              std::size_t max_response_bytes) {
  HttpFailure failure;
  if (transfer.too_large) {
    failure.failure_class = FailureClass::protocol;
    failure.message = scrub(std::string(what) + ": response body larger than " +
                            std::to_string(max_response_bytes) + " bytes");
    return failure;
  }
  const Verdict v = verdict(transfer);
  failure.failure_class = v.failure_class;
  failure.message =
      scrub(std::string(what) + ": " + std::string(v.summary) + ": " + transfer.error);
  return failure;
}

}  // namespace kaution::httpclient::detail
