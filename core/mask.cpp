#include "core/mask.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace kaution {
namespace {

constexpr std::array<std::string_view, 10> k_personal_keys{
    "name",         "first_name", "last_name",         "holder",    "account_holder", "tenant",
    "counterparty", "payer",      "counterparty_name", "remittance"};

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The length of an IBAN-shaped token at `at` (0 if none): [A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}.
std::size_t iban_length(std::string_view text, std::size_t at) {
  if (at > 0 && is_alnum(text[at - 1])) return 0;
  if (at + 15 > text.size() || !is_upper(text[at]) || !is_upper(text[at + 1]) ||
      !is_digit(text[at + 2]) || !is_digit(text[at + 3]))
    return 0;
  std::size_t end = at + 4;
  while (end < text.size() && (is_upper(text[end]) || is_digit(text[end])))
    ++end;
  const std::size_t length = end - at;
  if (length < 15 || length > 34 || (end < text.size() && is_alnum(text[end]))) return 0;
  return length;
}

std::string mask_ibans(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (const std::size_t n = iban_length(text, at); n > 0) {
      out.append(text.substr(at, 4));
      out.append(n - 8, '*');
      out.append(text.substr(at + n - 4, 4));
      at += n;
    } else {
      out += text[at++];
    }
  }
  return out;
}

bool personal_key(std::string_view key) {
  return std::find(k_personal_keys.begin(), k_personal_keys.end(), key) != k_personal_keys.end();
}

// Where the value starting at `at` ends: a closing quote for a quoted value (one followed by a
// space or the end), else the next space.
std::size_t value_end(std::string_view text, std::size_t at) {
  if (at < text.size() && text[at] == '"') {
    for (std::size_t i = at + 1; i < text.size(); ++i)
      if (text[i] == '"' && (i + 1 == text.size() || text[i + 1] == ' ')) return i + 1;
    return text.size();
  }
  const std::size_t space = text.find(' ', at);
  return space == std::string_view::npos ? text.size() : space;
}

std::string mask_fields(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t equals = text.find('=', at);
    if (equals == std::string_view::npos) break;
    std::size_t key_start = equals;
    while (key_start > at && (is_alnum(text[key_start - 1]) || text[key_start - 1] == '_'))
      --key_start;
    const std::size_t end = value_end(text, equals + 1);
    out.append(text.substr(at, equals + 1 - at));
    std::string_view value = text.substr(equals + 1, end - equals - 1);
    if (!personal_key(text.substr(key_start, equals - key_start)) || value.empty() ||
        value == "\"\"") {
      out.append(value);
    } else {
      const bool quoted = value.size() >= 2 && value.front() == '"';
      std::string_view inner = quoted ? value.substr(1, value.size() - 2) : value;
      std::size_t first = inner.empty() ? 0 : 1;  // one UTF-8 character, never half of one
      while (first < inner.size() && (static_cast<unsigned char>(inner[first]) & 0xC0) == 0x80)
        ++first;
      std::string masked = std::string(inner.substr(0, first)) + "***";
      out.append(quoted ? "\"" + masked + "\"" : masked);
    }
    at = end;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

}  // namespace

std::string mask_personal(std::string_view text) {
  return mask_fields(mask_ibans(text));
}

}  // namespace kaution
