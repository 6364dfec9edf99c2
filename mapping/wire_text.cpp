#include "mapping/wire_text.hpp"

#include "mapping/text.hpp"

namespace kaution {

void WireText::note(const std::string& field, std::string_view code, std::string message) {
  m_notes.push_back({field, std::string(code), std::move(message)});
}

void WireText::not_sent(const std::string& field, std::string_view why) {
  note(field, k_note_not_sent, "not sent to " + m_profile + ": " + std::string(why));
}

std::string WireText::text(std::string_view value, const std::string& field,
                           std::string_view wire_field, std::size_t max_chars) {
  const std::string wire = m_profile + " " + std::string(wire_field);
  std::string out(value);
  if (m_dk_charset) {
    DkText dk = to_dk_charset(value);
    if (!dk.unmapped.empty()) {
      std::string chars;
      for (const std::string& c : dk.unmapped)
        chars += (chars.empty() ? "" : " ") + c;
      note(field, k_note_replaced, wire + ": no DK transliteration for " + chars + ", sent as '?'");
    } else if (dk.changed) {
      note(field, k_note_transliterated, wire + ": transliterated to the DK character set");
    }
    out = std::move(dk.text);
  }
  const std::size_t chars = count_chars(out);
  if (max_chars != k_no_limit && chars > max_chars) {
    out = truncate_chars(out, max_chars);
    note(field, k_note_shortened,
         wire + ": shortened from " + std::to_string(chars) + " to " + std::to_string(max_chars) +
             " characters");
  }
  return out;
}

std::optional<std::string> WireText::optional_text(const std::optional<std::string>& value,
                                                   const std::string& field,
                                                   std::string_view wire_field,
                                                   std::size_t max_chars) {
  if (!value) return std::nullopt;
  return text(*value, field, wire_field, max_chars);
}

}  // namespace kaution
