#include "connectors/formats/text_encoding.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kaution::formats {
namespace {

unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

bool is_continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (byte_at(text, i) & 0xC0U) == 0x80U;
}

// Length of the valid sequence starting at `i`, or 0.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const unsigned c = byte_at(text, i);
  if (c < 0x80U) return 1;
  if (c >= 0xC2U && c <= 0xDFU) return is_continuation(text, i + 1) ? 2 : 0;
  if (c >= 0xE0U && c <= 0xEFU) {
    if (!is_continuation(text, i + 1) || !is_continuation(text, i + 2)) return 0;
    const unsigned c1 = byte_at(text, i + 1);
    if ((c == 0xE0U && c1 < 0xA0U) || (c == 0xEDU && c1 >= 0xA0U)) return 0;
    return 3;
  }
  if (c >= 0xF0U && c <= 0xF4U) {
    if (!is_continuation(text, i + 1) || !is_continuation(text, i + 2) ||
        !is_continuation(text, i + 3))
      return 0;
    const unsigned c1 = byte_at(text, i + 1);
    if ((c == 0xF0U && c1 < 0x90U) || (c == 0xF4U && c1 >= 0x90U)) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t len = sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80U) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0U | (c >> 6U));
      out += static_cast<char>(0x80U | (c & 0x3FU));
    }
  }
  return out;
}

std::string declared_xml_encoding(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!text.starts_with("<?xml")) return {};
  const std::size_t end = text.find("?>");
  const std::string_view decl = text.substr(0, end);
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return {};
  std::size_t i = decl.find_first_of("\"'", key);
  if (i == std::string_view::npos) return {};
  const char quote = decl[i];
  const std::size_t close = decl.find(quote, i + 1);
  if (close == std::string_view::npos) return {};
  std::string value(decl.substr(i + 1, close - i - 1));
  std::transform(value.begin(), value.end(), value.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return value;
}

std::size_t line_at(std::string_view text, std::size_t offset) {
  const std::string_view head = text.substr(0, std::min(offset, text.size()));
  return 1 + static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
}

}  // namespace kaution::formats
