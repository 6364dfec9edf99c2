#include "connectors/formats/amount.hpp"

#include <algorithm>
#include <array>

namespace kaution::formats {
namespace {

constexpr std::array<std::string_view, 17> k_zero_decimal = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
constexpr std::array<std::string_view, 7> k_three_decimal = {"BHD", "IQD", "JOD", "KWD",
                                                             "LYD", "OMR", "TND"};

bool contains(auto const& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text.substr(0, 40)) + "\"";
}

// Three-decimal currencies: cents from parse_decimal on the first two decimals, then the third.
std::expected<Money, std::string> parse_thousandths(std::string_view text, char sep) {
  const std::size_t at = text.find(sep);
  std::string_view frac = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
  const std::size_t head_len =
      at == std::string_view::npos ? text.size() : at + 1 + std::min<std::size_t>(2, frac.size());
  auto cents = Money::parse_decimal(text.substr(0, head_len), sep, 2);
  if (!cents) return cents;
  std::int64_t third = 0;
  if (frac.size() > 2) {
    const char c = frac[2];
    if (c < '0' || c > '9') return std::unexpected("invalid amount " + quoted(text));
    third = c - '0';
    for (char rest : frac.substr(3))
      if (rest != '0')
        return std::unexpected("invalid amount " + quoted(text) + ": too many decimals");
  }
  if (cents->cents() > (INT64_MAX - third) / 10)
    return std::unexpected("amount " + quoted(text) + " is out of range");
  return Money::from_cents(cents->cents() * 10 + third);
}

}  // namespace

int currency_exponent(std::string_view currency) {
  if (contains(k_zero_decimal, currency)) return 0;
  if (contains(k_three_decimal, currency)) return 3;
  return 2;
}

std::expected<Money, std::string> parse_statement_amount(std::string_view text,
                                                         std::string_view currency, char sep) {
  const int exponent = currency_exponent(currency);
  if (exponent == 3) return parse_thousandths(text, sep);
  auto cents = Money::parse_decimal(text, sep);
  if (!cents || exponent == 2) return cents;
  if (cents->cents() % 100 != 0)
    return std::unexpected("invalid amount " + quoted(text) + ": " + std::string(currency) +
                           " has no minor unit");
  return Money::from_cents(cents->cents() / 100);
}

}  // namespace kaution::formats
