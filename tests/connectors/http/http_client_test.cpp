#include "connectors/http/http_client.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/clock.hpp"
#include "tests/connectors/http/exchange_log.hpp"
#include "tests/connectors/http/scripted_server.hpp"

namespace kaution::httpclient {
namespace {

using test::Action;
using test::ExchangeLog;
using test::ScriptedServer;
using namespace std::chrono_literals;

Request get(std::string path) {
  Request r;
  r.path = std::move(path);
  return r;
}

TEST(HttpClient, SuccessCapturesRequestIdHeadersAndRecord) {
  ScriptedServer server({Action::reply(
      200, R"({"ok":true})", {{"X-Request-Id", "req-42"}, {"Content-Type", "application/json"}})});
  ExchangeLog log;
  HttpClient client(test::test_settings(server.base_url() + "/api/"), test::env(log));
  Request request;
  request.method = Method::put;
  request.path = "/v1/deposits/1.080000.1047";
  request.query = {{"page", "1"}, {"filter", "a b&c"}};
  request.body = R"({"amount":"1.00"})";
  request.content_type = "application/json";

  auto response = client.send(request);

  ASSERT_TRUE(response) << response.error().message;
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"ok":true})");
  EXPECT_EQ(response->request_id, "req-42");
  EXPECT_EQ(response->headers.get("content-type"), "application/json");
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "PUT");
  EXPECT_EQ(seen[0].target, "/api/v1/deposits/1.080000.1047?page=1&filter=a%20b%26c");
  EXPECT_EQ(seen[0].body, request.body);
  EXPECT_EQ(seen[0].headers.get("Content-Type"), "application/json");
  EXPECT_NE(seen[0].headers.get("Accept-Encoding").value_or("").find("gzip"), std::string::npos);
  EXPECT_EQ(seen[0].headers.get("User-Agent"), "kautiond");
  const auto records = log.records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].access, "test-access");
  EXPECT_EQ(records[0].method, "PUT");
  EXPECT_EQ(records[0].path, "/v1/deposits/1.080000.1047");
  EXPECT_EQ(records[0].status, 200);
  EXPECT_EQ(records[0].request_bytes, request.body.size());
  EXPECT_EQ(records[0].response_bytes, 11u);
  EXPECT_EQ(records[0].request_id, "req-42");
  EXPECT_FALSE(records[0].failure_class);
}

TEST(HttpClient, ReusesTheConnection) {
  ScriptedServer server({Action::reply(200), Action::reply(204), Action::reply(200, "x")});
  HttpClient client(test::test_settings(server.base_url()));
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(client.send(get("/v1/x")));
  EXPECT_EQ(server.connections(), 1);
}

