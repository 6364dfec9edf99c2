#pragma once
// WireText: prepares the texts of one bank record — DK-transliterated where the profile's
// character set needs it, then shortened to the profile's limit in characters — and notes every
// change with the deposit's field path, so that the daemon can log what was sent differently.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"

namespace kaution {

// domain.md: what is sent to a bank is shortened to 35 characters for names (object label,
// account holder, first/last/company name) and 60 for an address line.
inline constexpr std::size_t k_wire_name_max_chars = 35;
inline constexpr std::size_t k_wire_address_max_chars = 60;
inline constexpr std::size_t k_no_limit = 0;

// Codes of the notes. `k_note_replaced` (a character without transliteration became '?') is a
// warning; the others are information.
inline constexpr std::string_view k_note_shortened = "SHORTENED";
inline constexpr std::string_view k_note_transliterated = "TRANSLITERATED";
inline constexpr std::string_view k_note_replaced = "REPLACED";
inline constexpr std::string_view k_note_not_sent = "NOT_SENT";

class WireText {
 public:
  // `profile` names the bank in the notes; `dk_charset` turns transliteration on.
  WireText(std::string_view profile, bool dk_charset, std::vector<FieldError>& notes)
      : m_profile(profile), m_dk_charset(dk_charset), m_notes(notes) {}

  // `value` as sent in `wire_field` of the record; `field` is its path in the Deposit.
  // `max_chars` k_no_limit: no length limit.
  std::string text(std::string_view value, const std::string& field, std::string_view wire_field,
                   std::size_t max_chars = k_no_limit);
  std::optional<std::string> optional_text(const std::optional<std::string>& value,
                                           const std::string& field, std::string_view wire_field,
                                           std::size_t max_chars = k_no_limit);
  void not_sent(const std::string& field, std::string_view why);

 private:
  void note(const std::string& field, std::string_view code, std::string message);

  std::string m_profile;
  bool m_dk_charset;
  std::vector<FieldError>& m_notes;
};

}  // namespace kaution
