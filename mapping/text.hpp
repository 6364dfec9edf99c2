#pragma once
// Text for bank records: UTF-8 decoding, length limits counted in characters (code points), and
// transliteration to the DK character set of the km profile (mapping/README.md).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kaution {

struct DecodedChar {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed; 1 for an invalid byte
  bool valid = false;      // false: not a well-formed sequence (overlong, surrogate, truncated …)
};

// Decodes the sequence starting at `pos` (< text.size()).
DecodedChar decode_utf8(std::string_view text, std::size_t pos);
void append_utf8(std::string& out, char32_t code_point);
bool is_valid_utf8(std::string_view text);

// Code points in `utf8`; each invalid byte counts as one.
std::size_t count_chars(std::string_view utf8);

// The first `max_chars` code points of `utf8`: never cuts inside a UTF-8 sequence.
std::string truncate_chars(std::string_view utf8, std::size_t max_chars);

// True for the characters km accepts: A-Z a-z 0-9 space / - ? : ( ) . , ' + Ä Ö Ü ä ö ü ß.
bool is_dk_char(char32_t c);

inline constexpr char k_dk_replacement = '?';

struct DkText {
  std::string text;                   // DK characters only
  bool changed = false;               // anything was transliterated or replaced
  std::vector<std::string> unmapped;  // characters without a transliteration, each now '?'
};

// Keeps DK characters, transliterates the others (é→e, ł→l, æ→ae, „→' …, u+U+0308→ü) and
// replaces what has no transliteration (or is not valid UTF-8) by '?', listing it in `unmapped`.
DkText to_dk_charset(std::string_view utf8);

}  // namespace kaution
