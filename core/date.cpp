#include "core/date.hpp"

#include <cstdio>

namespace kaution {

std::expected<Date, std::string> Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok() || year < 1 || year > 9999) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
    return std::unexpected(std::string("no such day: ") + text);
  }
  return Date(ymd);
}

std::expected<Date, std::string> Date::parse(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t count, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, y) ||
      !digits(5, 2, m) || !digits(8, 2, d)) {
    return std::unexpected("invalid date \"" + std::string(text.substr(0, 32)) +
                           "\": expected YYYY-MM-DD");
  }
  auto date = from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!date) return std::unexpected("invalid date \"" + std::string(text) + "\": no such day");
  return date;
}

Date Date::from_days(std::int64_t days_since_epoch) {
  return Date(
      std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_since_epoch}}});
}

std::int64_t Date::days_since_epoch() const {
  return std::chrono::sys_days{m_ymd}.time_since_epoch().count();
}

unsigned Date::iso_weekday() const {
  return std::chrono::weekday{std::chrono::sys_days{m_ymd}}.iso_encoding();
}

Date Date::plus_days(std::int64_t days) const {
  return from_days(days_since_epoch() + days);
}

std::int64_t Date::days_since(Date earlier) const {
  return days_since_epoch() - earlier.days_since_epoch();
}

std::string Date::to_string() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", year(), month(), day());
  return text;
}

}  // namespace kaution