TEST(HttpClient, TooManyRequestsWithRetryAfterSecondsIsTransient) {
  ScriptedServer server({Action::reply(429, "slow down", {{"Retry-After", "120"}})});
  HttpClient client(test::test_settings(server.base_url()));
  auto result = client.send(get("/v1/balances"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_EQ(result.error().retry_after, 120s);
  EXPECT_EQ(result.error().status(), 429);
  EXPECT_NE(result.error().message.find("HTTP 429"), std::string::npos);
}

TEST(HttpClient, TooManyRequestsWithRetryAfterDateIsTransient) {
  ScriptedServer server(
      {Action::reply(429, "", {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}})});
  ManualClock clock(std::chrono::sys_days{std::chrono::year{2015} / 10 / 21} + 7h + 26min);
  HttpClient client(test::test_settings(server.base_url()), test::env(clock));
  auto result = client.send(get("/v1/balances"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_EQ(result.error().retry_after, 120s);
}

TEST(HttpClient, ServerErrorsAreTransient) {
  for (int status : {500, 502, 503, 504}) {
    ScriptedServer server({Action::reply(status, "", {{"Retry-After", "7"}})});
    HttpClient client(test::test_settings(server.base_url()));
    auto result = client.send(get("/v1/x"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().failure_class, FailureClass::transient) << status;
    EXPECT_EQ(result.error().retry_after, 7s) << status;
  }
}

TEST(HttpClient, UnauthorizedAndForbiddenAreCredentials) {
  for (int status : {401, 403}) {
    ScriptedServer server({Action::reply(status)});
    HttpClient client(test::test_settings(server.base_url()));
    auto result = client.send(get("/v1/x"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().failure_class, FailureClass::credentials) << status;
  }
}

TEST(HttpClient, UnprocessableIsRejectedWithTheBodyKept) {
  const std::string body =
      R"({"errors":[{"field":"tenants[0].lastName","code":"TOO_LONG","message":"…"}]})";
  for (int status : {422, 409, 400, 404}) {
    ScriptedServer server({Action::reply(status, body, {{"X-Request-Id", "r-9"}})});
    HttpClient client(test::test_settings(server.base_url()));
    auto result = client.send(get("/v1/x"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().failure_class, FailureClass::rejected) << status;
    ASSERT_TRUE(result.error().response);
    EXPECT_EQ(result.error().response->body, body);
    EXPECT_EQ(result.error().response->request_id, "r-9");
    EXPECT_EQ(result.error().message.find("TOO_LONG"), std::string::npos)
        << "no bodies in messages";
  }
}

TEST(HttpClient, ConnectionResetMidBodyIsTransient) {
  ScriptedServer server({Action::reset_mid_body(1000, 10)});
  ExchangeLog log;
  HttpClient client(test::test_settings(server.base_url()), test::env(log));
  auto result = client.send(get("/v1/statements/1"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_FALSE(result.error().response);
  ASSERT_EQ(log.records().size(), 1u);
  EXPECT_EQ(log.records()[0].failure_class, FailureClass::transient);
}

TEST(HttpClient, TruncatedBodyIsTransient) {
  ScriptedServer server({Action::truncated_body(1000, 10)});
  HttpClient client(test::test_settings(server.base_url()));
  auto result = client.send(get("/v1/statements/1"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_NE(result.error().message.find("broke off"), std::string::npos) << result.error().message;
}

TEST(HttpClient, SilentServerTimesOutWithinTotalTimeout) {
  ScriptedServer server({Action::hang()});
  auto settings = test::test_settings(server.base_url());
  settings.timeouts.total_ms = 300;
  HttpClient client(settings);
  const auto started = std::chrono::steady_clock::now();
  auto result = client.send(get("/v1/x"));
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_NE(result.error().message.find("timed out"), std::string::npos) << result.error().message;
  EXPECT_LT(took, 3s);
}

TEST(HttpClient, RefusedConnectionIsTransient) {
  std::string url;
  {
    ScriptedServer closed(std::vector<Action>{});
    url = closed.base_url();
  }
  HttpClient client(test::test_settings(url));
  auto result = client.send(get("/v1/x"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::transient);
  EXPECT_NE(result.error().message.find("could not connect"), std::string::npos);
}

TEST(HttpClient, OversizedBodyIsProtocol) {
  ScriptedServer server({Action::reply(200, std::string(100, 'x'))});
  auto settings = test::test_settings(server.base_url());
  settings.limits.max_response_bytes = 10;
  HttpClient client(settings);
  auto result = client.send(get("/v1/x"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::protocol);
}

TEST(HttpClient, HeaderWithLineBreakIsRefusedUnsent) {
  ScriptedServer server(std::vector<Action>{});
  HttpClient client(test::test_settings(server.base_url()));
  Request request = get("/v1/x");
  request.headers.add("X-Evil", "a\r\nInjected: yes");
  auto result = client.send(request);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().failure_class, FailureClass::protocol);
  EXPECT_TRUE(server.requests().empty());
}

TEST(HttpClient, AuthorizationValueNeverInMessages) {
  ScriptedServer server({Action::reply(401), Action::truncated_body(100, 1)});
  ExchangeLog log;
  HttpClient client(test::test_settings(server.base_url()), test::env(log));
  for (int i = 0; i < 2; ++i) {
    Request request = get("/v1/x?token=canary-q-5e2f");
    request.headers.add("Authorization", "Bearer canary-bearer-5e2f");
    auto result = client.send(request);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message.find("canary"), std::string::npos);
  }
  EXPECT_EQ(log.all_text().find("canary"), std::string::npos) << log.all_text();
}

TEST(HttpClient, RejectsBadSettings) {
  EXPECT_THROW(HttpClient(test::test_settings("ftp://example.org")), std::invalid_argument);
  auto settings = test::test_settings("https://example.org");
  settings.limits.max_in_flight = 0;
  EXPECT_THROW(HttpClient{settings}, std::invalid_argument);
}

TEST(HttpClient, AtMostMaxInFlightRequestsAtOnce) {
  test::Handler slow = [](const test::RecordedRequest&) {
    Action a = Action::reply(200, "ok");
    a.delay = 200ms;
    return a;
  };
  ScriptedServer server(slow);
  auto settings = test::test_settings(server.base_url());
  settings.limits.max_in_flight = 2;
  HttpClient client(settings);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      if (client.send(get("/v1/x"))) ++ok;
    });
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(ok, 6);
  EXPECT_EQ(server.max_concurrent(), 2);
  EXPECT_LE(server.connections(), 2);
}

TEST(HttpClient, AtMostRequestsPerSecondOnAManualClock) {
  ScriptedServer server([](const test::RecordedRequest&) { return Action::reply(200); });
  ManualMonotonicClock clock;
  const SteadyTime t0 = clock.now();
  auto settings = test::test_settings(server.base_url());
  settings.limits.requests_per_second = 5;
  HttpClient client(settings, test::env(clock));
  std::vector<std::chrono::milliseconds> started;
  for (int i = 0; i < 11; ++i) {
    ASSERT_TRUE(client.send(get("/v1/x")));
    started.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - t0));
  }
  for (int i = 0; i < 11; ++i)
    EXPECT_EQ(started[static_cast<std::size_t>(i)], std::chrono::seconds{i / 5}) << i;
  EXPECT_EQ(server.requests().size(), 11u);
}

}  // namespace
}  // namespace kaution::httpclient
