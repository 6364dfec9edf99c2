#include "daemon/ctl/wire_values.hpp"

#include <algorithm>
#include <cctype>

#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution::ctl {
namespace {

bool digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

unsigned to_unsigned(std::string_view text) {
  unsigned value = 0;
  for (char c : text)
    value = value * 10U + static_cast<unsigned>(c - '0');
  return value;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::expected<std::string, std::string> wire_amount(std::string_view text) {
  auto money = Money::parse(text);
  if (!money) return std::unexpected(money.error());
  return money->to_string();
}

std::expected<std::string, std::string> wire_date(std::string_view text) {
  const bool german = text.size() == 10 && text[2] == '.' && text[5] == '.';
  if (!german) {
    auto date = Date::parse(text);
    if (!date) return std::unexpected(date.error());
    return date->to_string();
  }
  const auto day = text.substr(0, 2), month = text.substr(3, 2), year = text.substr(6, 4);
  if (!digits(day) || !digits(month) || !digits(year))
    return std::unexpected("\"" + std::string(text) +
                           "\" is not a date (YYYY-MM-DD or DD.MM.YYYY)");
  auto date =
      Date::from_ymd(static_cast<int>(to_unsigned(year)), to_unsigned(month), to_unsigned(day));
  if (!date) return std::unexpected("\"" + std::string(text) + "\" is not a valid date");
  return date->to_string();
}

std::expected<bool, std::string> wire_bool(std::string_view text) {
  const auto t = lower(text);
  if (t == "true" || t == "yes" || t == "ja" || t == "1") return true;
  if (t == "false" || t == "no" || t == "nein" || t == "0") return false;
  return std::unexpected("\"" + std::string(text) + "\" is not a yes/no value");
}

}  // namespace kaution::ctl
