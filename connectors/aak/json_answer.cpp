#include "connectors/aak/json_answer.hpp"

namespace kaution::connectors {
namespace {

bool is_decimal_text(std::string_view text) {
  const std::size_t dot = text.find('.');
  const auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (dot == std::string_view::npos) return digits(text);
  return digits(text.substr(0, dot)) && digits(text.substr(dot + 1));
}

}  // namespace

std::string JsonPart::path_of(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void JsonPart::fail(std::string_view key, std::string_view reason) const {
  const std::string where = key.empty() ? m_path : path_of(key);
  throw BadAnswer((where.empty() ? "" : where + ": ") + std::string(reason));
}

bool JsonPart::has(std::string_view key) const {
  if (!m_value->is_object()) return false;
  const auto it = m_value->find(key);
  return it != m_value->end() && !it->is_null();
}

const nlohmann::json& JsonPart::member(std::string_view key) const {
  if (!m_value->is_object()) fail("", "not an object");
  const auto it = m_value->find(key);
  if (it == m_value->end() || it->is_null()) fail(key, "missing");
  return *it;
}

JsonPart JsonPart::object(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_object()) fail(key, "not an object");
  return JsonPart(value, path_of(key));
}

std::vector<JsonPart> JsonPart::objects(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_array()) fail(key, "not an array");
  std::vector<JsonPart> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    JsonPart item(value[i], path_of(key) + "[" + std::to_string(i) + "]");
    if (!value[i].is_object()) item.fail("", "not an object");
    out.push_back(std::move(item));
  }
  return out;
}

std::string JsonPart::text(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_string()) fail(key, "not a string");
  std::string out = value.get<std::string>();
  if (out.empty()) fail(key, "empty");
  return out;
}

std::optional<std::string> JsonPart::optional_text(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  const nlohmann::json& value = member(key);
  if (!value.is_string()) fail(key, "not a string");
  return value.get<std::string>();
}

Money JsonPart::money(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_string()) fail(key, "not a decimal string");
  auto parsed = Money::parse(value.get_ref<const std::string&>());
  if (!parsed) fail(key, "not an amount: " + parsed.error());
  return *parsed;
}

Date JsonPart::date(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_string()) fail(key, "not a date string");
  auto parsed = Date::parse(value.get_ref<const std::string&>());
  if (!parsed) fail(key, "not a date: " + parsed.error());
  return *parsed;
}

std::int64_t JsonPart::integer(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_number_integer()) fail(key, "not an integer");
  return value.get<std::int64_t>();
}

std::string JsonPart::decimal_text(std::string_view key) const {
  const nlohmann::json& value = member(key);
  if (!value.is_string() || !is_decimal_text(value.get_ref<const std::string&>()))
    fail(key, "not a decimal string");
  return value.get<std::string>();
}

}  // namespace kaution::connectors
