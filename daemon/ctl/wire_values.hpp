#pragma once
// Values typed by people (command line, CSV) into the API's wire form: amounts "1340.00" (from
// "1340.00", "1.340,00", "1340,00" or "1340"), dates "YYYY-MM-DD" (from that or "DD.MM.YYYY"),
// booleans. Errors name the text. Money goes through kaution::Money, never a double.

#include <expected>
#include <string>
#include <string_view>

namespace kaution::ctl {

std::expected<std::string, std::string> wire_amount(std::string_view text);
std::expected<std::string, std::string> wire_date(std::string_view text);
// true/false, yes/no, ja/nein, 1/0 (any case).
std::expected<bool, std::string> wire_bool(std::string_view text);

}  // namespace kaution::ctl
