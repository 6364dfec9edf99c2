#include "core/money.hpp"

#include <cstdint>
#include <limits>

namespace kaution {
namespace {

constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text.substr(0, 40))
    out += (static_cast<unsigned char>(c) < 0x20) ? '?' : c;
  if (text.size() > 40) out += "...";
  return out + "\"";
}

// Accumulates decimal digits into `value`; false on overflow.
bool append_digits(std::string_view digits, std::int64_t& value) {
  for (char c : digits) {
    const int d = c - '0';
    if (value > (k_max - d) / 10) return false;
    value = value * 10 + d;
  }
  return true;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// German integer part: "1340" or groups "1.340.000".
bool german_integer(std::string_view s, std::string& digits) {
  if (s.find('.') == std::string_view::npos) {
    digits.assign(s);
    return !s.empty() && all_digits(s);
  }
  std::size_t pos = s.find('.');
  std::string_view head = s.substr(0, pos);
  if (head.empty() || head.size() > 3 || !all_digits(head)) return false;
  digits.assign(head);
  s.remove_prefix(pos);
  while (!s.empty()) {
    if (s.size() < 4 || s[0] != '.') return false;
    std::string_view group = s.substr(1, 3);
    if (!all_digits(group)) return false;
    digits.append(group);
    s.remove_prefix(4);
  }
  return true;
}

std::expected<Money, std::string> build(bool negative, std::string_view int_digits,
                                        std::string_view frac_digits, std::string_view text) {
  std::int64_t value = 0;
  if (!append_digits(int_digits, value) || !append_digits(frac_digits, value))
    return std::unexpected("amount " + quoted(text) + " is out of range");
  return Money::from_cents(negative ? -value : value);
}

}  // namespace

std::expected<Money, std::string> Money::parse(std::string_view text) {
  std::string_view s = text;
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  const auto bad = [&](std::string_view why) {
    return std::unexpected("invalid amount " + quoted(text) + ": " + std::string(why));
  };
  if (s.empty()) return bad("no digits");
  for (char c : s)
    if (!is_digit(c) && c != '.' && c != ',') return bad("only digits, '.' and ',' are allowed");

  const std::size_t comma = s.find(',');
  if (comma != std::string_view::npos) {  // German: 1.340,00
    if (s.find(',', comma + 1) != std::string_view::npos) return bad("more than one ','");
    std::string_view frac = s.substr(comma + 1);
    if (frac.size() != 2 || !all_digits(frac)) return bad("expected exactly two decimals");
    std::string int_digits;
    if (!german_integer(s.substr(0, comma), int_digits))
      return bad("thousands separators must group three digits");
    return build(negative, int_digits, frac, text);
  }
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) {
    return build(negative, s, "00", text);
  }
  std::string_view int_part = s.substr(0, dot);
  std::string_view frac = s.substr(dot + 1);
  if (int_part.empty()) return bad("no digits before the decimal point");
  if (frac.find('.') != std::string_view::npos) return bad("more than one '.'");
  if (frac.size() != 2) return bad("expected exactly two decimals");
  return build(negative, int_part, frac, text);
}

std::expected<Money, std::string> Money::parse_decimal(std::string_view text, char sep,
                                                       int max_fraction_digits) {
  const auto bad = [&](std::string_view why) {
    return std::unexpected("invalid amount " + quoted(text) + ": " + std::string(why));
  };
  const std::size_t at = text.find(sep);
  std::string_view int_part = text.substr(0, at);
  std::string_view frac = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
  if (int_part.empty() || !all_digits(int_part)) return bad("expected digits");
  if (!all_digits(frac)) return bad("expected digits after the decimal separator");
  if (static_cast<int>(frac.size()) > max_fraction_digits) return bad("too many decimals");
  std::string cents_digits(frac.substr(0, std::min<std::size_t>(2, frac.size())));
  cents_digits.resize(2, '0');
  for (char c : frac.substr(std::min<std::size_t>(2, frac.size())))
    if (c != '0') return bad("not a whole number of cents");
  return build(false, int_part, cents_digits, text);
}

std::string Money::to_string() const {
  const bool negative = m_cents < 0;
  // Work in unsigned so that INT64_MIN prints correctly.
  const std::uint64_t abs =
      negative ? 0 - static_cast<std::uint64_t>(m_cents) : static_cast<std::uint64_t>(m_cents);
  std::string frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + frac;
}

std::string Money::to_german() const {
  std::string plain = to_string();
  const bool negative = plain.front() == '-';
  if (negative) plain.erase(0, 1);
  const std::size_t dot = plain.find('.');
  std::string int_part = plain.substr(0, dot);
  std::string grouped;
  for (std::size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) grouped += '.';
    grouped += int_part[i];
  }
  return (negative ? "-" : "") + grouped + "," + plain.substr(dot + 1);
}

std::optional<Money> Money::checked_add(Money other) const {
  std::int64_t out = 0;
  if (__builtin_add_overflow(m_cents, other.m_cents, &out)) return std::nullopt;
  return Money(out);
}

std::optional<Money> Money::checked_sub(Money other) const {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(m_cents, other.m_cents, &out)) return std::nullopt;
  return Money(out);
}

}  // namespace kaution
