#pragma once
// Iban and Bic: validated bank identifiers, kept in their compact upper-case form.

#include <expected>
#include <string>
#include <string_view>

namespace kaution {

class Iban {
 public:
  // Accepts upper or lower case and spaces ("DE14 5501 0400 …"); checks the country's length
  // (ISO 13616 registry) and the mod-97 check digits. The error names the text and the reason.
  static std::expected<Iban, std::string> parse(std::string_view text);
  const std::string& str() const { return m_value; }
  std::string_view country() const { return std::string_view(m_value).substr(0, 2); }
  bool operator==(const Iban&) const = default;

 private:
  explicit Iban(std::string value) : m_value(std::move(value)) {}
  std::string m_value;
};

class Bic {
 public:
  // 8 or 11 characters: 4 letters (bank), 2 letters (country), 2 letters/digits (location),
  // optionally 3 letters/digits (branch).
  static std::expected<Bic, std::string> parse(std::string_view text);
  const std::string& str() const { return m_value; }
  bool operator==(const Bic&) const = default;

 private:
  explicit Bic(std::string value) : m_value(std::move(value)) {}
  std::string m_value;
};

// Expected IBAN length for an ISO country code, or 0 when the country has no IBAN.
int iban_length_for_country(std::string_view country);

}  // namespace kaution
