#include "mapping/json_fields.hpp"

#include <algorithm>

#include "mapping/text.hpp"

namespace kaution {
namespace {

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

// The first problem of `text` as UTF-8 without control characters, or "" when there is none.
std::string text_problem(std::string_view text, std::string& code) {
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    if (!c.valid) {
      code = "INVALID_UTF8";
      return "is not valid UTF-8 (byte " + std::to_string(pos) + ")";
    }
    if (is_control(c.code_point)) {
      code = "CONTROL_CHARACTER";
      return "contains a control character at character " +
             std::to_string(count_chars(text.substr(0, pos)) + 1);
    }
    pos += c.length;
  }
  return {};
}

std::string allowed_list(std::span<const std::string_view> allowed) {
  std::string out;
  for (std::string_view key : allowed) {
    if (!out.empty()) out += ", ";
    out += key;
  }
  return out;
}

}  // namespace

std::string member_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return std::string(parent) + "." + std::string(key);
}

std::string element_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

JsonFields::JsonFields(const nlohmann::json& json, std::string path,
                       std::span<const std::string_view> allowed, std::vector<FieldError>& errors)
    : m_path(std::move(path)), m_errors(errors) {
  if (!json.is_object()) {
    m_errors.push_back({m_path.empty() ? "/" : m_path, "TYPE",
                        std::string("expected an object, got ") + json.type_name()});
    return;
  }
  m_object = &json;
  for (const auto& [key, value] : json.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    m_errors.push_back({member_path(m_path, key), "UNKNOWN_FIELD",
                        "unknown field; allowed: " + allowed_list(allowed)});
  }
}

void JsonFields::error(std::string_view key, std::string code, std::string message) {
  m_errors.push_back({member_path(m_path, key), std::move(code), std::move(message)});
}

const nlohmann::json* JsonFields::present(std::string_view key, Presence presence) {
  if (m_object == nullptr) return nullptr;
  const auto it = m_object->find(key);
  if (it == m_object->end() || it->is_null()) {
    if (presence == Presence::required) error(key, "REQUIRED", "is required");
    return nullptr;
  }
  return &*it;
}

const std::string* JsonFields::string_member(std::string_view key, Presence presence,
                                             std::string_view expected) {
  const nlohmann::json* value = present(key, presence);
  if (value == nullptr) return nullptr;
  if (!value->is_string()) {
    error(key, "TYPE",
          "expected " + std::string(expected) + ", got " + std::string(value->type_name()));
    return nullptr;
  }
  return value->get_ptr<const std::string*>();
}

std::optional<std::string> JsonFields::text(std::string_view key, Presence presence,
                                            TextLimits limits) {
  const std::string* value = string_member(key, presence, "a string");
  if (value == nullptr) return std::nullopt;
  std::string code;
  if (std::string problem = text_problem(*value, code); !problem.empty()) {
    error(key, std::move(code), std::move(problem));
    return std::nullopt;
  }
  const std::size_t chars = count_chars(*value);
  if (chars == 0 && presence == Presence::optional) return std::nullopt;
  if (chars < limits.min_chars) {
    error(key, presence == Presence::required ? "REQUIRED" : "TOO_SHORT",
          "must have at least " + std::to_string(limits.min_chars) + " character(s)");
    return std::nullopt;
  }
  if (chars > limits.max_chars) {
    error(key, "TOO_LONG",
          "has " + std::to_string(chars) + " characters, at most " +
              std::to_string(limits.max_chars) + " are allowed");
    return std::nullopt;
  }
  return *value;
}

std::optional<std::string> JsonFields::country(std::string_view key) {
  std::optional<std::string> value = text(key, Presence::optional);
  if (!value) return std::nullopt;
  const bool letters = value->size() == 2 && std::all_of(value->begin(), value->end(), [](char c) {
                         return c >= 'A' && c <= 'Z';
                       });
  if (!letters) {
    error(key, "INVALID_COUNTRY", "expected an ISO 3166-1 country code like \"DE\"");
    return std::nullopt;
  }
  return value;
}

std::optional<Money> JsonFields::money(std::string_view key, Presence presence, bool positive) {
  const std::string* value = string_member(key, presence, "an amount string like \"1340.00\"");
  if (value == nullptr) return std::nullopt;
  if (value->find(',') != std::string::npos) {
    error(key, "INVALID_AMOUNT", "use the form \"1340.00\": a dot and two decimals");
    return std::nullopt;
  }
  const std::expected<Money, std::string> amount = Money::parse(*value);
  if (!amount) {
    error(key, "INVALID_AMOUNT", amount.error());
    return std::nullopt;
  }
  if (positive && amount->cents() <= 0) {
    error(key, "NOT_POSITIVE", "must be greater than 0.00, got " + amount->to_string());
    return std::nullopt;
  }
  return *amount;
}

std::optional<Date> JsonFields::date(std::string_view key, Presence presence) {
  const std::string* value = string_member(key, presence, "a date string \"YYYY-MM-DD\"");
  if (value == nullptr) return std::nullopt;
  std::expected<Date, std::string> parsed = Date::parse(*value);
  if (!parsed) {
    error(key, "INVALID_DATE", parsed.error());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<Iban> JsonFields::iban(std::string_view key, Presence presence) {
  const std::string* value = string_member(key, presence, "an IBAN string");
  if (value == nullptr) return std::nullopt;
  std::expected<Iban, std::string> parsed = Iban::parse(*value);
  if (!parsed) {
    error(key, "INVALID_IBAN", parsed.error());
    return std::nullopt;
  }
  return *std::move(parsed);
}

std::optional<bool> JsonFields::boolean(std::string_view key) {
  const nlohmann::json* value = present(key, Presence::optional);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    error(key, "TYPE", std::string("expected true or false, got ") + value->type_name());
    return std::nullopt;
  }
  return value->get<bool>();
}

const nlohmann::json* JsonFields::array(std::string_view key, Presence presence) {
  const nlohmann::json* value = present(key, presence);
  if (value == nullptr || value->is_array()) return value;
  error(key, "TYPE", std::string("expected an array, got ") + value->type_name());
  return nullptr;
}

const nlohmann::json* JsonFields::object(std::string_view key, Presence presence) {
  const nlohmann::json* value = present(key, presence);
  if (value == nullptr || value->is_object()) return value;
  error(key, "TYPE", std::string("expected an object, got ") + value->type_name());
  return nullptr;
}

}  // namespace kaution
