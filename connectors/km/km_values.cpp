#include "connectors/km/km_values.hpp"

namespace kaution::km {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text.substr(0, 40))
    out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
  return out + (text.size() > 40 ? "...\"" : "\"");
}

}  // namespace

std::string_view trim(std::string_view text) {
  constexpr std::string_view k_space = " \t\r\n";
  const std::size_t first = text.find_first_not_of(k_space);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(k_space) - first + 1);
}

std::expected<Money, std::string> parse_amount(std::string_view text) {
  std::string_view s = trim(text);
  const bool negative = s.starts_with('-');
  if (negative) s.remove_prefix(1);
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || s.size() - dot != 3)
    return std::unexpected("amount " + quoted(text) + " is not a decimal with two decimals");
  auto money = Money::parse_decimal(s, '.', 2);
  if (!money) return std::unexpected(money.error());
  return negative ? -*money : *money;
}

std::expected<Date, std::string> parse_date(std::string_view text) {
  return Date::parse(trim(text));
}

std::expected<bool, std::string> parse_bool(std::string_view text) {
  const std::string_view s = trim(text);
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::unexpected("boolean " + quoted(text) + " is neither true nor false");
}

}  // namespace kaution::km
