#pragma once
// The config file's keys as data (fluent-bit's config_map, Kea's SimpleParser defaults): one
// KeyTable per section, one KeySpec {name, type, default, description} per key. The walker checks
// documents against these tables and render_config_reference() documents them, so the two never
// disagree.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kaution {

enum class ValueType {
  boolean,
  integer,       // within [min, max]
  string,        // non-empty, in `format`
  path,          // a non-empty string; relative paths are taken from the config file's directory
  enumeration,   // one of `choices`
  secret,        // a plain string or an object of the secret table
  object,        // of `table`
  object_array,  // of `table` objects, [min, max] entries
  string_array,  // non-empty strings in `format`, [min, max] entries
};

// Extra checks on string values.
enum class StringFormat {
  any,
  name,             // [a-z0-9-], 1–63 characters
  octal_mode,       // "0660"
  iban,             // core/iban.hpp
  date,             // YYYY-MM-DD
  interest_rate,    // percent with three decimals, "0.250"
  http_url,         // http:// or https://, no user information
  ip_address,       // IPv4, IPv6 or "localhost"
  public_key_pin,   // "sha256//<base64>" pins separated by ";"
  credential_name,  // a file name without "/"
  env_name,         // [A-Za-z_][A-Za-z0-9_]*
};

struct KeyTable;

// Default text for a key that must be given.
inline constexpr std::string_view k_required = "";
inline constexpr std::int64_t k_unbounded = std::numeric_limits<std::int64_t>::max();

struct KeySpec {
  std::string_view name;
  ValueType type = ValueType::string;
  // The default as JSON text, "null" when the key is optional without a value (then null is
  // accepted too), k_required when it must be given. "{}" and "[]" take nested defaults.
  std::string_view default_json = k_required;
  std::int64_t min = 0;  // integer: smallest value; arrays: fewest entries
  std::int64_t max = k_unbounded;
  std::span<const std::string_view> choices = {};  // enumeration
  StringFormat format = StringFormat::any;         // string, path, string_array entries
  const KeyTable* table = nullptr;                 // object, object_array, secret
  std::string_view description;
};

struct KeyTable {
  std::string_view pointer;  // where it sits, for documentation: "/accesses/*/tls"
  std::string_view description;
  std::span<const KeySpec> keys;
  bool exactly_one = false;  // exactly one of the keys must be given (secret references)
};

// The whole file.
const KeyTable& root_key_table();

const KeySpec* find_key(const KeyTable& table, std::string_view name);
std::string_view to_string(ValueType type);
std::string_view to_string(StringFormat format);

// Every table as Markdown: a heading per table, a row per key (name, type, default, description).
std::string render_config_reference();

}  // namespace kaution
