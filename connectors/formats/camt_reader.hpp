#pragma once
// camt.052 / .053 / .054 (every version; namespace read from the document, elements matched
// by local name, so prefixed documents parse too). Documents in other encodings than UTF-8
// are converted to UTF-8 first (see prepare_encoding in camt_reader.cpp). Entries are parsed one at
// a time (camt_scanner.hpp) to bound memory.

#include <expected>
#include <span>
#include <string>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Parses the document in `buffer`, which is modified in place (a document in another encoding
// than UTF-8 is first converted into a copy). Either the whole document or an error naming line,
// element path and reason; nothing partial.
std::expected<Document, ParseError> read_camt(std::span<char> buffer, const std::string& file,
                                              const ReleaseFn& release = {});

}  // namespace kaution::formats
