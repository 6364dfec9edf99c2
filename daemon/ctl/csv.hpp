#pragma once
// CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold the separator, line
// breaks and doubled quotes; CRLF or LF; a UTF-8 BOM at the start is skipped. The separator is
// ';' (German spreadsheets) or ',' — whichever the header line has more of outside quotes.

#include <expected>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::ctl {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  char separator = ';';
  std::vector<std::string> header;  // names trimmed
  std::vector<CsvRecord> records;   // blank lines skipped
};

// An unterminated quote is an error naming its line.
std::expected<CsvTable, std::string> parse_csv(std::string_view text);

// One line with `separator`, quoting fields that need it, ended by "\r\n".
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields, char separator = ';');

inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

}  // namespace kaution::ctl
