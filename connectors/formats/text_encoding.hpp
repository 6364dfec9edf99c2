#pragma once
// Byte-level helpers for statement files: UTF-8 validation, ISO-8859-1 conversion, the XML
// declaration's encoding, and line numbers for error messages.

#include <cstddef>
#include <string>
#include <string_view>

namespace kaution::formats {

// Offset of the first byte that is not part of a valid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view text);

// ISO-8859-1 bytes as UTF-8 (every byte is one code point).
std::string latin1_to_utf8(std::string_view text);

// The encoding named in an XML declaration at the start of `text`, lower-cased; empty when
// there is no declaration or it names none.
std::string declared_xml_encoding(std::string_view text);

// 1-based line of byte `offset` in `text` (clamped to its size).
std::size_t line_at(std::string_view text, std::size_t offset);

}  // namespace kaution::formats
