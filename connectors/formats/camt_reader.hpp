#pragma once
// camt.052 / .053 / .054 (every version; namespace read from the document, elements matched
// by local name, so prefixed documents parse too). ISO-8859-1 documents are converted to
// UTF-8 first. Entries are parsed one at a time (camt_scanner.hpp) to bound memory.

#include <expected>
#include <string>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Parses the document in `buffer`, which is modified in place (and may be replaced by its UTF-8
// form). Either the whole document or an error naming line, element path and reason.
std::expected<Document, ParseError> read_camt(std::string& buffer, const std::string& file);

}  // namespace kaution::formats
