// render_config_reference(): the key tables as Markdown, for docs and `kautiond --help-config`.

#include <set>
#include <vector>

#include "config/key_table.hpp"

namespace kaution {
namespace {

std::string code(std::string_view text) {
  return "`" + std::string(text) + "`";
}

std::string escape_cell(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (c == '|') result += '\\';
    result += c;
  }
  return result;
}

std::string table_title(const KeyTable& table) {
  return table.pointer.empty() ? std::string("top level") : code(table.pointer);
}

std::string integer_range(const KeySpec& spec) {
  if (spec.max == k_unbounded) return spec.min == 0 ? "" : " ≥ " + std::to_string(spec.min);
  return " " + std::to_string(spec.min) + "–" + std::to_string(spec.max);
}

std::string type_cell(const KeySpec& spec) {
  std::string type;
  switch (spec.type) {
    case ValueType::integer:
      type = "integer" + integer_range(spec);
      break;
    case ValueType::enumeration:
      for (std::string_view choice : spec.choices) {
        type += (type.empty() ? "" : " | ") + code(choice);
      }
      break;
    case ValueType::object:
      type = "object (" + table_title(*spec.table) + ")";
      break;
    case ValueType::object_array:
      type = "array of " + table_title(*spec.table);
      break;
    case ValueType::secret:
      type = "secret (" + table_title(*spec.table) + ")";
      break;
    default:
      type = std::string(to_string(spec.type));
      break;
  }
  if (spec.format != StringFormat::any) type += " (" + std::string(to_string(spec.format)) + ")";
  if ((spec.type == ValueType::object_array || spec.type == ValueType::string_array) &&
      spec.min > 0) {
    type += ", at least " + std::to_string(spec.min);
  }
  if (spec.default_json == "null") type += " or null";
  return type;
}

std::string default_cell(const KeySpec& spec) {
  if (spec.default_json == k_required) return "**required**";
  return code(spec.default_json);
}

void collect(const KeyTable& table, std::vector<const KeyTable*>& order,
             std::set<const KeyTable*>& seen) {
  if (!seen.insert(&table).second) return;
  order.push_back(&table);
  for (const KeySpec& spec : table.keys) {
    if (spec.table != nullptr) collect(*spec.table, order, seen);
  }
}

std::string render_table(const KeyTable& table) {
  std::string out = "### " + table_title(table) + "\n\n" + std::string(table.description) +
                    "\n\n| key | type | default | description |\n|---|---|---|---|\n";
  for (const KeySpec& spec : table.keys) {
    out += "| " + code(spec.name) + " | " + escape_cell(type_cell(spec)) + " | " +
           escape_cell(default_cell(spec)) + " | " + escape_cell(spec.description) + " |\n";
  }
  return out;
}

}  // namespace

std::string_view to_string(ValueType type) {
  switch (type) {
    case ValueType::boolean:
      return "boolean";
    case ValueType::integer:
      return "integer";
    case ValueType::string:
      return "string";
    case ValueType::path:
      return "path";
    case ValueType::enumeration:
      return "enumeration";
    case ValueType::secret:
      return "secret";
    case ValueType::object:
      return "object";
    case ValueType::object_array:
      return "array of objects";
    case ValueType::string_array:
      return "array of strings";
  }
  return "?";
}

std::string_view to_string(StringFormat format) {
  switch (format) {
    case StringFormat::any:
      return "any";
    case StringFormat::name:
      return "a-z, 0-9, -";
    case StringFormat::octal_mode:
      return "octal file mode";
    case StringFormat::iban:
      return "IBAN";
    case StringFormat::date:
      return "YYYY-MM-DD";
    case StringFormat::interest_rate:
      return "percent, three decimals";
    case StringFormat::http_url:
      return "http or https URL";
    case StringFormat::ip_address:
      return "IP address or localhost";
    case StringFormat::public_key_pin:
      return "sha256// pins";
    case StringFormat::credential_name:
      return "file name";
    case StringFormat::env_name:
      return "variable name";
  }
  return "?";
}

std::string render_config_reference() {
  std::vector<const KeyTable*> order;
  std::set<const KeyTable*> seen;
  collect(root_key_table(), order, seen);
  std::string out;
  for (const KeyTable* table : order) {
    if (!out.empty()) out += '\n';
    out += render_table(*table);
  }
  return out;
}

}  // namespace kaution
