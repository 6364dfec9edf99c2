#pragma once
// Byte-level helpers for statement files: UTF-8 validation, conversion to UTF-8, the XML
// declaration's encoding, and line numbers for error messages.

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace kaution::formats {

// Offset of the first byte that is not part of a valid UTF-8 sequence, or npos.
std::size_t invalid_utf8_at(std::string_view text);

// ISO-8859-1 bytes as UTF-8 (every byte is one code point).
std::string latin1_to_utf8(std::string_view text);

// windows-1252 bytes as UTF-8: 0x80–0x9F are its printable characters (€, „, “, …); the five
// bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls
// ISO-8859-1 gives them, so that any byte string converts.
std::string windows1252_to_utf8(std::string_view text);

// `text` in the encoding named `encoding` (an XML/IANA name, any case) as UTF-8, converted by
// iconv (glibc): ISO-8859-15, UTF-16, IBM850, …. The error says the encoding is unknown or
// names the offset of the first byte that is invalid in it.
std::expected<std::string, std::string> to_utf8(std::string_view text, const std::string& encoding);

// The encoding named in an XML declaration at the start of `text`, lower-cased; empty when
// there is no declaration or it names none.
std::string declared_xml_encoding(std::string_view text);

// 1-based line of byte `offset` in `text` (clamped to its size).
std::size_t line_at(std::string_view text, std::size_t offset);

}  // namespace kaution::formats
