#include "connectors/http/oauth2.hpp"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "connectors/http/classify.hpp"
#include "connectors/http/url.hpp"
#include "core/redact.hpp"

namespace kaution::httpclient {

namespace {

std::string base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

bool is_plain_code(std::string_view s) {
  return !s.empty() && s.size() <= 64 &&
         s.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
}

// The OAuth2 "error" code of a token endpoint's refusal, if the body carries a plain one.
std::string oauth_error(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.contains("error") || !json["error"].is_string()) return "";
  const auto code = json["error"].get<std::string>();
  return is_plain_code(code) ? code : "";
}

Failure refused(std::string_view what, HttpFailure failure) {
  const std::string code = failure.response ? oauth_error(failure.response->body) : "";
  const bool client_refused = code == "invalid_client" || code == "unauthorized_client" ||
                              code == "invalid_grant" || failure.status() == 401;
  if (client_refused) {
    failure.failure_class = FailureClass::credentials;
    failure.message =
        scrub(std::string(what) + ": token refused" + (code.empty() ? "" : " (" + code + ")") +
              ", HTTP " + std::to_string(failure.status()));
  } else if (failure.failure_class == FailureClass::rejected) {
    failure.failure_class = FailureClass::protocol;  // our token request breaks the profile
  }
  return failure;
}

struct Token {
  std::string value;
  std::chrono::seconds expires_in{0};
};

// "expires_in" as a number or a string of digits; 0 when absent (the token serves one call).
std::chrono::seconds expires_in(const nlohmann::json& json) {
  if (!json.contains("expires_in")) return std::chrono::seconds{0};
  const auto& value = json["expires_in"];
  if (value.is_number_integer()) return std::chrono::seconds{value.get<std::int64_t>()};
  if (!value.is_string()) return std::chrono::seconds{0};
  const auto text = value.get<std::string>();
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::chrono::seconds{0};
  return std::chrono::seconds{std::stoll(text)};
}

Result<Token> parse_token(std::string_view what, const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.contains("access_token") || !json["access_token"].is_string() ||
      json["access_token"].get<std::string>().empty())
    return std::unexpected(protocol_failure(what, "token answer without access_token"));
  if (json.contains("token_type") && (!json["token_type"].is_string() ||
                                      !iequals(json["token_type"].get<std::string>(), "bearer")))
    return std::unexpected(protocol_failure(what, "token_type is not Bearer"));
  Token token{json["access_token"].get<std::string>(), {}};
  token.expires_in = expires_in(json);
  return token;
}

}  // namespace

OAuth2TokenSource::OAuth2TokenSource(HttpClient& client, OAuth2Settings settings)
    : m_client(client), m_settings(std::move(settings)) {
  const std::string credentials = m_settings.client_id + ":" + m_settings.client_secret;
  m_basic = "Basic " + base64(credentials);
  Redactor::global().add_secret(m_settings.client_secret);
  Redactor::global().add_secret(url_encode(m_settings.client_secret));
  Redactor::global().add_secret(base64(credentials));
}

Result<std::string> OAuth2TokenSource::token() {
  std::lock_guard lock(m_mutex);
  if (!m_token.empty() && m_client.clock().now() < m_refresh_at) return m_token;
  return fetch();
}

void OAuth2TokenSource::invalidate(std::string_view token) {
  std::lock_guard lock(m_mutex);
  if (token == m_token) m_token.clear();
}

Result<std::string> OAuth2TokenSource::fetch() {
  Request request;
  request.method = Method::post;
  request.path = m_settings.token_path;
  request.content_type = "application/x-www-form-urlencoded";
  request.headers.add("Accept", "application/json");
  request.body = "grant_type=client_credentials";
  if (m_settings.client_auth == ClientAuth::basic) {
    request.headers.add("Authorization", m_basic);
  } else {
    request.body += "&client_id=" + url_encode(m_settings.client_id) +
                    "&client_secret=" + url_encode(m_settings.client_secret);
  }
  const std::string& access = m_client.settings().access_name;
  const std::string what = (access.empty() ? "" : access + ": ") + "POST " + m_settings.token_path;
  const TimePoint asked_at = m_client.clock().now();
  auto response = m_client.send(request);
  if (!response) return std::unexpected(refused(what, std::move(response.error())));
  auto token = parse_token(what, response->body);
  if (!token) return std::unexpected(token.error());
  m_token = std::move(token->value);
  m_refresh_at = asked_at + token->expires_in - m_settings.refresh_margin;
  return m_token;
}

HttpResult send_authorized(HttpClient& client, OAuth2TokenSource& tokens, Request request) {
  for (int attempt = 1;; ++attempt) {
    auto token = tokens.token();
    if (!token) return std::unexpected(HttpFailure{token.error(), {}});
    request.headers.set("Authorization", "Bearer " + *token);
    auto result = client.send(request);
    if (result || result.error().status() != 401) return result;
    tokens.invalidate(*token);
    if (attempt == 2) {
      result.error().message += "; refused a freshly fetched token too";
      return result;
    }
  }
}

}  // namespace kaution::httpclient
