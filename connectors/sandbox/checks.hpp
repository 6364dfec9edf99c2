#pragma once
// Field checks of the JSON profiles (aak, dkb) against the limits of their specs: required
// members, lengths in characters, dates, IBANs, decimal amounts. Every violation is collected,
// named by its path ("tenants[0].lastName") and the profile's code for it.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution::sandbox {

struct Violation {
  std::string field;
  std::string code;
  std::string message;
};

// A profile's codes for each kind of finding.
struct CodeBook {
  const char* required;
  const char* too_long;
  const char* iban;
  const char* date;
  const char* amount;
  const char* type;
};
inline constexpr CodeBook k_aak_codes{"REQUIRED",     "TOO_LONG",       "INVALID_IBAN",
                                      "INVALID_DATE", "INVALID_AMOUNT", "INVALID_TYPE"};
inline constexpr CodeBook k_dkb_codes{"REQUIRED",     "LENGTH",         "INVALID_IBAN",
                                      "INVALID_DATE", "INVALID_AMOUNT", "INVALID_TYPE"};

// A wire amount: optional '-', digits, '.', exactly two digits. Nothing else.
std::optional<Money> parse_wire_amount(std::string_view text);

class JsonChecks {
 public:
  explicit JsonChecks(const CodeBook& codes) : m_codes(codes) {}

  // A string member of at most `max_chars` characters; absent or null is nullopt (and a
  // violation when `required`); an empty string counts as absent.
  std::optional<std::string> text(const nlohmann::json& object, const char* key,
                                  const std::string& field, std::size_t max_chars, bool required);
  std::optional<Date> date(const nlohmann::json& object, const char* key, const std::string& field,
                           bool required);
  std::optional<Money> amount(const nlohmann::json& object, const char* key,
                              const std::string& field, bool required);
  // A valid IBAN, returned compact and upper case.
  std::optional<std::string> iban(const nlohmann::json& object, const char* key,
                                  const std::string& field, bool required);
  // An object (or array) member; nullptr when absent, null or of another type.
  const nlohmann::json* object(const nlohmann::json& object, const char* key,
                               const std::string& field, bool required);
  const nlohmann::json* array(const nlohmann::json& object, const char* key,
                              const std::string& field, bool required);

  void add(std::string field, std::string code, std::string message);
  const CodeBook& codes() const { return m_codes; }
  const std::vector<Violation>& violations() const { return m_violations; }
  bool ok() const { return m_violations.empty(); }

 private:
  const nlohmann::json* member(const nlohmann::json& object, const char* key,
                               const std::string& field, bool required);

  const CodeBook& m_codes;
  std::vector<Violation> m_violations;
};

}  // namespace kaution::sandbox
