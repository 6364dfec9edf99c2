#pragma once
// MT940 statements and MT942 interim reports (several messages per file, German :86:
// structure, RC/RD reversals, comma or dot decimals). A file that is not UTF-8 is read as
// windows-1252 (a superset of ISO-8859-1's printable characters) and becomes UTF-8.

#include <expected>
#include <string>
#include <string_view>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Either every message of the file as a statement, or an error naming the line and reason.
// Messages are read one at a time; `release` is told when the bytes before an offset are done.
std::expected<Document, ParseError> read_mt940(std::string_view data, const std::string& file,
                                               const ReleaseFn& release = {});

}  // namespace kaution::formats
