#include "daemon/ctl/csv.hpp"

#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

char detect_separator(std::string_view text) {
  std::size_t semicolons = 0, commas = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return commas > semicolons ? ',' : ';';
}

bool blank(const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    if (!trim(f).empty()) return false;
  return true;
}

// Reads records from `text`; the reader state is small enough to keep in one function.
std::expected<std::vector<CsvRecord>, std::string> read_records(std::string_view text,
                                                                char separator) {
  std::vector<CsvRecord> records;
  CsvRecord current{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false;
  std::size_t line = 1, quote_line = 0;
  auto end_field = [&] {
    current.fields.push_back(was_quoted ? field : trim(field));
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = was_quoted = true;
      quote_line = line;
      field.clear();
    } else if (c == separator) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      if (!blank(current.fields)) records.push_back(std::move(current));
      current = CsvRecord{++line, {}};
    } else {
      field += c;
    }
  }
  if (quoted) return std::unexpected("line " + std::to_string(quote_line) + ": unterminated quote");
  end_field();
  if (!blank(current.fields)) records.push_back(std::move(current));
  return records;
}

bool needs_quotes(std::string_view field, char separator) {
  return field.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string_view::npos;
}

}  // namespace

std::expected<CsvTable, std::string> parse_csv(std::string_view text) {
  if (text.starts_with(k_utf8_bom)) text.remove_prefix(k_utf8_bom.size());
  CsvTable table;
  table.separator = detect_separator(text);
  auto records = read_records(text, table.separator);
  if (!records) return std::unexpected(records.error());
  if (records->empty()) return std::unexpected("no header line");
  table.header = std::move(records->front().fields);
  records->erase(records->begin());
  table.records = std::move(*records);
  return table;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields, char separator) {
  bool first = true;
  for (const auto& field : fields) {
    if (!first) out << separator;
    first = false;
    if (!needs_quotes(field, separator)) {
      out << field;
      continue;
    }
    out << '"';
    for (char c : field)
      out << (c == '"' ? "\"\"" : std::string(1, c));
    out << '"';
  }
  out << "\r\n";
}

}  // namespace kaution::ctl
