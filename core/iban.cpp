#include "core/iban.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kaution {
namespace {

// The SWIFT IBAN registry: country code and total length.
constexpr std::array<std::pair<std::string_view, int>, 89> k_lengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
    {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
    {"EH", 0},
}};

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string shown(std::string_view text) {
  return "\"" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...\"" : "\"");
}

int mod97(std::string_view rearranged) {
  int rest = 0;
  for (char c : rearranged) {
    const int v = is_digit(c) ? c - '0' : c - 'A' + 10;
    rest = (v >= 10) ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
  }
  return rest;
}

}  // namespace

int iban_length_for_country(std::string_view country) {
  const auto it = std::find_if(k_lengths.begin(), k_lengths.end(),
                               [&](const auto& entry) { return entry.first == country; });
  return it == k_lengths.end() ? 0 : it->second;
}

std::expected<Iban, std::string> Iban::parse(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ') continue;
    compact += to_upper(c);
  }
  const auto bad = [&](const std::string& why) {
    return std::unexpected("invalid IBAN " + shown(text) + ": " + why);
  };
  if (compact.size() < 5) return bad("too short");
  if (!is_upper(compact[0]) || !is_upper(compact[1])) return bad("must start with a country code");
  if (!is_digit(compact[2]) || !is_digit(compact[3])) return bad("check digits must be digits");
  for (char c : compact)
    if (!is_upper(c) && !is_digit(c)) return bad("only letters and digits are allowed");
  const int expected_length = iban_length_for_country(std::string_view(compact).substr(0, 2));
  if (expected_length == 0) return bad("unknown IBAN country " + compact.substr(0, 2));
  if (static_cast<int>(compact.size()) != expected_length)
    return bad("a " + compact.substr(0, 2) + " IBAN has " + std::to_string(expected_length) +
               " characters, not " + std::to_string(compact.size()));
  if (mod97(compact.substr(4) + compact.substr(0, 4)) != 1) return bad("check digits do not match");
  return Iban(std::move(compact));
}

std::expected<Bic, std::string> Bic::parse(std::string_view text) {
  std::string compact;
  for (char c : text)
    compact += to_upper(c);
  const auto bad = [&](const std::string& why) {
    return std::unexpected("invalid BIC " + shown(text) + ": " + why);
  };
  if (compact.size() != 8 && compact.size() != 11) return bad("must have 8 or 11 characters");
  for (std::size_t i = 0; i < 6; ++i)
    if (!is_upper(compact[i])) return bad("bank and country code must be letters");
  for (std::size_t i = 6; i < compact.size(); ++i)
    if (!is_upper(compact[i]) && !is_digit(compact[i]))
      return bad("location and branch must be letters or digits");
  return Bic(std::move(compact));
}

}  // namespace kaution
