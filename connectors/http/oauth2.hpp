#pragma once
// OAuth2 client-credentials tokens (aak.md "Authentication", dkb.md): fetched from the access's
// token endpoint, used until `refresh_margin` (60 s) before they expire, and refetched once
// when the bank answers 401 to one.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/http/http_client.hpp"
#include "core/clock.hpp"
#include "core/failure.hpp"

namespace kaution::httpclient {

enum class ClientAuth {
  basic,  // HTTP Basic with client id and secret (aak)
  form,   // client_id and client_secret in the form body (dkb)
};

struct OAuth2Settings {
  std::string token_path = "/oauth2/token";  // below the client's base URL
  std::string client_id;
  std::string client_secret;
  ClientAuth client_auth = ClientAuth::basic;
  std::chrono::seconds refresh_margin{60};
};

// Thread-safe; concurrent callers needing a new token wait for a single fetch. Times come from
// the client's Clock. Access tokens are not registered with the Redactor (it cannot forget,
// and a token an hour would pile up); they only ever travel in the Authorization header,
// which HttpClient keeps out of every message.
class OAuth2TokenSource {
 public:
  // Registers the client secret, in every form it is sent in, with Redactor::global().
  OAuth2TokenSource(HttpClient& client, OAuth2Settings settings);

  // The cached token while now < expiry − margin, else a newly fetched one. Failures: the
  // bank refusing the client (401, or 400/401 with invalid_client, unauthorized_client or
  // invalid_grant) → credentials; an answer that is not a bearer token → protocol; the
  // client's classes otherwise.
  Result<std::string> token();
  // Forgets `token` if it is still the cached one, so that the next token() fetches.
  void invalidate(std::string_view token);

 private:
  Result<std::string> fetch();

  HttpClient& m_client;
  OAuth2Settings m_settings;
  std::string m_basic;  // "Basic base64(id:secret)"
  std::mutex m_mutex;
  std::string m_token;
  TimePoint m_refresh_at{};  // use m_token while now < m_refresh_at
};

// Sends `request` with "Authorization: Bearer <token>". On a 401 it forgets the token, fetches
// a new one and repeats the request once; a second 401 is class credentials.
HttpResult send_authorized(HttpClient& client, OAuth2TokenSource& tokens, Request request);

}  // namespace kaution::httpclient
