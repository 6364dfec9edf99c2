#pragma once
// MT940 statements and MT942 interim reports (several messages per file, German :86:
// structure, RC/RD reversals, comma or dot decimals). Latin-1 files become UTF-8.

#include <expected>
#include <string>
#include <string_view>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Either every message of the file as a statement, or an error naming the line and reason.
std::expected<Document, ParseError> read_mt940(std::string_view data, const std::string& file);

}  // namespace kaution::formats
