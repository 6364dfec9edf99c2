#include "core/retry.hpp"

#include <algorithm>
#include <array>

namespace kaution {
namespace {

constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> k_weekdays{"Mon", "Tue", "Wed", "Thu",
                                                     "Fri", "Sat", "Sun"};

bool read_number(std::string_view text, std::size_t from, std::size_t count, int& out) {
  out = 0;
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

std::optional<std::chrono::seconds> parse_delta_seconds(std::string_view value) {
  if (value.empty() || value.size() > 9) return std::nullopt;
  int seconds = 0;
  if (!read_number(value, 0, value.size(), seconds)) return std::nullopt;
  return std::chrono::seconds{seconds};
}

// "Wed, 21 Oct 2015 07:28:00 GMT"
std::optional<TimePoint> parse_imf_fixdate(std::string_view v) {
  if (v.size() != 29 || v.substr(3, 2) != ", " || v.substr(25) != " GMT") return std::nullopt;
  if (std::find(k_weekdays.begin(), k_weekdays.end(), v.substr(0, 3)) == k_weekdays.end())
    return std::nullopt;
  const auto month = std::find(k_months.begin(), k_months.end(), v.substr(8, 3));
  int day = 0, year = 0, h = 0, m = 0, s = 0;
  if (month == k_months.end() || v[7] != ' ' || v[11] != ' ' || v[16] != ' ' || v[19] != ':' ||
      v[22] != ':' || !read_number(v, 5, 2, day) || !read_number(v, 12, 4, year) ||
      !read_number(v, 17, 2, h) || !read_number(v, 20, 2, m) || !read_number(v, 23, 2, s) ||
      h > 23 || m > 59 || s > 60)
    return std::nullopt;
  const auto date = Date::from_ymd(year, static_cast<unsigned>(month - k_months.begin() + 1),
                                   static_cast<unsigned>(day));
  if (!date) return std::nullopt;
  return utc_time(*date, 0) + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

}  // namespace

std::chrono::seconds backoff_ceiling(const RetryPolicy& policy, int failed_attempts) {
  const int doublings = std::clamp(failed_attempts - 1, 0, 40);
  const auto base = policy.base.count();
  const auto cap = policy.cap.count();
  // base·2^n without overflow: stop doubling once the cap is reached.
  std::int64_t delay = base;
  for (int i = 0; i < doublings && delay < cap; ++i)
    delay *= 2;
  return std::chrono::seconds{std::min<std::int64_t>(delay, cap)};
}

std::optional<TimePoint> next_attempt_at(const RetryPolicy& policy, int failed_attempts,
                                         TimePoint now,
                                         std::optional<std::chrono::seconds> retry_after,
                                         RandomSource& random) {
  if (failed_attempts >= policy.max_attempts) return std::nullopt;
  if (retry_after) return now + *retry_after;
  const auto ceiling = backoff_ceiling(policy, failed_attempts);
  return now + std::chrono::seconds{random.uniform(ceiling.count())};
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, TimePoint now) {
  while (!value.empty() && value.front() == ' ')
    value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ')
    value.remove_suffix(1);
  if (auto delta = parse_delta_seconds(value)) return delta;
  const auto when = parse_imf_fixdate(value);
  if (!when) return std::nullopt;
  const auto wait = std::chrono::ceil<std::chrono::seconds>(*when - now);
  return std::max(wait, std::chrono::seconds{0});
}

}  // namespace kaution
