#pragma once
// Date: a civil calendar date (proleptic Gregorian), valid days only.

#include <chrono>
#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace kaution {

class Date {
 public:
  // Only valid days: 2026-02-30 is an error, 2024-02-29 is fine.
  static std::expected<Date, std::string> from_ymd(int year, unsigned month, unsigned day);
  // Strict ISO 8601 calendar date "YYYY-MM-DD"; the error names the text.
  static std::expected<Date, std::string> parse(std::string_view text);
  static Date from_days(std::int64_t days_since_epoch);

  int year() const { return static_cast<int>(m_ymd.year()); }
  unsigned month() const { return static_cast<unsigned>(m_ymd.month()); }
  unsigned day() const { return static_cast<unsigned>(m_ymd.day()); }
  std::int64_t days_since_epoch() const;
  // 1 = Monday … 7 = Sunday.
  unsigned iso_weekday() const;

  Date plus_days(std::int64_t days) const;
  // `this - earlier` in days (negative when `earlier` is later).
  std::int64_t days_since(Date earlier) const;
  std::string to_string() const;

  auto operator<=>(const Date& other) const {
    return days_since_epoch() <=> other.days_since_epoch();
  }
  bool operator==(const Date& other) const { return m_ymd == other.m_ymd; }

 private:
  explicit Date(std::chrono::year_month_day ymd) : m_ymd(ymd) {}
  std::chrono::year_month_day m_ymd;
};

}  // namespace kaution
