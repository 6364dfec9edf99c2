#pragma once
// The value forms of km.md: amounts "1340.00" / "-446.67" (a dot and exactly two decimals,
// signed), dates "YYYY-MM-DD", booleans (xs:boolean). Errors name the text.

#include <expected>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution::km {

// Exact: "-0.50" is -50 cents; "1340", "1340.5", "1,00", "+1.00", "1e3" are errors.
std::expected<Money, std::string> parse_amount(std::string_view text);
std::expected<Date, std::string> parse_date(std::string_view text);
// "true"/"1" or "false"/"0".
std::expected<bool, std::string> parse_bool(std::string_view text);

// Leading and trailing XML whitespace removed.
std::string_view trim(std::string_view text);

}  // namespace kaution::km
