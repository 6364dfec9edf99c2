#pragma once
// Statement amounts in minor units of their currency, on top of Money::parse_decimal.

#include <expected>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace kaution::formats {

// ISO 4217 minor-unit exponent: 0 (JPY, KRW, …), 3 (BHD, KWD, …) or 2 (all others).
int currency_exponent(std::string_view currency);

// Unsigned decimal `text` with separator `sep` (up to five decimals, as in camt) as a Money
// holding minor units of `currency`: "18.150" EUR → 1815, "2700" JPY → 2700. Decimals beyond
// the currency's exponent must be zero; the error names the text.
std::expected<Money, std::string> parse_statement_amount(std::string_view text,
                                                         std::string_view currency, char sep = '.');

}  // namespace kaution::formats
