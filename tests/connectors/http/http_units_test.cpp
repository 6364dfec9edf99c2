#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "connectors/http/classify.hpp"
#include "connectors/http/headers.hpp"
#include "connectors/http/rate_limiter.hpp"
#include "connectors/http/url.hpp"
#include "core/redact.hpp"

namespace kaution::httpclient {
namespace {

using namespace std::chrono_literals;

TEST(Headers, LookupIgnoresCase) {
  Headers h{{"X-Request-Id", "a"}, {"content-type", "text/xml"}};
  EXPECT_EQ(h.get("x-request-id"), "a");
  EXPECT_EQ(h.get("Content-Type"), "text/xml");
  EXPECT_FALSE(h.get("Retry-After"));
  h.set("CONTENT-TYPE", "application/json");
  EXPECT_EQ(h.get("content-type"), "application/json");
  EXPECT_EQ(h.fields().size(), 2u);
}

TEST(Url, EncodesAndJoins) {
  EXPECT_EQ(url_encode("1.080000.1047"), "1.080000.1047");
  EXPECT_EQ(url_encode("a/b c+ä"), "a%2Fb%20c%2B%C3%A4");
  EXPECT_EQ(join_url("https://h/api/", "v1/x", {}), "https://h/api/v1/x");
  EXPECT_EQ(join_url("https://h", "/v1/x", {{"ibans", "DE1,DE2"}, {"from", "2026-01-01"}}),
            "https://h/v1/x?ibans=DE1%2CDE2&from=2026-01-01");
  EXPECT_TRUE(is_http_url("HTTPS://bank.example"));
  EXPECT_FALSE(is_http_url("file:///etc/passwd"));
  EXPECT_FALSE(is_http_url("https://"));
}

TEST(StatusClass, FollowsConnectorsSpec) {
  EXPECT_FALSE(status_class(200));
  EXPECT_FALSE(status_class(204));
  for (int s : {401, 403})
    EXPECT_EQ(status_class(s), FailureClass::credentials) << s;
  for (int s : {408, 425, 429, 500, 502, 503, 504, 507})
    EXPECT_EQ(status_class(s), FailureClass::transient) << s;
  for (int s : {400, 404, 409, 410, 413, 422})
    EXPECT_EQ(status_class(s), FailureClass::rejected) << s;
  for (int s : {301, 405, 406, 415, 501})
    EXPECT_EQ(status_class(s), FailureClass::protocol) << s;
}

TEST(ProtocolFailure, IsScrubbed) {
  Redactor::global().add_secret("canary-proto-91ab");
  const Failure f = protocol_failure("aak: GET /v1/x", "token canary-proto-91ab in body");
  EXPECT_EQ(f.failure_class, FailureClass::protocol);
  EXPECT_EQ(f.message, "aak: GET /v1/x: token *** in body");
}

TEST(RateLimiter, BurstThenOneSecondWindows) {
  ManualMonotonicClock clock;
  const SteadyTime t0 = clock.now();
  RateLimiter limiter(3, clock);
  std::vector<SteadyTime> starts;
  for (int i = 0; i < 7; ++i)
    starts.push_back(limiter.reserve());
  for (int i = 0; i < 7; ++i)
    EXPECT_EQ(starts[static_cast<std::size_t>(i)] - t0, std::chrono::seconds{i / 3}) << i;
}

TEST(RateLimiter, QuietTimeRefills) {
  ManualMonotonicClock clock;
  RateLimiter limiter(2, clock);
  limiter.acquire();
  limiter.acquire();
  clock.advance(5s);
  const SteadyTime now = clock.now();
  EXPECT_EQ(limiter.reserve(), now);
  EXPECT_EQ(limiter.reserve(), now);
  EXPECT_EQ(limiter.reserve(), now + 1s);
}

TEST(RateLimiter, NoWindowHoldsMoreThanTheLimitUnderContention) {
  ManualMonotonicClock clock;
  RateLimiter limiter(5, clock);
  std::mutex mutex;
  std::vector<SteadyTime> starts;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        const SteadyTime s = limiter.reserve();
        clock.advance(37ms);
        std::lock_guard lock(mutex);
        starts.push_back(s);
      }
    });
  for (auto& t : threads)
    t.join();
  std::sort(starts.begin(), starts.end());
  ASSERT_EQ(starts.size(), 100u);
  for (std::size_t i = 0; i + 5 < starts.size(); ++i)
    EXPECT_GE(starts[i + 5] - starts[i], 1s) << i;
}

TEST(RateLimiter, UnlimitedNeverWaits) {
  ManualMonotonicClock clock;
  RateLimiter limiter(0, clock);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(limiter.reserve(), clock.now());
}

}  // namespace
}  // namespace kaution::httpclient
