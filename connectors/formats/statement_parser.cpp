#include "connectors/formats/statement_parser.hpp"

#include <algorithm>
#include <span>

#include "connectors/formats/camt_reader.hpp"
#include "connectors/formats/mapped_file.hpp"
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
  warn_repeated_statements(document);
}

void parse_single(const std::string& name, std::span<char> data, ParsedFile& out,
                  const ReleaseFn& release = {}) {
  const std::string_view view(data.data(), data.size());
  std::expected<Document, ParseError> document;
  switch (detect_kind(view)) {
    case FileKind::xml:
      document = read_camt(data, name, release);
      break;
    case FileKind::mt940:
      document = read_mt940(view, name, release);
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

// Parses `data` (modified in place) as one file: a zip entry by entry, else one document.
ParsedFile parse_bytes(const std::string& name, std::span<char> data, const ReleaseFn& release) {
  ParsedFile out{name, {}, {}};
  const std::string_view view(data.data(), data.size());
  if (detect_kind(view) != FileKind::zip) {
    parse_single(name, data, out, release);
    return out;
  }
  auto read = for_each_zip_entry(view, [&](const std::string& entry, std::string bytes) {
    parse_single(name + "/" + entry, bytes, out);
  });
  if (!read) out.errors.push_back(ParseError{name, read.error().where, read.error().reason, false});
  if (read && out.documents.empty() && out.errors.empty())
    out.errors.push_back(ParseError{name, {}, "not a bank statement: the zip is empty", true});
  return out;
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
  // UTF-16/32 XML (by byte order mark or a '<' beside zero bytes): the camt reader converts
  // UTF-16 and names UTF-32 as unsupported.
  if (data.starts_with("\xFE\xFF") || data.starts_with("\xFF\xFE") ||
      data.starts_with(std::string_view("<\0", 2)) ||
      data.starts_with(std::string_view("\0<", 2)) ||
      data.starts_with(std::string_view("\0\0\0<", 4)))
    return FileKind::xml;
  std::string_view rest = data;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  while (!rest.empty() && is_blank(rest.front()))
    rest.remove_prefix(1);
  if (rest.starts_with('<')) return FileKind::xml;
  if (rest.starts_with("{1:") || has_swift_tag_line(data.substr(0, 65536))) return FileKind::mt940;
  return FileKind::unknown;
}

ParsedFile parse_statement_buffer(const std::string& name, std::string data) {
  return parse_bytes(name, data, {});
}

ParsedFile parse_statement_file(const std::string& path) {
  auto mapped = MappedFile::open(path);
  if (!mapped) return ParsedFile{path, {}, {ParseError{path, {}, mapped.error(), false}}};
  return parse_bytes(path, mapped->bytes(),
                     [&](std::size_t offset) { mapped->release_before(offset); });
}

}  // namespace kaution::formats
