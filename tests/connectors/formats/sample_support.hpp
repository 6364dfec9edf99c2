#pragma once
// Helpers for the formats tests: the shared sample files are used in place.

#include <string>

#include "connectors/formats/statement_parser.hpp"

namespace kaution::formats::test {

std::string sample_path(const std::string& relative);
std::string read_sample(const std::string& relative);
ParsedFile parse_sample(const std::string& relative);
// Parses `text` as if it were a file named `name`.
ParsedFile parse_text(const std::string& name, std::string text);

std::size_t entry_count(const Document& document);
std::size_t transaction_count(const Document& document);
// First balance of `type` in `statement`, or nullptr.
const Balance* balance_of(const Statement& statement, std::string_view type);
// Replaces every occurrence of `from` in `text`.
std::string replace_all(std::string text, std::string_view from, std::string_view to);

}  // namespace kaution::formats::test
