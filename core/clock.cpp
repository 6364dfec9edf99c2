#include "core/clock.hpp"

#include <cstdio>

namespace kaution {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;

sys_days last_sunday(int year, unsigned month) {
  const auto last = std::chrono::year_month_day_last{
      std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}};
  const sys_days day{last};
  const auto wd = std::chrono::weekday{day}.c_encoding();  // 0 = Sunday
  return day - std::chrono::days{wd};
}

}  // namespace

std::chrono::seconds berlin_utc_offset(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
  const TimePoint summer_start = last_sunday(year, 3) + hours{1};
  const TimePoint summer_end = last_sunday(year, 10) + hours{1};
  return (t >= summer_start && t < summer_end) ? hours{2} : hours{1};
}

Date berlin_date(TimePoint t) {
  const auto local = t + berlin_utc_offset(t);
  const auto days = std::chrono::floor<std::chrono::days>(local);
  return Date::from_days(days.time_since_epoch().count());
}

std::string to_rfc3339(TimePoint t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - day)};
  const Date date = Date::from_days(day.time_since_epoch().count());
  char text[32];
  std::snprintf(text, sizeof text, "%sT%02d:%02d:%02dZ", date.to_string().c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return text;
}

TimePoint utc_time(Date d, int h) {
  return TimePoint{sys_days{std::chrono::days{d.days_since_epoch()}}} + hours{h};
}

}  // namespace kaution
