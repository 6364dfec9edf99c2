#pragma once
// camt.052 / .053 / .054 (every version; namespace read from the document, elements matched
// by local name, so prefixed documents parse too). ISO-8859-1 documents are converted to
// UTF-8 first. Entries are parsed one at a time (camt_scanner.hpp) to bound memory.

#include <expected>
#include <functional>
#include <span>
#include <string>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

// Told, while parsing, that the bytes before `offset` are no longer needed (the caller may
// drop them, e.g. madvise a mapped file); they may still be read again for an error's line.
using ReleaseFn = std::function<void(std::size_t offset)>;

// Parses the document in `buffer`, which is modified in place (an ISO-8859-1 document is first
// converted into a copy). Either the whole document or an error naming line, element path and
// reason; nothing partial.
std::expected<Document, ParseError> read_camt(std::span<char> buffer, const std::string& file,
                                              const ReleaseFn& release = {});

}  // namespace kaution::formats
