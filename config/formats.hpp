#pragma once
// Checks of string values by StringFormat (key_table.hpp), and the parsers the builder needs.

#include <optional>
#include <string>
#include <string_view>

#include "config/key_table.hpp"

namespace kaution::config_detail {

// nullopt when `text` has the format, else what is wrong with it. Messages quote the value only
// where it cannot be a secret: never URLs (user information) nor the names in a secret
// reference (a pasted secret would land there).
std::optional<std::string> check_format(StringFormat format, std::string_view text);

// The value in double quotes, cut after 40 characters; for messages about non-secret values.
std::string quote_value(std::string_view text);

// "0660" or "660" → 0660; nullopt for anything else or above 0777.
std::optional<unsigned> parse_octal_mode(std::string_view text);

// 127.0.0.0/8, ::1, ::ffff:127.x.y.z or "localhost".
bool is_loopback_address(std::string_view address);

}  // namespace kaution::config_detail
