#include "connectors/http/oauth2.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <memory>

#include "connectors/http/classify.hpp"
#include "connectors/http/url.hpp"
#include "core/clock.hpp"
#include "tests/connectors/http/exchange_log.hpp"
#include "tests/connectors/http/scripted_server.hpp"

namespace kaution::httpclient {
namespace {

using test::Action;
using test::RecordedRequest;
using test::ScriptedServer;
using namespace std::chrono_literals;

constexpr const char* k_canary = "canary-s3cr3t/7f3a+";

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// A bank with a token endpoint handing out tok-1, tok-2, … and an API answering the scripted
// statuses in turn (200 once the script is used up).
struct FakeBank {
  std::mutex mutex;
  int tokens_issued = 0;
  int token_status = 200;
  std::string token_body;  // overrides the token answer when not empty
  std::vector<int> api_statuses;
  std::size_t api_calls = 0;

  Action answer(const RecordedRequest& r) {
    std::lock_guard lock(mutex);
    if (r.target == "/oauth2/token") {
      if (token_status != 200) return Action::reply(token_status, R"({"error":"invalid_client"})");
      if (!token_body.empty()) return Action::reply(200, token_body);
      ++tokens_issued;
      return Action::reply(200, R"({"access_token":"tok-)" + std::to_string(tokens_issued) +
                                    R"(","token_type":"Bearer","expires_in":3600})");
    }
    const int status = api_calls < api_statuses.size() ? api_statuses[api_calls] : 200;
    ++api_calls;
    return Action::reply(status, "{}");
  }
};

class OAuth2Test : public ::testing::Test {
 protected:
  std::shared_ptr<FakeBank> bank = std::make_shared<FakeBank>();
  ScriptedServer server{[b = bank](const RecordedRequest& r) { return b->answer(r); }};
  ManualClock clock{std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + 9h};
  test::ExchangeLog log;
  HttpClient client{test::test_settings(server.base_url()), environment()};
  OAuth2TokenSource tokens{client, oauth_settings(ClientAuth::basic)};

  HttpClientEnv environment() {
    HttpClientEnv env = test::env(log);
    env.clock = &clock;
    return env;
  }
  static OAuth2Settings oauth_settings(ClientAuth auth) {
    OAuth2Settings s;
    s.client_id = "client-1";
    s.client_secret = k_canary;
    s.client_auth = auth;
    return s;
  }
  Request balances() const {
    Request r;
    r.path = "/v1/balances";
    return r;
  }
  std::vector<std::string> authorizations() const {
    std::vector<std::string> out;
    for (const auto& r : server.requests())
      if (r.target != "/oauth2/token")
        out.emplace_back(r.headers.get("Authorization").value_or(""));
    return out;
  }
};

TEST_F(OAuth2Test, FetchesWithBasicAuthAndCachesTheToken) {
  ASSERT_TRUE(send_authorized(client, tokens, balances()));
  ASSERT_TRUE(send_authorized(client, tokens, balances()));
  EXPECT_EQ(bank->tokens_issued, 1);
  EXPECT_EQ(authorizations(), (std::vector<std::string>{"Bearer tok-1", "Bearer tok-1"}));
  const auto token_request = server.requests().front();
  EXPECT_EQ(token_request.method, "POST");
  EXPECT_EQ(token_request.body, "grant_type=client_credentials");
  EXPECT_EQ(token_request.headers.get("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(token_request.headers.get("Authorization"),
            "Basic " + base64(std::string("client-1:") + k_canary));
}

TEST_F(OAuth2Test, RefreshesSixtySecondsBeforeExpiry) {
  ASSERT_TRUE(send_authorized(client, tokens, balances()));
  clock.advance(3600s - 61s);
  ASSERT_TRUE(send_authorized(client, tokens, balances()));
  EXPECT_EQ(bank->tokens_issued, 1);
  clock.advance(1s);  // now exactly 60 s before expiry
  ASSERT_TRUE(send_authorized(client, tokens, balances()));
  EXPECT_EQ(bank->tokens_issued, 2);
  EXPECT_EQ(authorizations().back(), "Bearer tok-2");
}

TEST_F(OAuth2Test, UnauthorizedThenSuccessAfterExactlyOneRefresh) {
  bank->api_statuses = {401, 200};
  auto result = send_authorized(client, tokens, balances());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(bank->tokens_issued, 2);
  EXPECT_EQ(bank->api_calls, 2u);
  EXPECT_EQ(authorizations(), (std::vector<std::string>{"Bearer tok-1", "Bearer tok-2"}));
}

TEST_F(OAuth2Test, SecondUnauthorizedIsCredentials) {
  bank->api_statuses = {401, 401, 200};
  auto result = send_authorized(client, tokens, balances());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::credentials);
  EXPECT_EQ(bank->tokens_issued, 2);
  EXPECT_EQ(bank->api_calls, 2u);
}

TEST_F(OAuth2Test, InvalidClientIsCredentialsAndNoCallIsMade) {
  bank->token_status = 401;
  auto result = send_authorized(client, tokens, balances());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::credentials);
  EXPECT_NE(result.error().message.find("invalid_client"), std::string::npos);
  EXPECT_EQ(bank->api_calls, 0u);
}

TEST_F(OAuth2Test, TokenAnswerWithoutTokenIsProtocol) {
  bank->token_body = R"({"token_type":"Bearer"})";
  auto result = tokens.token();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::protocol);
}

TEST_F(OAuth2Test, FormClientAuthSendsIdAndSecretInTheBody) {
  OAuth2TokenSource form_tokens(client, oauth_settings(ClientAuth::form));
  ASSERT_TRUE(form_tokens.token());
  const auto token_request = server.requests().front();
  EXPECT_FALSE(token_request.headers.get("Authorization"));
  EXPECT_EQ(token_request.body, "grant_type=client_credentials&client_id=client-1&client_secret=" +
                                    url_encode(k_canary));
}

TEST_F(OAuth2Test, CanarySecretInNoMessageOrRecord) {
  std::vector<std::string> messages;
  bank->token_status = 401;
  messages.push_back(send_authorized(client, tokens, balances()).error().message);
  bank->token_status = 200;
  bank->api_statuses = {401, 401};
  messages.push_back(send_authorized(client, tokens, balances()).error().message);
  OAuth2TokenSource form_tokens(client, oauth_settings(ClientAuth::form));
  bank->token_status = 403;
  messages.push_back(form_tokens.token().error().message);
  messages.push_back(scrub(std::string("leaked ") + k_canary + " " + url_encode(k_canary) + " " +
                           base64(std::string("client-1:") + k_canary)));
  std::string all = log.all_text();
  for (const auto& m : messages)
    all += m + "\n";
  for (const std::string& secret :
       {std::string(k_canary), url_encode(k_canary), base64(std::string("client-1:") + k_canary),
        std::string("canary")})
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " in:\n" << all;
  EXPECT_GE(log.records().size(), 5u);
}

}  // namespace
}  // namespace kaution::httpclient
