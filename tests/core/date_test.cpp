#include "core/date.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

TEST(DateParse, ValidDays) {
  EXPECT_EQ(Date::parse("2024-02-29")->to_string(), "2024-02-29");
  EXPECT_EQ(Date::parse("2026-12-31")->day(), 31u);
  EXPECT_EQ(Date::parse("2000-02-29")->month(), 2u);
}

TEST(DateParse, RejectsImpossibleDays) {
  for (const char* text : {"2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01",
                           "2026-00-10", "2026-01-00", "0000-01-01"}) {
    auto d = Date::parse(text);
    ASSERT_FALSE(d.has_value()) << text;
    EXPECT_NE(d.error().find(text), std::string::npos) << d.error();
    EXPECT_NE(d.error().find("no such day"), std::string::npos) << d.error();
  }
}

TEST(DateParse, RejectsOtherShapes) {
  for (const char* text : {"2026-1-01", "26-01-01", "2026/01/01", "01.02.2026", "2026-01-01T00", "",
                           "2026-0a-01", " 2026-01-01"}) {
    auto d = Date::parse(text);
    ASSERT_FALSE(d.has_value()) << text;
    EXPECT_NE(d.error().find("YYYY-MM-DD"), std::string::npos) << d.error();
  }
}

TEST(DateArithmetic, DaysAcrossMonthsAndLeapYears) {
  const Date d = *Date::parse("2024-02-28");
  EXPECT_EQ(d.plus_days(1).to_string(), "2024-02-29");
  EXPECT_EQ(d.plus_days(2).to_string(), "2024-03-01");
  EXPECT_EQ(Date::parse("2026-01-01")->days_since(*Date::parse("2025-12-31")), 1);
  EXPECT_EQ(Date::parse("2025-01-01")->days_since(*Date::parse("2026-01-01")), -365);
  EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_LT(*Date::parse("2026-11-22"), *Date::parse("2026-11-23"));
}

TEST(DateArithmetic, Weekday) {
  EXPECT_EQ(Date::parse("2026-11-23")->iso_weekday(), 1u);  // a Monday
  EXPECT_EQ(Date::parse("2026-11-22")->iso_weekday(), 7u);
}

}  // namespace
}  // namespace kaution
