#pragma once
// What the REST connectors (aak, dkb) share about an access: its HTTP client settings and
// OAuth2 client credentials, taken from the config (specs/config.md, connectors.md).

#include <memory>
#include <string>

#include "config/config.hpp"
#include "connectors/http/http_client.hpp"
#include "connectors/http/oauth2.hpp"
#include "core/failure.hpp"

namespace kaution::connectors {

// base_url, tls, timeouts and limits of `access`; the access name names every exchange.
httpclient::HttpClientSettings http_settings(const AccessConfig& access);

// The access's HTTP client and token source. Without a user name or a resolved password the
// token source is absent and every call fails with class credentials, before any request.
class AuthorizedClient {
 public:
  AuthorizedClient(const AccessConfig& access, const httpclient::HttpClientEnv& env,
                   std::string token_path, httpclient::ClientAuth auth);

  // `request` with a bearer token (one new token and one repeat after a 401).
  httpclient::HttpResult send(httpclient::Request request);
  // The credentials check: a token, fetched unless a valid one is cached (a refusal always
  // drops the cached token, so a check after one asks the bank).
  Result<void> check();
  // "<access>: GET /v1/balances" (no query): names an exchange in messages.
  std::string describe(const httpclient::Request& request) const;
  const std::string& access_name() const { return m_client.settings().access_name; }
  // How many requests may run at once (limits.max_in_flight).
  std::size_t max_in_flight() const {
    return static_cast<std::size_t>(m_client.settings().limits.max_in_flight);
  }
  const Clock& clock() const { return m_client.clock(); }

 private:
  Failure missing_credentials() const;

  httpclient::HttpClient m_client;
  std::unique_ptr<httpclient::OAuth2TokenSource> m_tokens;
};

}  // namespace kaution::connectors
