#include "connectors/formats/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
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

std::string windows1252_to_utf8(std::string_view text) {
  // U+20AC € … U+0178 Ÿ for 0x80–0x9F; 0 where windows-1252 has no character.
  static constexpr std::array<std::uint16_t, 32> k_high = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    unsigned code = c;
    if (c >= 0x80U && c <= 0x9FU && k_high[c - 0x80U] != 0) code = k_high[c - 0x80U];
    if (code < 0x80U) {
      out += ch;
    } else if (code < 0x800U) {
      out += static_cast<char>(0xC0U | (code >> 6U));
      out += static_cast<char>(0x80U | (code & 0x3FU));
    } else {
      out += static_cast<char>(0xE0U | (code >> 12U));
      out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
      out += static_cast<char>(0x80U | (code & 0x3FU));
    }
  }
  return out;
}

std::expected<std::string, std::string> to_utf8(std::string_view text,
                                                const std::string& encoding) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1))
    return std::unexpected("unknown encoding \"" + encoding.substr(0, 40) + "\"");
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());  // iconv's signature; the input is not written
  std::size_t in_left = text.size();
  std::size_t done = 0;
  std::string error;
  while (in_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    const std::size_t rc = iconv(cd, &in, &in_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    error = "byte " + std::to_string(text.size() - in_left) + " is not valid " + encoding;
    break;
  }
  iconv_close(cd);
  if (!error.empty()) return std::unexpected(std::move(error));
  out.resize(done);
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
