#include "daemon/ctl/import_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "daemon/ctl/csv.hpp"
#include "daemon/ctl/csv_import.hpp"
#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

ImportRow json_row(std::size_t number, const Json& element, std::string source) {
  ImportRow row;
  row.row = number;
  row.source = std::move(source);
  if (!element.is_object()) {
    row.errors.push_back({"", "expected a JSON object"});
    return row;
  }
  if (const auto* id = find_any(element, {"deposit_id"}); id != nullptr && id->is_string())
    row.deposit_id = id->get<std::string>();
  row.deposit = element;
  return row;
}

std::expected<ImportSource, std::string> from_json(const std::string& text) {
  Json array;
  try {
    array = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return std::unexpected(std::string("not JSON: ") + e.what());
  }
  if (!array.is_array()) return std::unexpected("expected a JSON array of deposits");
  ImportSource source;
  source.format = ImportFormat::json;
  for (std::size_t i = 0; i < array.size(); ++i)
    source.rows.push_back(json_row(i + 1, array[i], array[i].dump()));
  return source;
}

ImportSource from_ndjson(const std::string& text) {
  ImportSource source;
  source.format = ImportFormat::ndjson;
  std::istringstream lines(text);
  std::string line;
  for (std::size_t number = 1; std::getline(lines, line); ++number) {
    if (trim(line).empty()) continue;
    const auto element = Json::parse(line, nullptr, false);
    if (element.is_discarded()) {
      ImportRow row;
      row.row = number;
      row.source = line;
      row.errors.push_back({"", "not JSON"});
      source.rows.push_back(std::move(row));
    } else {
      source.rows.push_back(json_row(number, element, line));
    }
  }
  return source;
}

std::expected<ImportSource, std::string> from_csv(const std::string& text) {
  auto table = parse_csv(text);
  if (!table) return std::unexpected(table.error());
  auto rows = deposits_from_csv(*table);
  if (!rows) return std::unexpected(rows.error());
  ImportSource source;
  source.format = ImportFormat::csv;
  source.rows = std::move(*rows);
  source.csv_header = table->header;
  source.csv_separator = table->separator;
  return source;
}

std::string lower_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return ext;
}

}  // namespace

std::expected<ImportSource, std::string> read_import_source(const std::filesystem::path& path) {
  const auto ext = lower_extension(path);
  if (ext != ".json" && ext != ".ndjson" && ext != ".jsonl" && ext != ".csv")
    return std::unexpected(path.string() + ": unknown format (expected .json, .ndjson or .csv)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(path.string() + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  auto source = ext == ".csv" ? from_csv(text.str())
                : ext == ".json"
                    ? from_json(text.str())
                    : std::expected<ImportSource, std::string>(from_ndjson(text.str()));
  if (!source) return std::unexpected(path.string() + ": " + source.error());
  return source;
}

}  // namespace kaution::ctl
