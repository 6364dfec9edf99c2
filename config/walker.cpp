#include "config/walker.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

#include "config/formats.hpp"

namespace kaution::config_detail {
namespace {

std::string join(std::span<const std::string_view> names, std::string_view quote) {
  std::string result;
  for (std::string_view name : names) {
    if (!result.empty()) result += ", ";
    result += quote;
    result += name;
    result += quote;
  }
  return result;
}

std::string key_names(const KeyTable& table) {
  std::string result;
  for (const KeySpec& spec : table.keys) {
    if (!result.empty()) result += ", ";
    result += spec.name;
  }
  return result;
}

std::string expected_phrase(const KeySpec& spec) {
  std::string phrase;
  switch (spec.type) {
    case ValueType::boolean:
      phrase = "a boolean";
      break;
    case ValueType::integer:
      phrase = "an integer";
      break;
    case ValueType::string:
    case ValueType::path:
      phrase = "a string";
      break;
    case ValueType::enumeration:
      phrase = "one of " + join(spec.choices, "\"");
      break;
    case ValueType::secret:
      phrase = "a secret (a string or an object with one of " + key_names(*spec.table) + ")";
      break;
    case ValueType::object:
      phrase = "an object";
      break;
    case ValueType::object_array:
    case ValueType::string_array:
      phrase = "an array";
      break;
  }
  if (spec.default_json == "null") phrase += " or null";
  return phrase;
}

std::string range_phrase(std::int64_t min, std::int64_t max) {
  if (max == k_unbounded) return "at least " + std::to_string(min);
  return "between " + std::to_string(min) + " and " + std::to_string(max);
}

class Walker {
 public:
  explicit Walker(ErrorList& errors) : m_errors(errors) {}

  Json object(const Json& input, const KeyTable& table, const std::string& pointer) {
    Json result = Json::object();
    for (const auto& item : input.items()) {
      const std::string p = child_pointer(pointer, item.key());
      const KeySpec* spec = find_key(table, item.key());
      if (spec == nullptr) {
        m_errors.add(p, "unknown key (allowed: " + key_names(table) + ")");
      } else if (auto checked = value(item.value(), *spec, p)) {
        result[item.key()] = std::move(*checked);
      }
    }
    for (const KeySpec& spec : table.keys) {
      const std::string name(spec.name);
      if (input.contains(name)) continue;
      if (auto fallback = default_value(spec, child_pointer(pointer, name))) {
        result[name] = std::move(*fallback);
      }
    }
    return result;
  }

 private:
  std::optional<Json> default_value(const KeySpec& spec, const std::string& pointer) {
    if (spec.default_json == k_required) {
      m_errors.add(pointer, "required");
      return std::nullopt;
    }
    Json fallback = Json::parse(spec.default_json);
    if (fallback.is_object() && spec.table != nullptr) {
      return object(fallback, *spec.table, pointer);
    }
    return fallback;
  }

  std::optional<Json> value(const Json& input, const KeySpec& spec, const std::string& pointer) {
    if (input.is_null() && spec.default_json == "null") return input;
    switch (spec.type) {
      case ValueType::boolean:
        if (input.is_boolean()) return input;
        return type_error(input, spec, pointer);
      case ValueType::integer:
        return integer(input, spec, pointer);
      case ValueType::string:
      case ValueType::path:
        return text(input, spec, pointer);
      case ValueType::enumeration:
        return enumeration(input, spec, pointer);
      case ValueType::secret:
        if (input.is_string()) return text(input, spec, pointer);
        if (input.is_object()) return nested(input, spec, pointer);
        return type_error(input, spec, pointer);
      case ValueType::object:
        return nested(input, spec, pointer);
      case ValueType::object_array:
      case ValueType::string_array:
        return array(input, spec, pointer);
    }
    return std::nullopt;
  }

  std::nullopt_t type_error(const Json& input, const KeySpec& spec, const std::string& pointer) {
    m_errors.add(pointer, "expected " + expected_phrase(spec) + ", got " + type_phrase(input));
    return std::nullopt;
  }

