#pragma once
// Entry point for bank statement files: detects camt (XML), MT940/MT942 and zip containers,
// parses, assigns booking references and checks balances.

#include <string>
#include <string_view>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

enum class FileKind { xml, mt940, zip, unknown };
FileKind detect_kind(std::string_view data);

// Parses the bytes of one file named `name` (used in documents and errors). A zip yields one
// document per entry; entries that are not statements are rejected like files.
ParsedFile parse_statement_buffer(const std::string& name, std::string data);

// Reads and parses the file at `path`; an unreadable file is one error.
ParsedFile parse_statement_file(const std::string& path);

}  // namespace kaution::formats
