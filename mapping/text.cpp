#include "mapping/text.hpp"

#include "mapping/dk_table.hpp"

namespace kaution {
namespace {

unsigned byte_at(std::string_view text, std::size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

bool is_continuation(unsigned byte) {
  return (byte & 0xC0U) == 0x80U;
}

// Length and payload bits of a lead byte; length 0 for a byte that cannot start a sequence.
std::size_t sequence_length(unsigned lead, char32_t& bits) {
  if (lead < 0x80U) {
    bits = lead;
    return 1;
  }
  if ((lead & 0xE0U) == 0xC0U) {
    bits = lead & 0x1FU;
    return 2;
  }
  if ((lead & 0xF0U) == 0xE0U) {
    bits = lead & 0x0FU;
    return 3;
  }
  if ((lead & 0xF8U) == 0xF0U) {
    bits = lead & 0x07U;
    return 4;
  }
  return 0;
}

bool well_formed(char32_t cp, std::size_t length) {
  constexpr char32_t k_min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min_for_length[length]) return false;  // overlong
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;   // surrogate
  return cp <= 0x10FFFF;
}

std::string hex_byte(char c) {
  constexpr std::string_view k_digits = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(c);
  return {k_digits[b >> 4U], k_digits[b & 0x0FU]};
}

bool is_combining_mark(char32_t c) {
  return c >= 0x0300 && c <= 0x036F;
}

// a/o/u followed by a combining diaeresis (decomposed form) is the DK umlaut.
std::string_view composed_umlaut(char32_t base) {
  switch (base) {
    case U'a':
      return "ä";
    case U'o':
      return "ö";
    case U'u':
      return "ü";
    case U'A':
      return "Ä";
    case U'O':
      return "Ö";
    case U'U':
      return "Ü";
    default:
      return {};
  }
}

}  // namespace

DecodedChar decode_utf8(std::string_view text, std::size_t pos) {
  char32_t cp = 0;
  const std::size_t length = sequence_length(byte_at(text, pos), cp);
  if (length == 0 || pos + length > text.size()) return {byte_at(text, pos), 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned byte = byte_at(text, pos + i);
    if (!is_continuation(byte)) return {byte_at(text, pos), 1, false};
    cp = (cp << 6) | (byte & 0x3FU);
  }
  if (!well_formed(cp, length)) return {byte_at(text, pos), 1, false};
  return {cp, length, true};
}

void append_utf8(std::string& out, char32_t cp) {
  const auto put = [&](char32_t bits) { out.push_back(static_cast<char>(bits)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    if (!c.valid) return false;
    pos += c.length;
  }
  return true;
}

std::size_t count_chars(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < utf8.size(); ++count)
    pos += decode_utf8(utf8, pos).length;
  return count;
}

std::string truncate_chars(std::string_view utf8, std::size_t max_chars) {
  std::size_t pos = 0;
  for (std::size_t count = 0; pos < utf8.size() && count < max_chars; ++count)
    pos += decode_utf8(utf8, pos).length;
  return std::string(utf8.substr(0, pos));
}

bool is_dk_char(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9')) return true;
  switch (c) {
    case U' ':
    case U'/':
    case U'-':
    case U'?':
    case U':':
    case U'(':
    case U')':
    case U'.':
    case U',':
    case U'\'':
    case U'+':
    case U'Ä':
    case U'Ö':
    case U'Ü':
    case U'ä':
    case U'ö':
    case U'ü':
    case U'ß':
      return true;
    default:
      return false;
  }
}

DkText to_dk_charset(std::string_view utf8) {
  DkText out;
  out.text.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const DecodedChar c = decode_utf8(utf8, pos);
    const std::string_view raw = utf8.substr(pos, c.length);
    pos += c.length;
    if (c.valid && is_dk_char(c.code_point)) {
      const std::string_view umlaut = composed_umlaut(c.code_point);
      if (!umlaut.empty() && pos + 1 < utf8.size() && utf8.substr(pos, 2) == "\xCC\x88") {
        out.text += umlaut;  // U+0308 COMBINING DIAERESIS
        out.changed = true;
        pos += 2;
        continue;
      }
      out.text += raw;
      continue;
    }
    out.changed = true;
    if (c.valid && is_combining_mark(c.code_point)) continue;  // the diacritic of the letter before
    const std::optional<std::string_view> replacement =
        c.valid ? dk_transliteration(c.code_point) : std::nullopt;
    if (replacement) {
      out.text += *replacement;
    } else {
      out.text += k_dk_replacement;
      out.unmapped.emplace_back(c.valid ? std::string(raw) : "\\x" + hex_byte(raw.front()));
    }
  }
  return out;
}

}  // namespace kaution
