#include "connectors/aak/access_http.hpp"

namespace kaution::connectors {
namespace {

std::string path_or_empty(const std::optional<std::filesystem::path>& path) {
  return path ? path->string() : std::string();
}

bool has_credentials(const AccessConfig& access) {
  return access.username && !access.username->empty() && access.password &&
         access.password->value.is_resolved() && !access.password->value.reveal().empty();
}

}  // namespace

httpclient::HttpClientSettings http_settings(const AccessConfig& access) {
  httpclient::HttpClientSettings s;
  s.access_name = access.name;
  s.base_url = access.base_url;
  s.tls.verify = access.tls.verify;
  s.tls.ca_file = path_or_empty(access.tls.ca_file);
  s.tls.client_cert = path_or_empty(access.tls.client_cert);
  s.tls.client_key = path_or_empty(access.tls.client_key);
  s.tls.pinned_public_key = access.tls.pinned_public_key.value_or("");
  s.timeouts.connect_ms = access.timeouts.connect_ms;
  s.timeouts.total_ms = access.timeouts.total_ms;
  s.timeouts.low_speed_limit_bytes = access.timeouts.low_speed_limit_bytes;
  s.timeouts.low_speed_time_s = access.timeouts.low_speed_time_s;
  s.limits.max_in_flight = access.limits.max_in_flight;
  s.limits.requests_per_second = access.limits.requests_per_second;
  return s;
}

AuthorizedClient::AuthorizedClient(const AccessConfig& access, const httpclient::HttpClientEnv& env,
                                   std::string token_path, httpclient::ClientAuth auth)
    : m_client(http_settings(access), env) {
  if (!has_credentials(access)) return;
  httpclient::OAuth2Settings oauth;
  oauth.token_path = std::move(token_path);
  oauth.client_id = *access.username;
  oauth.client_secret = access.password->value.reveal();
  oauth.client_auth = auth;
  m_tokens = std::make_unique<httpclient::OAuth2TokenSource>(m_client, std::move(oauth));
}

Failure AuthorizedClient::missing_credentials() const {
  return Failure{FailureClass::credentials,
                 access_name() + ": no username or password configured for the access",
                 {},
                 std::nullopt};
}

std::string AuthorizedClient::describe(const httpclient::Request& request) const {
  const std::string_view path = std::string_view(request.path).substr(0, request.path.find('?'));
  return access_name() + ": " + std::string(httpclient::to_string(request.method)) + " " +
         std::string(path);
}

httpclient::HttpResult AuthorizedClient::send(httpclient::Request request) {
  if (!m_tokens) return std::unexpected(httpclient::HttpFailure{missing_credentials(), {}});
  return httpclient::send_authorized(m_client, *m_tokens, std::move(request));
}

Result<void> AuthorizedClient::check() {
  if (!m_tokens) return std::unexpected(missing_credentials());
  auto token = m_tokens->token();
  if (!token) return std::unexpected(token.error());
  return {};
}

}  // namespace kaution::connectors
