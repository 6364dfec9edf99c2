#pragma once
// JsonFields: reads the members of one JSON object, collecting every problem as a FieldError
// with its path ("parties[0].address.city"). Internal to deposit_parse.cpp.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/iban.hpp"
#include "core/money.hpp"

namespace kaution {

enum class Presence { optional, required };

struct TextLimits {
  std::size_t min_chars = 1;
  std::size_t max_chars = 255;
};

std::string member_path(std::string_view parent, std::string_view key);
std::string element_path(std::string_view parent, std::size_t index);

class JsonFields {
 public:
  // Reports `json` not being an object, and every member not in `allowed`. valid() is false
  // when `json` is not an object; every reader then returns nullopt.
  JsonFields(const nlohmann::json& json, std::string path,
             std::span<const std::string_view> allowed, std::vector<FieldError>& errors);

  bool valid() const { return m_object != nullptr; }
  const std::string& path() const { return m_path; }

  // Text without control characters, valid UTF-8, within the limits; "" counts as absent for
  // an optional field.
  std::optional<std::string> text(std::string_view key, Presence presence, TextLimits limits = {});
  // Two upper-case letters (ISO 3166-1 alpha-2).
  std::optional<std::string> country(std::string_view key);
  // A string Money::parse accepts, without the German decimal comma; > 0 when `positive`.
  std::optional<Money> money(std::string_view key, Presence presence, bool positive);
  std::optional<Date> date(std::string_view key, Presence presence);
  std::optional<Iban> iban(std::string_view key, Presence presence);
  std::optional<bool> boolean(std::string_view key);
  // The member when it is an array / an object; null or absent gives nullptr (an error when
  // required), another type gives nullptr and an error.
  const nlohmann::json* array(std::string_view key, Presence presence);
  const nlohmann::json* object(std::string_view key, Presence presence);

  void error(std::string_view key, std::string code, std::string message);

 private:
  // The member's value unless absent or null (then an error when required).
  const nlohmann::json* present(std::string_view key, Presence presence);
  // The member when it is a string; otherwise nullptr and, for another type, an error.
  const std::string* string_member(std::string_view key, Presence presence,
                                   std::string_view expected);

  const nlohmann::json* m_object = nullptr;
  std::string m_path;
  std::vector<FieldError>& m_errors;
};

}  // namespace kaution
