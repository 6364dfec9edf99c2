#pragma once
// JSON form of parsed statement files, the shape of `kautionctl statement parse --json`:
// {"documents": [{"file", "format", "statements": [{"id", "account", "balances", "entries",
// "warnings"}]}], "errors": [{"file", "where", "reason", "not_a_statement"}]}.
// Keys may be added; none are renamed.

#include <nlohmann/json.hpp>
#include <vector>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

nlohmann::json to_json(const Document& document);
nlohmann::json to_json(const ParseError& error);
nlohmann::json to_json(const ParsedFile& file);
// All files: documents and errors of each, in order.
nlohmann::json to_json(const std::vector<ParsedFile>& files);

}  // namespace kaution::formats