  std::optional<Json> integer(const Json& input, const KeySpec& spec, const std::string& pointer) {
    std::optional<std::int64_t> number;
    if (input.is_number_integer() && input.is_number_unsigned()) {
      const auto u = input.get<std::uint64_t>();
      if (std::in_range<std::int64_t>(u)) number = static_cast<std::int64_t>(u);
    } else if (input.is_number_integer()) {
      number = input.get<std::int64_t>();
    } else {
      return type_error(input, spec, pointer);
    }
    if (!number || *number < spec.min || *number > spec.max) {
      m_errors.add(pointer,
                   "must be " + range_phrase(spec.min, spec.max) + ", got " + input.dump());
      return std::nullopt;
    }
    return Json(*number);
  }

  std::optional<Json> text(const Json& input, const KeySpec& spec, const std::string& pointer) {
    if (!input.is_string()) return type_error(input, spec, pointer);
    if (auto problem = check_format(spec.format, input.get_ref<const std::string&>())) {
      m_errors.add(pointer, std::move(*problem));
      return std::nullopt;
    }
    return input;
  }

  std::optional<Json> enumeration(const Json& input, const KeySpec& spec,
                                  const std::string& pointer) {
    if (!input.is_string()) return type_error(input, spec, pointer);
    const auto& text = input.get_ref<const std::string&>();
    if (std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end()) {
      m_errors.add(pointer,
                   "expected one of " + join(spec.choices, "\"") + ", got " + quote_value(text));
      return std::nullopt;
    }
    return input;
  }

  std::optional<Json> nested(const Json& input, const KeySpec& spec, const std::string& pointer) {
    if (!input.is_object()) return type_error(input, spec, pointer);
    Json result = object(input, *spec.table, pointer);
    if (spec.table->exactly_one && !exactly_one_given(input, *spec.table, pointer)) {
      return std::nullopt;
    }
    return result;
  }

  bool exactly_one_given(const Json& input, const KeyTable& table, const std::string& pointer) {
    const auto given = std::count_if(table.keys.begin(), table.keys.end(), [&](const KeySpec& k) {
      const auto it = input.find(std::string(k.name));
      return it != input.end() && !it->is_null();
    });
    if (given == 1) return true;
    m_errors.add(pointer, "expected exactly one of " + key_names(table));
    return false;
  }

  std::optional<Json> array(const Json& input, const KeySpec& spec, const std::string& pointer) {
    if (!input.is_array()) return type_error(input, spec, pointer);
    const auto size = static_cast<std::int64_t>(input.size());
    if (size < spec.min) {
      m_errors.add(pointer, "expected at least " + std::to_string(spec.min) +
                                (spec.min == 1 ? " entry" : " entries") + ", got " +
                                std::to_string(size));
    } else if (size > spec.max) {
      m_errors.add(pointer, "expected at most " + std::to_string(spec.max) + " entries, got " +
                                std::to_string(size));
    }
    Json result = Json::array();
    for (std::size_t i = 0; i < input.size(); ++i) {
      const std::string p = child_pointer(pointer, i);
      result.push_back(element(input[i], spec, p).value_or(Json()));
    }
    return result;
  }

  std::optional<Json> element(const Json& input, const KeySpec& spec, const std::string& pointer) {
    if (spec.type == ValueType::string_array) {
      if (!input.is_string()) return element_error(input, "a string", pointer);
      return text(input, spec, pointer);
    }
    if (!input.is_object()) return element_error(input, "an object", pointer);
    return object(input, *spec.table, pointer);
  }

  std::nullopt_t element_error(const Json& input, std::string_view expected,
                               const std::string& pointer) {
    m_errors.add(pointer, "expected " + std::string(expected) + ", got " + type_phrase(input));
    return std::nullopt;
  }

  ErrorList& m_errors;
};

}  // namespace

std::string type_phrase(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a floating-point number";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "an unsupported value";
  }
}

Json walk_object(const Json& object, const KeyTable& table, const std::string& pointer,
                 ErrorList& errors) {
  return Walker(errors).object(object, table, pointer);
}

}  // namespace kaution::config_detail
