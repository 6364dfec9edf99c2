#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

using namespace std::chrono_literals;

TimePoint at(const char* date, int hour, int minute = 0) {
  return utc_time(*Date::parse(date), hour) + std::chrono::minutes{minute};
}

TEST(BerlinDate, WinterIsUtcPlusOne) {
  EXPECT_EQ(berlin_date(at("2026-01-15", 22, 59)).to_string(), "2026-01-15");
  EXPECT_EQ(berlin_date(at("2026-01-15", 23, 0)).to_string(), "2026-01-16");
}

TEST(BerlinDate, SummerIsUtcPlusTwo) {
  EXPECT_EQ(berlin_date(at("2026-07-15", 21, 59)).to_string(), "2026-07-15");
  EXPECT_EQ(berlin_date(at("2026-07-15", 22, 0)).to_string(), "2026-07-16");
}

TEST(BerlinDate, SwitchesOnLastSundaysAtOneUtc) {
  // 2026: summer time from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC.
  EXPECT_EQ(berlin_utc_offset(at("2026-03-29", 0, 59)), 1h);
  EXPECT_EQ(berlin_utc_offset(at("2026-03-29", 1, 0)), 2h);
  EXPECT_EQ(berlin_utc_offset(at("2026-10-25", 0, 59)), 2h);
  EXPECT_EQ(berlin_utc_offset(at("2026-10-25", 1, 0)), 1h);
  // 2024: 2024-03-31 and 2024-10-27.
  EXPECT_EQ(berlin_utc_offset(at("2024-03-30", 12)), 1h);
  EXPECT_EQ(berlin_utc_offset(at("2024-03-31", 2)), 2h);
  EXPECT_EQ(berlin_utc_offset(at("2024-10-27", 2)), 1h);
}

TEST(ManualClock, TodayMovesWithTheClock) {
  ManualClock clock(at("2026-11-23", 10));
  EXPECT_EQ(today(clock).to_string(), "2026-11-23");
  clock.advance(24h);
  EXPECT_EQ(today(clock).to_string(), "2026-11-24");
}

TEST(Rfc3339, FormatsUtc) {
  EXPECT_EQ(to_rfc3339(at("2026-11-23", 11, 32)), "2026-11-23T11:32:00Z");
}

}  // namespace
}  // namespace kaution
