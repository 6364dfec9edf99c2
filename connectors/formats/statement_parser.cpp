#include "connectors/formats/statement_parser.hpp"

#include <algorithm>
#include <fstream>

#include "connectors/formats/camt_reader.hpp"
#include "connectors/formats/mt940_reader.hpp"
#include "connectors/formats/statement_checks.hpp"
#include "connectors/formats/zip_reader.hpp"

namespace kaution::formats {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// A line that starts with a SWIFT field tag such as ":20:" or ":60F:".
bool has_swift_tag_line(std::string_view data) {
  std::size_t pos = 0;
  while (pos < data.size()) {
    const std::string_view line = data.substr(pos, 8);
    if (line.size() >= 4 && line[0] == ':' && line[1] >= '0' && line[1] <= '9' && line[2] >= '0' &&
        line[2] <= '9' && (line[3] == ':' || (line.size() >= 5 && line[4] == ':')))
      return true;
    const std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

void finish(Document& document) {
  const bool expect_balances =
      document.format.starts_with("camt.053") || document.format == "MT940";
  for (Statement& statement : document.statements) {
    assign_booking_refs(statement);
    check_balances(statement, expect_balances);
  }
}

void parse_single(const std::string& name, std::string data, ParsedFile& out) {
  std::expected<Document, ParseError> document;
  switch (detect_kind(data)) {
    case FileKind::xml:
      document = read_camt(data, name);
      break;
    case FileKind::mt940:
      document = read_mt940(data, name);
      break;
    case FileKind::zip:
      document = std::unexpected(ParseError{name, {}, "a zip inside a zip is not read", true});
      break;
    case FileKind::unknown:
      document = std::unexpected(
          ParseError{name, {}, "not a bank statement: neither camt XML, MT940 nor zip", true});
      break;
  }
  if (!document) {
    out.errors.push_back(std::move(document.error()));
    return;
  }
  finish(*document);
  out.documents.push_back(std::move(*document));
}

}  // namespace

std::string ParseError::message() const {
  std::string out = file;
  if (!where.empty()) out += ": " + where;
  return out + ": " + reason;
}

std::string_view to_code(EntryStatus status) {
  switch (status) {
    case EntryStatus::booked:
      return "BOOK";
    case EntryStatus::pending:
      return "PDNG";
    case EntryStatus::info:
      return "INFO";
  }
  return "INFO";
}

FileKind detect_kind(std::string_view data) {
  if (data.starts_with("PK\x03\x04") || data.starts_with("PK\x05\x06")) return FileKind::zip;
  std::string_view rest = data;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  while (!rest.empty() && is_blank(rest.front()))
    rest.remove_prefix(1);
  if (rest.starts_with('<')) return FileKind::xml;
  if (rest.starts_with("{1:") || has_swift_tag_line(data.substr(0, 65536))) return FileKind::mt940;
  return FileKind::unknown;
}

ParsedFile parse_statement_buffer(const std::string& name, std::string data) {
  ParsedFile out{name, {}, {}};
  if (detect_kind(data) != FileKind::zip) {
    parse_single(name, std::move(data), out);
    return out;
  }
  auto read = for_each_zip_entry(data, [&](const std::string& entry, std::string bytes) {
    parse_single(name + "/" + entry, std::move(bytes), out);
  });
  if (!read) out.errors.push_back(ParseError{name, read.error().where, read.error().reason, false});
  if (read && out.documents.empty() && out.errors.empty())
    out.errors.push_back(ParseError{name, {}, "not a bank statement: the zip is empty", true});
  return out;
}

ParsedFile parse_statement_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ParsedFile{path, {}, {ParseError{path, {}, "cannot open the file", false}}};
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::string data(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)), '\0');
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (size < 0 || !in)
    return ParsedFile{path, {}, {ParseError{path, {}, "cannot read the file", false}}};
  return parse_statement_buffer(path, std::move(data));
}

}  // namespace kaution::formats
