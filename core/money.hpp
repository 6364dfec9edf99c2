#pragma once
// Money: an exact amount in euro cents (int64). Never a floating-point value.

#include <compare>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace kaution {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }

  // The API and config form: optional '-', digits, then either nothing or a decimal separator
  // followed by exactly two digits. Both "1340.00" (dot) and German "1.340,00" (thousands dots,
  // decimal comma) are accepted; anything ambiguous ("1.340"), scientific ("1e5"), with more
  // or fewer decimals ("12.345", "12.3"), or out of range is an error naming the text.
  static std::expected<Money, std::string> parse(std::string_view text);

  // Statement amounts (camt, MT940): digits, an optional decimal separator `sep`, up to
  // `max_fraction_digits` fraction digits of which those after the second must be 0, so that
  // "18.150" is 1815 cents and "18.155" is an error. No sign, no thousands separators.
  static std::expected<Money, std::string> parse_decimal(std::string_view text, char sep = '.',
                                                         int max_fraction_digits = 5);

  constexpr std::int64_t cents() const { return m_cents; }
  // "1340.00", "-0.50": the wire form with a dot and two decimals.
  std::string to_string() const;
  // "1.340,00": German display form.
  std::string to_german() const;

  // Checked arithmetic: nullopt on int64 overflow.
  std::optional<Money> checked_add(Money other) const;
  std::optional<Money> checked_sub(Money other) const;
  constexpr Money operator-() const { return Money(-m_cents); }
  constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
  constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
  constexpr Money& operator+=(Money o) {
    m_cents += o.m_cents;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;
  constexpr bool is_zero() const { return m_cents == 0; }

 private:
  constexpr explicit Money(std::int64_t cents) : m_cents(cents) {}
  std::int64_t m_cents = 0;
};

}  // namespace kaution
