#include "core/retry.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

using namespace std::chrono_literals;
using std::chrono::seconds;

const TimePoint k_now = utc_time(*Date::parse("2026-11-23"), 10);

TEST(Backoff, CeilingDoublesUpToTheCap) {
  const RetryPolicy policy{12, 30s, 21600s};
  EXPECT_EQ(backoff_ceiling(policy, 1), 30s);
  EXPECT_EQ(backoff_ceiling(policy, 2), 60s);
  EXPECT_EQ(backoff_ceiling(policy, 3), 120s);
  EXPECT_EQ(backoff_ceiling(policy, 10), 15360s);
  EXPECT_EQ(backoff_ceiling(policy, 11), 21600s);
  EXPECT_EQ(backoff_ceiling(policy, 1000), 21600s) << "no overflow however many attempts";
}

TEST(Backoff, FullJitterStaysInsideTheWindowAndIsSeeded) {
  const RetryPolicy policy{12, 30s, 21600s};
  SeededRandom a(42), b(42);
  bool saw_small = false, saw_large = false;
  for (int i = 0; i < 500; ++i) {
    const auto at = next_attempt_at(policy, 3, k_now, std::nullopt, a);
    ASSERT_TRUE(at.has_value());
    EXPECT_GE(*at, k_now);
    EXPECT_LE(*at, k_now + 120s);
    saw_small |= *at < k_now + 30s;
    saw_large |= *at > k_now + 90s;
    EXPECT_EQ(*at, *next_attempt_at(policy, 3, k_now, std::nullopt, b)) << "same seed, same delay";
  }
  EXPECT_TRUE(saw_small && saw_large) << "jitter spreads over the whole window";
}

TEST(Backoff, RetryAfterTakesPrecedence) {
  const RetryPolicy policy{12, 30s, 21600s};
  SeededRandom random(1);
  EXPECT_EQ(next_attempt_at(policy, 1, k_now, 3600s, random), k_now + 3600s);
}

TEST(Backoff, ExhaustedAfterMaxAttempts) {
  const RetryPolicy policy{3, 30s, 21600s};
  SeededRandom random(1);
  EXPECT_TRUE(next_attempt_at(policy, 2, k_now, std::nullopt, random).has_value());
  EXPECT_FALSE(next_attempt_at(policy, 3, k_now, std::nullopt, random).has_value());
  EXPECT_FALSE(next_attempt_at(policy, 3, k_now, 10s, random).has_value())
      << "Retry-After does not extend the budget";
}

TEST(RetryAfter, DeltaSeconds) {
  EXPECT_EQ(parse_retry_after("120", k_now), 120s);
  EXPECT_EQ(parse_retry_after(" 0 ", k_now), 0s);
}

TEST(RetryAfter, HttpDate) {
  // k_now is 2026-11-23 10:00:00 UTC, a Monday.
  EXPECT_EQ(parse_retry_after("Mon, 23 Nov 2026 10:02:30 GMT", k_now), 150s);
  EXPECT_EQ(parse_retry_after("Sun, 22 Nov 2026 10:00:00 GMT", k_now), 0s) << "past → now";
}

TEST(RetryAfter, GarbageIsIgnored) {
  for (const char* v :
       {"", "soon", "-5", "1.5", "Mon, 23 Nov 2026 10:02:30", "Mon, 31 Feb 2026 10:00:00 GMT",
        "Mon, 23 Nov 2026 25:00:00 GMT", "9999999999999"})
    EXPECT_FALSE(parse_retry_after(v, k_now).has_value()) << v;
}

}  // namespace
}  // namespace kaution
