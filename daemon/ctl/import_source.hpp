#pragma once
// The file of `kautionctl deposits import FILE`, by its extension: ".json" (an array of deposit
// objects), ".ndjson"/".jsonl" (one object per line), ".csv" (see csv_import.hpp).

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "daemon/ctl/import_row.hpp"

namespace kaution::ctl {

enum class ImportFormat { json, ndjson, csv };

struct ImportSource {
  ImportFormat format = ImportFormat::json;
  std::vector<ImportRow> rows;
  std::vector<std::string> csv_header;  // CSV only
  char csv_separator = ';';
};

// An element that is not an object, or an NDJSON line that is not JSON, is an error of its row;
// an unreadable file, another extension, a .json that is not an array, or a CSV header with
// unknown columns is an error for the whole file.
std::expected<ImportSource, std::string> read_import_source(const std::filesystem::path& path);

}  // namespace kaution::ctl
