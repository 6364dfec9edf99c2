#include "connectors/sandbox/checks.hpp"

#include <fmt/format.h>

#include "core/iban.hpp"
#include "mapping/text.hpp"

namespace kaution::sandbox {

std::optional<Money> parse_wire_amount(std::string_view text) {
  std::string_view digits = text;
  if (digits.starts_with('-')) digits.remove_prefix(1);
  const auto dot = digits.find('.');
  if (dot == std::string_view::npos || dot == 0 || digits.size() - dot != 3) return std::nullopt;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != dot && (digits[i] < '0' || digits[i] > '9')) return std::nullopt;
  }
  const auto money = Money::parse(text);
  if (!money) return std::nullopt;
  return *money;
}

void JsonChecks::add(std::string field, std::string code, std::string message) {
  m_violations.push_back({std::move(field), std::move(code), std::move(message)});
}

const nlohmann::json* JsonChecks::member(const nlohmann::json& object, const char* key,
                                         const std::string& field, bool required) {
  const auto it = object.is_object() ? object.find(key) : object.end();
  if (it == object.end() || it->is_null() ||
      (it->is_string() && it->get_ref<const std::string&>().empty())) {
    if (required) add(field, m_codes.required, field + " is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonChecks::text(const nlohmann::json& object, const char* key,
                                            const std::string& field, std::size_t max_chars,
                                            bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    add(field, m_codes.type, field + " must be a string");
    return std::nullopt;
  }
  const std::string& text = value->get_ref<const std::string&>();
  const std::size_t chars = count_chars(text);
  if (chars > max_chars) {
    add(field, m_codes.too_long,
        fmt::format("{} is longer than {} characters ({})", field, max_chars, chars));
  }
  return text;
}

std::optional<Date> JsonChecks::date(const nlohmann::json& object, const char* key,
                                     const std::string& field, bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    if (auto date = Date::parse(value->get_ref<const std::string&>())) return *date;
  }
  add(field, m_codes.date, field + " is not a date YYYY-MM-DD");
  return std::nullopt;
}

std::optional<Money> JsonChecks::amount(const nlohmann::json& object, const char* key,
                                        const std::string& field, bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    if (auto money = parse_wire_amount(value->get_ref<const std::string&>())) return *money;
  }
  add(field, m_codes.amount, field + " is not an amount like \"1340.00\"");
  return std::nullopt;
}

std::optional<std::string> JsonChecks::iban(const nlohmann::json& object, const char* key,
                                            const std::string& field, bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) {
    if (auto iban = Iban::parse(value->get_ref<const std::string&>())) return iban->str();
  }
  add(field, m_codes.iban, field + " is not a valid IBAN");
  return std::nullopt;
}

const nlohmann::json* JsonChecks::object(const nlohmann::json& object, const char* key,
                                         const std::string& field, bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value != nullptr && !value->is_object()) {
    add(field, m_codes.type, field + " must be an object");
    return nullptr;
  }
  return value;
}

const nlohmann::json* JsonChecks::array(const nlohmann::json& object, const char* key,
                                        const std::string& field, bool required) {
  const nlohmann::json* value = member(object, key, field, required);
  if (value != nullptr && !value->is_array()) {
    add(field, m_codes.type, field + " must be an array");
    return nullptr;
  }
  if (value != nullptr && value->empty() && required) {
    add(field, m_codes.required, field + " must not be empty");
    return nullptr;
  }
  return value;
}

}  // namespace kaution::sandbox
